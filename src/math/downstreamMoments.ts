/**
 * The sums behind a downstream unit z = w·y under inverted dropout, y = m⊙x/q
 * (docs/mathematics.md#downstream-unit, #fixed-count-moments). With b_i = w_i x_i and b̄ = w·x/n:
 * E[z] = w·x for both unit models; Var z = (1−q)/q Σ b_i² (Bernoulli) or
 * (1−q)/q · n/(n−1) · Σ (b_i − b̄)² (exactly k kept: the finite-population form).
 */
import type { MaskModel } from './types.ts';

/** The mask models that drop units (DropConnect masks weights instead). */
export type UnitMaskModel = Extract<MaskModel, 'bernoulli' | 'fixed'>;

export interface DownstreamMomentsInput {
  readonly x: readonly number[];
  /** w, the downstream weights (the first min(|x|, |w|) entries are used). */
  readonly w: readonly number[];
  /** q (k/n for the fixed model). */
  readonly keep: number;
  readonly model: UnitMaskModel;
}

export interface DownstreamMoments {
  /** w·x, the unit at test time (and E[z] under 1/q). */
  readonly undropped: number;
  /** Σ w_i² x_i². */
  readonly sumSquares: number;
  /** Σ (b_i − b̄)², b_i = w_i x_i, b̄ = w·x/n (the fixed model's sum). */
  readonly spread: number;
  /** Var z under 1/q for the model (NaN for q = 0; 0 for one unit under the fixed model). */
  readonly variance: number;
}

/** E[z] = w·x and Var z under inverted dropout, in closed form (two passes: the mean of b first). */
export function downstreamMoments({ x, w, keep, model }: DownstreamMomentsInput): DownstreamMoments {
  const n = Math.min(x.length, w.length);
  let undropped = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const b = (w[i] as number) * (x[i] as number);
    undropped += b;
    sumSquares += b * b;
  }
  const mean = n > 0 ? undropped / n : 0;
  let spread = 0;
  for (let i = 0; i < n; i++) spread += ((w[i] as number) * (x[i] as number) - mean) ** 2;
  const ratio = keep > 0 ? (1 - keep) / keep : Number.NaN;
  let variance: number;
  switch (model) {
    case 'bernoulli':
      variance = ratio * sumSquares;
      break;
    case 'fixed':
      variance = n > 1 ? ((ratio * n) / (n - 1)) * spread : 0;
      break;
  }
  return { undropped, sumSquares, spread, variance };
}
