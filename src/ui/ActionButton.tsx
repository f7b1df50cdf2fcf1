import type { ButtonHTMLAttributes } from 'react';
import { controlAccess, type ControlGroup } from '../state/classLink.ts';
import { useExplorer } from './explorerContext.ts';
import { FIXED_BY_LINK } from './Slider.tsx';

interface ActionButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'disabled'> {
  /** The groups of controls whose values the button changes. */
  readonly groups: readonly ControlGroup[];
  /** While a class link locks one of them: leave the button out (a suggestion), or show it disabled (a switch whose state matters). */
  readonly whenLocked?: 'hide' | 'disable';
}

/** A button in the prose that changes the state: it follows the class link's restrictions on what it changes. */
export function ActionButton({ groups, whenLocked = 'hide', ...props }: ActionButtonProps) {
  const access = useExplorer((s) => {
    const all = groups.map((g) => controlAccess(s, g));
    return all.includes('hidden') ? 'hidden' : all.includes('locked') ? 'locked' : 'free';
  });
  if (access === 'hidden' || (access === 'locked' && whenLocked === 'hide')) return null;
  return <button type="button" {...props} disabled={access === 'locked'} title={access === 'locked' ? FIXED_BY_LINK : props.title} />;
}
