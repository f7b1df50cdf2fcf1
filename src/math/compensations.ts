/**
 * The compensations as data: whether each is one scale s for every mask or a per-sample factor,
 * what the network computes at test time, and whether it keeps the mean, E[y] = x
 * (docs/mathematics.md#norm-matching-and-the-alternatives).
 */
import { unreachable } from './maskModels.ts';
import type { Compensation } from './types.ts';

export interface CompensationDescriptor {
  readonly id: Compensation;
  /** 'scalar': y = s·(m⊙x) with one s; 'per-sample': the factor depends on the mask. */
  readonly kind: 'scalar' | 'per-sample';
  /**
   * What s depends on: 'keep' (a function of q alone: 1/q, 1, 1/√q), 'mean' (c* = ‖x‖/E‖m⊙x‖, which
   * must be computed or estimated first), 'mask' (per sample, ‖x‖/‖m⊙x‖).
   */
  readonly scaleFrom: 'keep' | 'mean' | 'mask';
  /** The factor as TeX, in the keep probability q (c^* for the constant, ‖x‖/‖m⊙x‖ per sample). */
  readonly scaleTex: string;
  /** True when E[y] = x for every x: only 1/q. */
  readonly unbiased: boolean;
  /** The test-time output as a multiple of the undropped value: q for 'none' (weights × q), else 1. */
  testFactor(keep: number): number;
}

const one = () => 1;

export const COMPENSATION_DESCRIPTORS: { readonly [c in Compensation]: CompensationDescriptor } = {
  inverted: { id: 'inverted', kind: 'scalar', scaleFrom: 'keep', scaleTex: String.raw`\frac{1}{q}`, unbiased: true, testFactor: one },
  none: { id: 'none', kind: 'scalar', scaleFrom: 'keep', scaleTex: '1', unbiased: false, testFactor: (keep) => keep },
  sqrt: { id: 'sqrt', kind: 'scalar', scaleFrom: 'keep', scaleTex: String.raw`\frac{1}{\sqrt q}`, unbiased: false, testFactor: one },
  match: {
    id: 'match', kind: 'per-sample', scaleFrom: 'mask', scaleTex: String.raw`\frac{\lVert x\rVert}{\lVert m\odot x\rVert}`, unbiased: false,
    testFactor: one,
  },
  constant: { id: 'constant', kind: 'scalar', scaleFrom: 'mean', scaleTex: 'c^*', unbiased: false, testFactor: one },
};

/** The descriptor of a compensation. */
export const compensationInfo = (c: Compensation): CompensationDescriptor => COMPENSATION_DESCRIPTORS[c];

/** s for a scalar compensation: inverted 1/q, none 1, sqrt 1/√q, constant c*. */
export function compensationScale(
  which: Exclude<Compensation, 'match'>,
  keep: number,
  constantScale: number,
): number {
  switch (which) {
    case 'inverted':
      return 1 / keep;
    case 'none':
      return 1;
    case 'sqrt':
      return 1 / Math.sqrt(keep);
    case 'constant':
      return constantScale;
  }
}

/** True for a per-sample factor (no single s): reads the descriptor. */
export const isPerSample = (c: Compensation): boolean => COMPENSATION_DESCRIPTORS[c].kind === 'per-sample';

/** True when s is c*, which needs E‖m⊙x‖ first. */
export const scaleFromMean = (c: Compensation): boolean => COMPENSATION_DESCRIPTORS[c].scaleFrom === 'mean';

/** s of any compensation, null for a per-sample factor (exhaustive: a new compensation fails to compile here). */
export function scalarScale(which: Compensation, keep: number, constantScale: number): number | null {
  switch (which) {
    case 'match':
      return null;
    case 'inverted':
    case 'none':
    case 'sqrt':
    case 'constant':
      return compensationScale(which, keep, constantScale);
    default:
      return unreachable(which, 'compensation');
  }
}
