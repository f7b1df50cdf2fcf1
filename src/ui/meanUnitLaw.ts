/**
 * The exact law of y = s(m)·(m⊙x) and of a downstream unit z = w·y for small n, by visiting every
 * mask (all 2ⁿ for Bernoulli, the C(n, k) with k kept for the fixed count), each weighted by its
 * probability (masks outside the fixed count get probability 0). ‖m⊙x‖² and w·(m⊙x) of mask r come
 * from r without its lowest set bit, one add each. Moments use two passes (mean first, then
 * Σ p (v − mean)²), so a small variance next to a large mean keeps its digits. Cheap enough for the
 * main thread: about 2·n·2ⁿ ≈ 2 M steps at n = 16.
 */
import { bernoulliMaskProbability, type Compensation } from '../math/index.ts';

/** Largest n whose masks the section enumerates on the main thread (2¹⁶ = 65 536 masks). */
export const MAX_ENUMERATED_MEAN_UNITS = 16;

export interface UnitLawInput {
  readonly x: readonly number[];
  /** w, the downstream weights (length n). */
  readonly w: readonly number[];
  /** q for the Bernoulli model (ignored by the fixed model, where q = kept/n). */
  readonly keep: number;
  readonly model: 'bernoulli' | 'fixed';
  /** k for the fixed model. */
  readonly kept: number;
  readonly compensation: Compensation;
}

export interface UnitLaw {
  /** The effective q (k/n for the fixed model). */
  readonly keep: number;
  /** Masks the model can draw (2ⁿ, or C(n, k) for the fixed count). */
  readonly masks: number;
  /** c* = ‖x‖/E‖m⊙x‖ (1/q for x = 0). */
  readonly constantScale: number;
  /** E[y_i] and sd(y_i). */
  readonly meanY: readonly number[];
  readonly sdY: readonly number[];
  /** z on each of the 2ⁿ masks and its probability (the exact law of z; atoms may repeat, some have probability 0). */
  readonly zValues: Float64Array;
  readonly zProbabilities: Float64Array;
  readonly meanZ: number;
  readonly varZ: number;
}

/** C(n, k) as a float (exact for the n ≤ 16 used here). */
function binomial(n: number, k: number): number {
  let c = 1;
  for (let j = 0; j < k; j++) c = (c * (n - j)) / (j + 1);
  return c;
}

/**
 * The exact law for n ≤ MAX_ENUMERATED_MEAN_UNITS, or null when n is larger, the inputs do not
 * fit together, or q = 0 (k = 0: nothing is kept and 1/q is undefined). Never throws.
 * Bit i of the mask word r is m_i; for 'match' the all-dropped mask outputs 0.
 */
export function enumerateUnitLaw(input: UnitLawInput): UnitLaw | null {
  const { x, w, model, compensation } = input;
  const n = x.length;
  if (n < 1 || n > MAX_ENUMERATED_MEAN_UNITS || w.length !== n) return null;
  if (!x.every(Number.isFinite) || !w.every(Number.isFinite)) return null;
  const kept = model === 'fixed' ? input.kept : -1;
  if (model === 'fixed' && !(Number.isInteger(kept) && kept >= 1 && kept <= n)) return null;
  const q = model === 'fixed' ? kept / n : input.keep;
  if (!(q > 0 && q <= 1)) return null;

  const total = 2 ** n;
  let normSquared = 0;
  for (const v of x) normSquared += v * v;
  const norm = Math.sqrt(normSquared);
  // Probability of a mask with k kept: q^k (1−q)^(n−k) (Bernoulli) or 1/C(n, k) for k = kept (fixed).
  const byCount = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    byCount[k] = model === 'fixed' ? (k === kept ? 1 / binomial(n, kept) : 0) : bernoulliMaskProbability(q, k, n);
  }
  // Masks in increasing order; S(r) and w·(m⊙x)(r) from r without its lowest bit (one add per mask).
  const probability = new Float64Array(total);
  const squares = new Float64Array(total);
  const dot = new Float64Array(total);
  const count = new Uint8Array(total);
  let meanMaskedNorm = 0;
  for (let r = 1; r < total; r++) {
    const rest = r & (r - 1);
    const i = 31 - Math.clz32(r ^ rest);
    const xi = x[i] as number;
    squares[r] = (squares[rest] as number) + xi * xi;
    dot[r] = (dot[rest] as number) + (w[i] as number) * xi;
    count[r] = (count[rest] as number) + 1;
  }
  let masks = 0;
  for (let r = 0; r < total; r++) {
    const p = byCount[count[r] as number] as number;
    probability[r] = p;
    if (model === 'bernoulli' || count[r] === kept) masks++;
    meanMaskedNorm += p * Math.sqrt(squares[r] as number);
  }
  const constantScale = meanMaskedNorm > 0 ? norm / meanMaskedNorm : 1 / q;
  const scalar =
    compensation === 'inverted' ? 1 / q
    : compensation === 'none' ? 1
    : compensation === 'sqrt' ? 1 / Math.sqrt(q)
    : constantScale;
  const scale = new Float64Array(total);
  const zValues = new Float64Array(total);
  let meanZ = 0;
  for (let r = 0; r < total; r++) {
    const root = Math.sqrt(squares[r] as number);
    const s = compensation === 'match' ? (root > 0 ? norm / root : 0) : scalar;
    scale[r] = s;
    const z = s * (dot[r] as number);
    zValues[r] = z;
    meanZ += (probability[r] as number) * z;
  }
  // E[y_i] = x_i Σ_{r ∋ i} p_r s_r; then Var(y_i) in a second pass around it.
  const meanY = new Array<number>(n).fill(0);
  const sdY = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    let sum = 0;
    for (let r = 0; r < total; r++) if ((r >>> i) & 1) sum += (probability[r] as number) * (scale[r] as number);
    const mean = xi * sum;
    let variance = 0;
    for (let r = 0; r < total; r++) {
      const y = (r >>> i) & 1 ? (scale[r] as number) * xi : 0;
      variance += (probability[r] as number) * (y - mean) * (y - mean);
    }
    meanY[i] = mean;
    sdY[i] = Math.sqrt(variance);
  }
  let varZ = 0;
  for (let r = 0; r < total; r++) varZ += (probability[r] as number) * ((zValues[r] as number) - meanZ) ** 2;
  return {
    keep: q,
    masks,
    constantScale,
    meanY,
    sdY,
    zValues,
    zProbabilities: probability,
    meanZ,
    varZ,
  };
}
