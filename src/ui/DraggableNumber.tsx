import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { ControlGroup } from '../state/classLink.ts';
import { useControlAccess } from './controlAccess.ts';
import { FIXED_BY_LINK } from './Slider.tsx';

interface DraggableNumberProps {
  /** Accessible name, e.g. "keep probability q". */
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** How the value reads in the sentence. */
  readonly display: string;
  /** Multiplicative steps (for sizes like n = 4 … 4096) instead of additive ones. */
  readonly logarithmic?: boolean;
  readonly onChange: (value: number) => void;
  /** The group of controls it belongs to: while a class link locks or hides it, it is plain text. */
  readonly group: ControlGroup;
  /** Fixed for another reason than its group (e.g. n while a class link fixes the mask). */
  readonly fixed?: boolean;
}

/** Pixels of horizontal drag per step. */
const PIXELS_PER_STEP = 6;

/**
 * A number in the prose that the reader can drag left and right (or focus and press ←/→/↑/↓), as
 * in Bret Victor's reactive documents. It is a slider to assistive technology.
 */
export function DraggableNumber({ label, value, min, max, step, display, logarithmic = false, onChange, group, fixed = false }: DraggableNumberProps) {
  const start = useRef<{ x: number; value: number } | null>(null);
  const access = useControlAccess(group);
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  const move = (from: number, steps: number) => {
    const next = logarithmic ? from * 2 ** steps : from + steps * step;
    return clamp(Math.round(next / step) * step);
  };
  const onPointerDown = (event: PointerEvent<HTMLSpanElement>) => {
    start.current = { x: event.clientX, value };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLSpanElement>) => {
    if (start.current === null) return;
    const steps = Math.round((event.clientX - start.current.x) / PIXELS_PER_STEP);
    const next = move(start.current.value, logarithmic ? steps / 8 : steps);
    if (next !== value) onChange(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLSpanElement>) => {
    const delta: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 10, PageDown: -10 };
    if (event.key === 'Home') onChange(min);
    else if (event.key === 'End') onChange(max);
    else if (delta[event.key] !== undefined) onChange(move(value, logarithmic ? Math.sign(delta[event.key] ?? 0) : (delta[event.key] ?? 0)));
    else return;
    event.preventDefault();
  };
  if (access !== 'free' || fixed) {
    return (
      <span className="fixed-number" title={FIXED_BY_LINK}>
        {display}
      </span>
    );
  }
  return (
    <span
      className="draggable-number"
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={display}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (start.current = null)}
      onPointerCancel={() => (start.current = null)}
      onKeyDown={onKeyDown}
    >
      {display}
    </span>
  );
}
