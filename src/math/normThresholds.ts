/**
 * From the norm of the compensated output to its sum of squares in grid units, and back.
 *
 * For every scalar compensation s, ‖y‖ = s·‖m⊙x‖ = σ·√(S/2^p) with σ = s·L and S the grid sum
 * (gridUnits.ts), so "‖y‖ ≥ v" is "S ≥ θ" for one integer θ: a histogram of ‖y‖ is a histogram of S.
 * Per-sample matching ('match') gives ‖y‖ = ‖x‖ when S > 0 and 0 when S = 0. Thresholds are the
 * smallest integers with the property, checked against normOfSum itself, so binning by threshold is
 * binning by the computed norm of each mask, and they are clamped to [0, total + 1].
 */
import type { GridUnits } from './gridUnits.ts';

/** A value within this share of max|edge| of an edge (or of ‖x‖, relative) counts as equal to it. */
export const NORM_TOLERANCE = 1e-12;

/** How ‖y‖ depends on the grid sum S. */
export type NormMap =
  /** ‖y‖ = factor·√(S/resolution). */
  | { readonly kind: 'scale'; readonly factor: number; readonly resolution: number; readonly total: number }
  /** ‖y‖ = norm for S > 0, and 0 for S = 0 (the all-dropped mask). */
  | { readonly kind: 'match'; readonly norm: number; readonly total: number };

/** The map for scale s (null: 'match', whose test-time norm is ‖x‖ = `norm`). */
export function normMap(grid: GridUnits, scale: number | null, norm: number): NormMap {
  return scale === null
    ? { kind: 'match', norm, total: grid.total }
    : { kind: 'scale', factor: scale * grid.largest, resolution: grid.resolution, total: grid.total };
}

/** ‖y‖ of a mask with grid sum S. */
export function normOfSum(map: NormMap, sum: number): number {
  return map.kind === 'match' ? (sum > 0 ? map.norm : 0) : map.factor * Math.sqrt(sum / map.resolution);
}

/**
 * Smallest integer S in [0, total + 1] with test(normOfSum(S)) (test monotone in S; total + 1 means
 * none): the guess when it is right (the usual case), else a binary search (≤ 53 probes).
 */
function smallestSum(map: NormMap, guess: number, test: (norm: number) => boolean): number {
  const end = map.total + 1;
  const holds = (sum: number): boolean => sum >= end || test(normOfSum(map, sum));
  const first = Math.min(end, Math.max(0, guess));
  if (holds(first) && (first === 0 || !holds(first - 1))) return first;
  let low = 0;
  let high = end;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (holds(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** A first guess for the S at which ‖y‖ reaches `value`. */
function guessSum(map: NormMap, value: number): number {
  if (!(value > 0)) return 0;
  if (map.kind === 'match') return value <= map.norm ? 1 : map.total + 1;
  if (!(map.factor > 0)) return map.total + 1;
  const t = (value / map.factor) ** 2 * map.resolution;
  return Number.isFinite(t) ? Math.ceil(t) : map.total + 1;
}

/** θ = the smallest integer S with ‖y‖ ≥ value. */
export function sumAtLeast(map: NormMap, value: number): number {
  return smallestSum(map, guessSum(map, value), (norm) => norm >= value);
}

/** θ = the smallest integer S with ‖y‖ > value. */
export function sumAbove(map: NormMap, value: number): number {
  return smallestSum(map, guessSum(map, value), (norm) => norm > value);
}
