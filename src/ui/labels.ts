/** Words for the engine's choices, as the controls and tables show them. */
import type { Compensation, MaskModel, Method } from '../math/types.ts';

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
