/**
 * Quantiles of the mask sum S by enumeration: the smallest S-value v with mass(S ≤ v) ≥ target
 * (or > target), exactly.
 *
 * Refinement: a pass enumerates every mask against sorted thresholds and keeps the one interval
 * [τ_{j−1}, τ_j) that contains the quantile; REFINE_LEVELS levels equally spaced in S (in doubles
 * once the bracket is narrower than that) shrink the
 * bracket about 1000-fold per pass (the histogram pass carries the first level along, so it costs no
 * extra pass). Once the bracket holds at most COLLECT_LIMIT masks, one more pass collects their sums
 * per kept count; each list is sorted (typed-array sort) and the lists are walked in merged order.
 */
import { enumerateMasks } from './enumerateMasks.ts';
import { halfKept } from './enumerateMasks.ts';
import { halfSums, nextSum, spacedSums, type GridUnits } from './gridUnits.ts';
import type { MaskLaw } from './maskLaw.ts';
import type { AnalysisProgress } from './types.ts';
import { drive, progressReport, spend, type WorkBudget } from './workBudget.ts';

/** Levels per refinement pass. */
export const REFINE_LEVELS = 1024;
const COLLECT_LIMIT = 1 << 16;
const BLOCK = 4096;

export interface QuantileAtom {
  /** The quantile, a mask sum S. */
  readonly sum: number;
  /** mass(S ≤ sum). */
  readonly massAtOrBelow: number;
}

/** The quantile lies in [low, high); mass(S < low) = below; `inside` masks of positive mass hold insideMass. */
export interface QuantileBracket {
  readonly low: number;
  readonly high: number;
  readonly below: number;
  readonly inside: number;
  readonly insideMass: number;
}

/**
 * At most REFINE_LEVELS + 1 levels from low to high (doubles, low < high), strictly increasing:
 * equally spaced in value, or in doubles when value steps would be narrower than the doubles there.
 */
export function refineLevels(low: number, high: number): number[] {
  const step = (high - low) / REFINE_LEVELS;
  const levels: number[] = [];
  for (let j = 0; j <= REFINE_LEVELS; j++) {
    const level = j === REFINE_LEVELS ? high : Math.min(high, low + j * step);
    if (levels.length === 0 || level > levels[levels.length - 1]!) levels.push(level);
  }
  return levels.length > REFINE_LEVELS / 2 ? levels : spacedSums(low, high, REFINE_LEVELS);
}

/**
 * The bracket of the quantile from the per-k interval counts of one pass over sorted thresholds
 * (counts[k·(T+1) + j]: masks with k kept and j thresholds ≤ S). Interval 0 is [0, τ_0).
 */
export function bracketFromCounts(
  counts: Float64Array,
  thresholds: Float64Array,
  law: MaskLaw,
  target: number,
  strict: boolean,
  total: number,
): QuantileBracket {
  const reached = (mass: number): boolean => (strict ? mass > target : mass >= target);
  const stride = thresholds.length + 1;
  let below = 0;
  let low = 0;
  for (let j = 0; j <= thresholds.length; j++) {
    const end = nextSum(total);
    const high = j < thresholds.length ? Math.min(thresholds[j]!, end) : end;
    let mass = 0;
    let masks = 0;
    for (let k = 0; k < law.maskMass.length; k++) {
      const c = counts[k * stride + j]!;
      mass += law.maskMass[k]! * c;
      if (law.maskMass[k]! > 0) masks += c;
    }
    // The last interval ends above every sum, so it reaches the target (up to rounding).
    if ((masks > 0 && reached(below + mass)) || j === thresholds.length) {
      return { low, high: Math.max(high, nextSum(low)), below, inside: masks, insideMass: mass };
    }
    below += mass;
    low = Math.max(low, high);
  }
  throw new Error('bracketFromCounts: unreachable');
}

/** Sums of every mask with positive mass and low ≤ S < high, one list per kept count. */
function* collectSums(
  grid: GridUnits,
  law: MaskLaw,
  bracket: QuantileBracket,
  budget: WorkBudget,
): Generator<AnalysisProgress, Float64Array[], void> {
  const n = grid.squares.length;
  const shift = grid.splitAt;
  const aSums = halfSums(grid.squares, 0, shift);
  const aKept = halfKept(shift);
  const bSums = halfSums(grid.squares, shift, n);
  const bKept = halfKept(n - shift);
  const lowMask = 2 ** shift - 1;
  const masks = 2 ** n;
  const mass = law.maskMass;
  const { low, high } = bracket;
  const lists: number[][] = Array.from({ length: n + 1 }, () => []);
  for (let start = 0; start < masks; start += BLOCK) {
    if (budget.remaining <= 0) yield progressReport(budget);
    const end = Math.min(masks, start + BLOCK);
    for (let i = start; i < end; i++) {
      // The same sum as the enumeration's (enumerateMasks.ts).
      const sum = aSums[i & lowMask]! + bSums[i >>> shift]!;
      const k = aKept[i & lowMask]! + bKept[i >>> shift]!;
      if (sum >= low && sum < high && mass[k]! > 0) lists[k]!.push(sum);
    }
    spend(budget, 2 * (end - start));
  }
  return lists.map((list) => Float64Array.from(list).sort());
}

/** The smallest grid sum v with mass(S ≤ v) ≥ target (strict: > target); target < totalMass. */
export function* enumerateQuantile(
  grid: GridUnits,
  law: MaskLaw,
  target: number,
  strict: boolean,
  budget: WorkBudget,
  start?: QuantileBracket,
): Generator<AnalysisProgress, QuantileAtom, void> {
  const reached = (mass: number): boolean => (strict ? mass > target : mass >= target);
  let bracket: QuantileBracket = start ?? {
    low: 0,
    high: nextSum(grid.total),
    below: 0,
    inside: 2 ** grid.squares.length,
    insideMass: law.totalMass,
  };
  for (;;) {
    const { low, high, below } = bracket;
    // One double left: it is the quantile (the bracket reached the target, so it holds mass).
    if (nextSum(low) >= high) return { sum: low, massAtOrBelow: below + bracket.insideMass };
    if (bracket.inside <= COLLECT_LIMIT) {
      const lists = yield* collectSums(grid, law, bracket, budget);
      // Walk the per-k sorted lists in merged order.
      const heads = new Int32Array(lists.length);
      let mass = below;
      let last = Number.NaN;
      for (;;) {
        let value = Number.POSITIVE_INFINITY;
        for (let k = 0; k < lists.length; k++) value = Math.min(value, lists[k]![heads[k]!] ?? Number.POSITIVE_INFINITY);
        if (value === Number.POSITIVE_INFINITY) break;
        for (let k = 0; k < lists.length; k++) {
          const list = lists[k]!;
          while (list[heads[k]!] === value) {
            mass += law.maskMass[k]!;
            heads[k] = heads[k]! + 1;
          }
        }
        last = value;
        if (reached(mass)) return { sum: value, massAtOrBelow: mass };
      }
      // Rounding kept the sum a hair below the target: the largest value is the answer.
      if (!Number.isNaN(last)) return { sum: last, massAtOrBelow: mass };
      throw new Error('enumerateQuantile: no mask in the bracket');
    }
    const thresholds = Float64Array.from(refineLevels(low, high));
    const pass = enumerateMasks(grid, thresholds);
    yield* drive(pass, budget);
    bracket = bracketFromCounts(pass.counts, thresholds, law, target, strict, grid.total);
  }
}
