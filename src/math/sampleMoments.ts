/**
 * Streaming moments of one sampled quantity v without storing the samples.
 *
 * Power sums of d = v − v₁ (v₁ the first sample, a shift within a few standard deviations of the
 * mean with high probability, so no cancellation) are summed in blocks of BLOCK samples and each
 * block is added to the totals with Neumaier compensation: the result does not drift over 10⁹
 * samples and, because blocks start at fixed sample indices, it does not depend on how the
 * samples were split into calls.
 */

const BLOCK = 4096;

// Layout of the state array.
const SHIFT = 0;
const COUNT = 1;
const IN_BLOCK = 2;
const BLOCK_SUMS = 3; // Σd, Σd², Σd³, Σd⁴ of the current block
const TOTALS = 7; // same, all completed blocks
const COMPENSATIONS = 11; // Neumaier running compensation of TOTALS
export const MOMENT_STATE_SIZE = 15;

/** A fresh state (all zeros). */
export function createMomentState(): Float64Array {
  return new Float64Array(MOMENT_STATE_SIZE);
}

/** Adds one sample. */
export function addMoment(state: Float64Array, value: number): void {
  if (state[COUNT] === 0) state[SHIFT] = value;
  const d = value - state[SHIFT]!;
  const d2 = d * d;
  state[BLOCK_SUMS] = state[BLOCK_SUMS]! + d;
  state[BLOCK_SUMS + 1] = state[BLOCK_SUMS + 1]! + d2;
  state[BLOCK_SUMS + 2] = state[BLOCK_SUMS + 2]! + d2 * d;
  state[BLOCK_SUMS + 3] = state[BLOCK_SUMS + 3]! + d2 * d2;
  state[COUNT] = state[COUNT]! + 1;
  state[IN_BLOCK] = state[IN_BLOCK]! + 1;
  if (state[IN_BLOCK] === BLOCK) foldBlock(state);
}

/**
 * Adds values[0 … count): the same sums in the same order as `count` calls of addMoment, with the
 * block sums held in locals between block boundaries.
 */
export function addMoments(state: Float64Array, values: Float64Array, count: number): void {
  if (count > 0 && state[COUNT] === 0) state[SHIFT] = values[0]!;
  const shift = state[SHIFT]!;
  let t = 0;
  while (t < count) {
    const end = Math.min(count, t + BLOCK - state[IN_BLOCK]!);
    const taken = end - t;
    let s1 = state[BLOCK_SUMS]!;
    let s2 = state[BLOCK_SUMS + 1]!;
    let s3 = state[BLOCK_SUMS + 2]!;
    let s4 = state[BLOCK_SUMS + 3]!;
    for (; t < end; t++) {
      const d = values[t]! - shift;
      const d2 = d * d;
      s1 += d;
      s2 += d2;
      s3 += d2 * d;
      s4 += d2 * d2;
    }
    state[BLOCK_SUMS] = s1;
    state[BLOCK_SUMS + 1] = s2;
    state[BLOCK_SUMS + 2] = s3;
    state[BLOCK_SUMS + 3] = s4;
    state[COUNT] = state[COUNT]! + taken;
    state[IN_BLOCK] = state[IN_BLOCK]! + taken;
    if (state[IN_BLOCK] === BLOCK) foldBlock(state);
  }
}

/** Adds the finished block to the totals (Neumaier) and starts a new one. */
function foldBlock(state: Float64Array): void {
  for (let p = 0; p < 4; p++) {
    const [sum, compensation] = neumaierAdd(state[TOTALS + p]!, state[COMPENSATIONS + p]!, state[BLOCK_SUMS + p]!);
    state[TOTALS + p] = sum;
    state[COMPENSATIONS + p] = compensation;
    state[BLOCK_SUMS + p] = 0;
  }
  state[IN_BLOCK] = 0;
}

/** sum + value with Neumaier's running compensation. */
function neumaierAdd(sum: number, compensation: number, value: number): [number, number] {
  const next = sum + value;
  const lost = Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum;
  return [next, compensation + lost];
}

/** Mean and central moments m_k = (1/N)Σ(v − mean)^k of the samples so far. */
export interface CentralMoments {
  readonly count: number;
  readonly mean: number;
  readonly m2: number;
  readonly m3: number;
  readonly m4: number;
}

/** Reads the moments (the state is not changed, so reading mid-run does not alter later results). */
export function centralMoments(state: Float64Array): CentralMoments {
  const count = state[COUNT]!;
  if (count === 0) return { count, mean: Number.NaN, m2: Number.NaN, m3: Number.NaN, m4: Number.NaN };
  const raw: number[] = [];
  for (let p = 0; p < 4; p++) {
    const [sum, compensation] = neumaierAdd(state[TOTALS + p]!, state[COMPENSATIONS + p]!, state[BLOCK_SUMS + p]!);
    raw.push((sum + compensation) / count);
  }
  const [e1, e2, e3, e4] = raw as [number, number, number, number];
  const m2 = Math.max(0, e2 - e1 * e1);
  return {
    count,
    mean: state[SHIFT]! + e1,
    m2,
    m3: e3 - 3 * e1 * e2 + 2 * e1 ** 3,
    m4: Math.max(0, e4 - 4 * e1 * e3 + 6 * e1 * e1 * e2 - 3 * e1 ** 4),
  };
}

/** z for a two-sided 95% normal interval. */
export const Z95 = 1.959963984540054;

/** Sample mean, its standard error s/√N (s² with N − 1) and the normal 95% interval. */
export function meanEstimate(moments: CentralMoments): { value: number; standardError: number } {
  const { count, mean, m2 } = moments;
  const standardError = count > 1 ? Math.sqrt(m2 / (count - 1)) : Number.POSITIVE_INFINITY;
  return { value: mean, standardError };
}

/** Unbiased sample variance s² and its standard error √((m4 − m2²)/N) (large-sample). */
export function varianceEstimate(moments: CentralMoments): { value: number; standardError: number } {
  const { count, m2, m4 } = moments;
  if (count < 2) return { value: Number.NaN, standardError: Number.POSITIVE_INFINITY };
  return { value: (m2 * count) / (count - 1), standardError: Math.sqrt(Math.max(0, m4 - m2 * m2) / count) };
}

/** Sample standard deviation s and its delta-method standard error SE(s²)/(2s). */
export function standardDeviationEstimate(moments: CentralMoments): { value: number; standardError: number } {
  const variance = varianceEstimate(moments);
  const value = Math.sqrt(variance.value);
  return { value, standardError: value > 0 ? variance.standardError / (2 * value) : variance.standardError };
}

/**
 * √(E v²) and its delta-method standard error: Var(v²) = 4μ²m2 + 4μm3 + m4 − m2² (written without
 * the cancellation of E v⁴ − (E v²)²), SE = √(Var(v²)/N)/(2·rms).
 */
export function rootMeanSquareEstimate(moments: CentralMoments): { value: number; standardError: number } {
  const { count, mean, m2, m3, m4 } = moments;
  const value = Math.sqrt(mean * mean + m2);
  if (count < 2) return { value, standardError: Number.POSITIVE_INFINITY };
  const varianceOfSquare = Math.max(0, 4 * mean * mean * m2 + 4 * mean * m3 + m4 - m2 * m2);
  const standardError = Math.sqrt(varianceOfSquare / (count - 1));
  return { value, standardError: value > 0 ? standardError / (2 * value) : 0 };
}
