/** Words for the engine's choices, as the controls and tables show them (in the page's notation). */
import type { Compensation, MaskModel, Method } from '../math/index.ts';
import type { Notation } from '../state/explorerState.ts';
import { useExplorer } from './explorerContext.ts';

/** Plain text with every free q (not inside a word) written as (1−p) when the page speaks of p. */
export function inWords(text: string, notation: Notation): string {
  return notation === 'drop' ? text.replace(/(?<![A-Za-z])q(?![A-Za-z])/g, '(1−p)') : text;
}

function inNotationRecord<K extends string>(labels: Record<K, string>, notation: Notation): Record<K, string> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, inWords(v as string, notation)])) as Record<K, string>;
}

export const MODEL_LABELS: Record<MaskModel, string> = {
  bernoulli: 'Bernoulli: each unit kept with probability q (what frameworks do)',
  fixed: 'Fixed count: exactly k of n kept (the accepted answer)',
  dropconnect: 'DropConnect: mask the weights of the next layer',
};

export const COMPENSATION_LABELS: Record<Compensation, string> = {
  inverted: '× 1/q (inverted dropout)',
  none: '× 1 in training, × q at test',
  sqrt: '× 1/√q',
  match: '× ‖x‖/‖m⊙x‖ per sample',
  constant: '× c* = ‖x‖/E‖m⊙x‖',
};

export const METHOD_LABELS: Record<Method | 'auto', string> = {
  auto: 'automatic (most exact that is fast)',
  enumerate: 'enumerate all masks',
  split: 'split (meet in the middle)',
  'closed-form': 'closed form + sampled histogram',
  sample: 'sample',
};

/** The compensation labels in the page's notation. */
export function useCompensationLabels(): Record<Compensation, string> {
  const notation = useExplorer((st) => st.notation);
  return notation === 'keep' ? COMPENSATION_LABELS : inNotationRecord(COMPENSATION_LABELS, notation);
}

/** The mask-model labels in the page's notation. */
export function useModelLabels(): Record<MaskModel, string> {
  const notation = useExplorer((st) => st.notation);
  return notation === 'keep' ? MODEL_LABELS : inNotationRecord(MODEL_LABELS, notation);
}
