/**
 * The exact law of y = s(m)·(m⊙x) and of a downstream unit z = w·y for small n, by visiting every
 * mask (all 2ⁿ; the fixed count gives probability 0 to those without exactly k kept), each weighted
 * by its probability. ‖m⊙x‖² and w·(m⊙x) of mask r come from r without its lowest set bit, one add
 * each. Moments use two passes (mean first, then Σ p (v − mean)²), so a small variance next to a
 * large mean keeps its digits. About (3 + 2n)·2ⁿ steps: 2.3 M at n = 16. Notation: bit i of the
 * mask word r is m_i; for 'match' the all-dropped mask outputs 0.
 */
import { scalarScale } from './compensations.ts';
import type { UnitMaskModel } from './downstreamMoments.ts';
import { maskLaw } from './maskLaw.ts';
import type { Compensation } from './types.ts';

/** Largest n whose masks the mean section enumerates (2¹⁶ = 65 536 masks, a few ms). */
export const MAX_UNIT_LAW_UNITS = 16;

export interface EnumerationInput {
  readonly x: readonly number[];
  readonly w: readonly number[];
  /** The effective q (k/n for the fixed model). */
  readonly keep: number;
  readonly model: UnitMaskModel;
  /** k for the fixed model, null for Bernoulli masks. */
  readonly kept: number | null;
  readonly compensation: Compensation;
}

/** The law of z and every mask's scale, from one pass over the masks. */
export interface EnumeratedLaw {
  /** Masks the model can draw: 2ⁿ, or C(n, k) for the fixed count. */
  readonly masks: number;
  /** c* = ‖x‖/E‖m⊙x‖ (1/q for x = 0). */
  readonly constantScale: number;
  /** s for a scalar compensation, null for per-sample matching. */
  readonly scale: number | null;
  /** z on each of the 2ⁿ masks and its probability (atoms may repeat; some have probability 0). */
  readonly zValues: Float64Array;
  readonly zProbabilities: Float64Array;
  readonly meanZ: number;
  readonly varZ: number;
  /** s(m) on each mask (0 for the all-dropped mask under 'match'). */
  readonly maskScales: Float64Array;
}

/**
 * The law of z and the masks' scales, one pass over the 2ⁿ masks. The caller checks the input
 * (n ≤ MAX_UNIT_LAW_UNITS, finite x and w of the same length, q in (0, 1], 1 ≤ k ≤ n).
 */
export function enumerateDownstream(input: EnumerationInput): EnumeratedLaw {
  const { x, w, keep: q, compensation } = input;
  const n = x.length;
  const total = 2 ** n;
  const law = maskLaw(n, q, input.kept);
  const squares = new Float64Array(total);
  const dot = new Float64Array(total);
  const count = new Uint8Array(total);
  for (let r = 1; r < total; r++) {
    const rest = r & (r - 1);
    const i = 31 - Math.clz32(r ^ rest);
    const xi = x[i] as number;
    squares[r] = (squares[rest] as number) + xi * xi;
    dot[r] = (dot[rest] as number) + (w[i] as number) * xi;
    count[r] = (count[rest] as number) + 1;
  }
  const probability = new Float64Array(total);
  let masks = 0;
  let meanMaskedNorm = 0;
  for (let r = 0; r < total; r++) {
    const mass = law.maskMass[count[r] as number] as number;
    const p = mass / law.totalMass;
    probability[r] = p;
    // Bernoulli masks all count (at q = 1 all but one weigh 0); a fixed count only its C(n, k) subsets.
    if (input.kept === null || mass > 0) masks++;
    meanMaskedNorm += p * Math.sqrt(squares[r] as number);
  }
  const norm = Math.sqrt(squares[total - 1] as number);
  const constantScale = meanMaskedNorm > 0 ? norm / meanMaskedNorm : 1 / q;
  const scale = scalarScale(compensation, q, constantScale);
  const maskScales = new Float64Array(total);
  const zValues = new Float64Array(total);
  let meanZ = 0;
  for (let r = 0; r < total; r++) {
    const root = Math.sqrt(squares[r] as number);
    const s = scale ?? (root > 0 ? norm / root : 0);
    maskScales[r] = s;
    const z = s * (dot[r] as number);
    zValues[r] = z;
    meanZ += (probability[r] as number) * z;
  }
  let varZ = 0;
  for (let r = 0; r < total; r++) varZ += (probability[r] as number) * ((zValues[r] as number) - meanZ) ** 2;
  return { masks, constantScale, scale, zValues, zProbabilities: probability, meanZ, varZ, maskScales };
}

/** E[y_i] = x_i Σ_{r ∋ i} p_r s_r, then sd(y_i) from Σ_r p_r (y_i(r) − E[y_i])² (a second pass). */
export function enumerateUnit(x: readonly number[], i: number, law: EnumeratedLaw): { mean: number; sd: number } {
  const xi = x[i] as number;
  const p = law.zProbabilities;
  const s = law.maskScales;
  const total = p.length;
  let sum = 0;
  for (let r = 0; r < total; r++) if ((r >>> i) & 1) sum += (p[r] as number) * (s[r] as number);
  const mean = xi * sum;
  let variance = 0;
  for (let r = 0; r < total; r++) {
    const y = (r >>> i) & 1 ? (s[r] as number) * xi : 0;
    variance += (p[r] as number) * (y - mean) * (y - mean);
  }
  return { mean, sd: Math.sqrt(variance) };
}
