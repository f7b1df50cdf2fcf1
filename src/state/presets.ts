/**
 * One-click starting points, each a shareable state with a one-sentence caption. The numbers the
 * captions promise are computed by the engine and shown beside them, never written here.
 */
import { SEED_STATE, type ExplorerState } from './explorerState.ts';

export interface Preset {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly state: ExplorerState;
}

const question: ExplorerState = SEED_STATE;

export const PRESETS: readonly Preset[] = [
  {
    id: 'question',
    title: 'The question',
    caption:
      'Four units, half dropped: the mask (0, 0, 1, 1) turns ‖m⊙x‖ = 5.004 into 10.008 against ‖x‖ = 5.006.',
    state: question,
  },
  {
    id: 'answer',
    title: 'The accepted answer',
    caption:
      'Exactly two of four units kept: the six masks the answer averaged, a fixed-count model, not what frameworks draw.',
    state: { ...question, model: 'fixed', kept: 2, preset: 'answer' },
  },
  {
    id: 'layer192',
    title: 'The 192-unit layer',
    caption:
      'A spread-out layer of 192 non-negative units with ‖x‖ = 0.885 at q = ½: ‖y‖ concentrates near ‖x‖/√q = 1.252, so the measured 1.305 is typical.',
    state: {
      ...question,
      // Non-negative, like activations after a ReLU: n_eff ≈ 109, as in the question's real layer.
      source: { kind: 'generated', spec: { kind: 'uniform', units: 192, seed: 7, norm: 0.885 } },
      mask: null,
      reference: 1.305,
      preset: 'layer192',
    },
  },
  {
    id: 'dominant',
    title: 'One dominant unit',
    caption:
      'One unit carries 99.5 % of ‖x‖²: ‖y‖ splits into two modes and E‖y‖ sits close to ‖x‖, the lower Jensen bound.',
    state: {
      ...question,
      source: { kind: 'generated', spec: { kind: 'dominant', units: 16, seed: 1, norm: 1 } },
      mask: null,
      preset: 'dominant',
    },
  },
  {
    id: 'equal',
    title: 'All units equal',
    caption:
      'Sixteen equal units: ‖y‖ depends only on how many are kept, and E‖y‖ sits close to ‖x‖/√q, the upper bound.',
    state: {
      ...question,
      source: { kind: 'generated', spec: { kind: 'equal', units: 16, seed: 1, norm: 1 } },
      mask: null,
      preset: 'equal',
    },
  },
  {
    id: 'gauss1024',
    title: 'A Gaussian layer of 1024 units',
    caption:
      'Too many masks to list (2¹⁰²⁴): the mean norm is still exact by a closed form, and the histogram is sampled with its error.',
    state: {
      ...question,
      source: { kind: 'generated', spec: { kind: 'gauss', units: 1024, seed: 1, norm: 1 } },
      mask: null,
      preset: 'gauss1024',
    },
  },
];
