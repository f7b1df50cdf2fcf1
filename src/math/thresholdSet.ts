/**
 * A list of thresholds on the grid sum S, sorted for the kernels, and how to read probabilities
 * back. The kernels report interval masses: masses[j] = P(exactly j of the sorted thresholds are
 * ≤ S), j = 0 … T. Then P(τ_a ≤ S < τ_b) is the sum of masses[pos(a)+1 … pos(b)], a sum of
 * non-negative terms (no differences of cumulative probabilities, which would cancel).
 */

export interface ThresholdSet {
  /** The thresholds in increasing order (ties kept). */
  readonly sorted: Float64Array;
  /** positions[i] = index in `sorted` of the i-th threshold as given. */
  readonly positions: Int32Array;
}

export function thresholdSet(thresholds: readonly number[]): ThresholdSet {
  const order = thresholds.map((_, i) => i).sort((a, b) => thresholds[a]! - thresholds[b]! || a - b);
  const sorted = new Float64Array(order.length);
  const positions = new Int32Array(order.length);
  order.forEach((given, position) => {
    sorted[position] = thresholds[given]!;
    positions[given] = position;
  });
  return { sorted, positions };
}

/** P(τ_a ≤ S < τ_b) for given thresholds a and b (τ_a ≤ τ_b), from interval masses. */
export function massBetween(masses: Float64Array, set: ThresholdSet, a: number, b: number): number {
  let sum = 0;
  for (let j = set.positions[a]! + 1; j <= set.positions[b]!; j++) sum += masses[j]!;
  return sum;
}

/** P(S ≥ τ_a). */
export function massFrom(masses: Float64Array, set: ThresholdSet, a: number): number {
  let sum = 0;
  for (let j = set.positions[a]! + 1; j < masses.length; j++) sum += masses[j]!;
  return sum;
}

/** P(S < τ_a). */
export function massBelow(masses: Float64Array, set: ThresholdSet, a: number): number {
  let sum = 0;
  for (let j = 0; j <= set.positions[a]!; j++) sum += masses[j]!;
  return sum;
}
