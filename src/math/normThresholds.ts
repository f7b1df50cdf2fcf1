/**
 * From the norm of the compensated output to its mask sum S, and back.
 *
 * For every scalar compensation s, ‖y‖ = s·‖m⊙x‖ = σ·√S with σ = s·L and S the mask sum
 * (gridUnits.ts), so "‖y‖ ≥ v" is "S ≥ θ" for one double θ: a histogram of ‖y‖ is a histogram of S.
 * Per-sample matching ('match') gives ‖y‖ = ‖x‖ when S > 0 and 0 when S = 0. Thresholds are the
 * smallest doubles with the property, checked against normOfSum itself (which is monotone in S), so
 * binning by threshold is binning by the computed norm of each mask, and they are clamped to
 * [0, nextSum(total)] (nextSum(total): none).
 */
import { middleSum, nextSum, previousSum, type GridUnits } from './gridUnits.ts';

/** A value within this share of max|edge| of an edge (or of ‖x‖, relative) counts as equal to it. */
export const NORM_TOLERANCE = 1e-12;

/** How ‖y‖ depends on the mask sum S. */
export type NormMap =
  /** ‖y‖ = factor·√S. */
  | { readonly kind: 'scale'; readonly factor: number; readonly total: number }
  /** ‖y‖ = norm for S > 0, and 0 for S = 0 (the all-dropped mask). */
  | { readonly kind: 'per-sample'; readonly norm: number; readonly total: number };

/** The map for scale s (null: 'match', whose test-time norm is ‖x‖ = `norm`). */
export function normMap(grid: GridUnits, scale: number | null, norm: number): NormMap {
  return scale === null
    ? { kind: 'per-sample', norm, total: grid.total }
    : { kind: 'scale', factor: scale * grid.largest, total: grid.total };
}

/** ‖y‖ of a mask with sum S. */
export function normOfSum(map: NormMap, sum: number): number {
  return map.kind === 'per-sample' ? (sum > 0 ? map.norm : 0) : map.factor * Math.sqrt(sum);
}

/** Probes of the stepping search before it falls back to bisection over the doubles. */
const STEPS = 8;

/**
 * Smallest double S in [0, nextSum(total)] with test(normOfSum(S)) (test monotone in S;
 * nextSum(total) means none): from the guess by a few one-double steps (the usual case), else a
 * bisection over the doubles (≤ 64 probes).
 */
function smallestSum(map: NormMap, guess: number, test: (norm: number) => boolean): number {
  const end = nextSum(map.total);
  const holds = (sum: number): boolean => sum >= end || test(normOfSum(map, sum));
  let s = Math.min(end, Math.max(0, guess));
  for (let step = 0; step < STEPS; step++) {
    if (!holds(s)) s = nextSum(s);
    else if (s > 0 && holds(previousSum(s))) s = previousSum(s);
    else return s;
  }
  let low = 0;
  let high = end;
  if (holds(low)) return low;
  // holds(high), !holds(low): bisect until they are neighbours.
  while (nextSum(low) < high) {
    const mid = middleSum(low, high);
    if (mid >= high) break;
    if (holds(mid)) high = mid;
    else low = mid;
  }
  return high;
}

/** A first guess for the S at which ‖y‖ reaches `value`. */
function guessSum(map: NormMap, value: number): number {
  if (!(value > 0)) return 0;
  if (map.kind === 'per-sample') return value <= map.norm ? Number.MIN_VALUE : nextSum(map.total);
  if (!(map.factor > 0)) return nextSum(map.total);
  const t = (value / map.factor) ** 2;
  return Number.isFinite(t) ? t : nextSum(map.total);
}

/** θ = the smallest S with ‖y‖ ≥ value. */
export function sumAtLeast(map: NormMap, value: number): number {
  return smallestSum(map, guessSum(map, value), (norm) => norm >= value);
}

/** θ = the smallest S with ‖y‖ > value. */
export function sumAbove(map: NormMap, value: number): number {
  return smallestSum(map, guessSum(map, value), (norm) => norm > value);
}
