/**
 * The probability of one mask as a function of its kept count k, in "mass" units that keep the
 * fixed model in exact integers: Bernoulli mass q^k(1−q)^(n−k) (total 1), fixed-count mass 1 for
 * each of the C(n, k) masks with k kept and 0 otherwise (total C(n, k)). Probability = mass/total,
 * and "P ≥ ½" is the exact comparison mass ≥ total/2.
 */
import { bernoulliMaskProbability } from './maskTable.ts';

export interface MaskLaw {
  /** maskMass[k]: mass of one mask with k of the units kept, k = 0 … units. */
  readonly maskMass: Float64Array;
  /** Mass of all masks together: 1 (Bernoulli) or C(n, k) (fixed). */
  readonly totalMass: number;
}

/** C(n, k) exactly (integers below 2⁵³, e.g. n ≤ 56). */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let j = 0; j < Math.min(k, n - k); j++) c = (c * (n - j)) / (j + 1);
  return Math.round(c);
}

/** Law over `units` units: Bernoulli(keep), or exactly `kept` kept when kept ≥ 0. */
export function maskLaw(units: number, keep: number, kept: number | null): MaskLaw {
  const maskMass = new Float64Array(units + 1);
  if (kept !== null) {
    maskMass[kept] = 1;
    return { maskMass, totalMass: binomial(units, kept) };
  }
  for (let k = 0; k <= units; k++) maskMass[k] = bernoulliMaskProbability(keep, k, units);
  return { maskMass, totalMass: 1 };
}

/** Interval masses Σ_k maskMass[k]·counts[k·(T+1) + j] from per-k interval counts. */
export function weighCounts(law: MaskLaw, counts: Float64Array, intervals: number): Float64Array {
  const masses = new Float64Array(intervals);
  for (let k = 0; k < law.maskMass.length; k++) {
    const mass = law.maskMass[k]!;
    if (mass === 0) continue;
    for (let j = 0; j < intervals; j++) masses[j] = masses[j]! + mass * counts[k * intervals + j]!;
  }
  return masses;
}
