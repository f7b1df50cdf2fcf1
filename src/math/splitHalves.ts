/**
 * Meet in the middle, part 1: the two halves of the units (A = the first ⌊n/2⌋, as in gridUnits.ts),
 * each with all of its 2^h sub-masks sorted by sum. Sorted by merging (no comparison sort): starting
 * from {0}, adding unit i merges the sorted list L with L + a_i (float addition is monotone, so L + a_i
 * is sorted too), so a half of h units costs 2^(h+1) element moves, and each sub-mask's sum adds its
 * units in increasing index, as the enumeration's tables do.
 *
 * Then the masses the sweep needs (splitSweep.ts), grouped so that the fixed model works too:
 * - Bernoulli: one group per half; A carries the mass of each sub-mask, q^kA (1−q)^(hA−kA), and B the
 *   Neumaier prefix sums of its masses (range masses as differences of nearby prefixes, with their
 *   compensation terms, stay accurate to about one rounding of the range);
 * - fixed count k: the sub-masks of each half are grouped by kept count (a stable counting sort keeps
 *   each group sorted) and A-group kA meets B-group k − kA; every mask has mass 1, so all the sums are
 *   exact integer counts.
 */
import { groupByKept, type GridUnits } from './gridUnits.ts';
import type { MaskLaw } from './maskLaw.ts';
import { bernoulliMaskProbability } from './maskTable.ts';
import type { AnalysisProgress } from './types.ts';
import { progressReport, spend, type WorkBudget } from './workBudget.ts';

/** Work units per element move of a merge. */
const MERGE_WORK = 4;

/** One pairing of an A range with a B range (B prefix p ∈ [bStart, bEnd] is stored at p + prefixShift). */
export interface SplitSegment {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
  readonly prefixShift: number;
}

export interface SplitLaw {
  readonly aSums: Float64Array;
  /** Mass of each A sub-mask. */
  readonly aMass: Float64Array;
  readonly bSums: Float64Array;
  /** Compensated prefix masses of B within its group: (high + low)[p + shift] = mass of B[bStart … p). */
  readonly bPrefixHigh: Float64Array;
  readonly bPrefixLow: Float64Array;
  readonly segments: readonly SplitSegment[];
  /** Mass of all masks (1, or C(n, k)). */
  readonly totalMass: number;
  /** Largest grid sum (all units kept), for brackets. */
  readonly total: number;
}

/** Merges the sorted (sums, kept)[0, size) with itself shifted by (weight, +1) into (outSums, outKept). */
function mergeShifted(
  sums: Float64Array,
  kept: Uint8Array,
  outSums: Float64Array,
  outKept: Uint8Array,
  size: number,
  weight: number,
): void {
  let i = 0;
  let j = 0;
  let o = 0;
  while (j < size) {
    const shifted = sums[j]! + weight;
    if (i < size && sums[i]! <= shifted) {
      outSums[o] = sums[i]!;
      outKept[o] = kept[i]!;
      i++;
    } else {
      outSums[o] = shifted;
      outKept[o] = kept[j]! + 1;
      j++;
    }
    o++;
  }
}

/** All 2^h sub-masks of squares[from … to) sorted by sum, with kept counts; yields between merges. */
function* sortedHalf(
  squares: Float64Array,
  from: number,
  to: number,
  budget: WorkBudget,
): Generator<AnalysisProgress, { sums: Float64Array; kept: Uint8Array }, void> {
  const size = 2 ** (to - from);
  let sums = new Float64Array(size);
  let kept = new Uint8Array(size);
  let outSums = new Float64Array(size);
  let outKept = new Uint8Array(size);
  let length = 1;
  for (let i = from; i < to; i++) {
    if (budget.remaining <= 0) yield progressReport(budget);
    mergeShifted(sums, kept, outSums, outKept, length, squares[i]!);
    [sums, outSums] = [outSums, sums];
    [kept, outKept] = [outKept, kept];
    length *= 2;
    spend(budget, MERGE_WORK * length);
  }
  return { sums, kept };
}

/** Builds both halves (A = the first ⌊n/2⌋ units) for Bernoulli(keep), or exactly `kept` kept. */
export function* buildSplitLaw(
  grid: GridUnits,
  law: MaskLaw,
  keep: number,
  kept: number | null,
  budget: WorkBudget,
): Generator<AnalysisProgress, SplitLaw, void> {
  const n = grid.squares.length;
  const unitsA = grid.splitAt;
  const unitsB = n - unitsA;
  const a = yield* sortedHalf(grid.squares, 0, unitsA, budget);
  const b = yield* sortedHalf(grid.squares, unitsA, n, budget);
  const common = { totalMass: law.totalMass, total: grid.total };
  if (kept === null) {
    // Mass of a sub-mask by its kept count, looked up; B's prefix masses Neumaier-summed in place.
    const massA = Float64Array.from({ length: unitsA + 1 }, (_, k) => bernoulliMaskProbability(keep, k, unitsA));
    const massB = Float64Array.from({ length: unitsB + 1 }, (_, k) => bernoulliMaskProbability(keep, k, unitsB));
    const aMass = new Float64Array(a.sums.length);
    for (let i = 0; i < aMass.length; i++) aMass[i] = massA[a.kept[i]!]!;
    const high = new Float64Array(b.sums.length + 1);
    const low = new Float64Array(b.sums.length + 1);
    let running = 0;
    let error = 0;
    for (let p = 0; p < b.sums.length; p++) {
      const value = massB[b.kept[p]!]!;
      const next = running + value;
      error += running >= value ? running - next + value : value - next + running;
      running = next;
      high[p + 1] = running;
      low[p + 1] = error;
    }
    spend(budget, 4 * (a.sums.length + b.sums.length));
    const segment = { aStart: 0, aEnd: a.sums.length, bStart: 0, bEnd: b.sums.length, prefixShift: 0 };
    return { ...common, aSums: a.sums, aMass, bSums: b.sums, bPrefixHigh: high, bPrefixLow: low, segments: [segment] };
  }
  const groupedA = groupByKept(a.sums, a.kept, unitsA);
  const groupedB = groupByKept(b.sums, b.kept, unitsB);
  // Prefix count of B group g at index p (p ∈ [start_g, end_g]) is stored at p + g: p − start_g.
  const prefix = new Float64Array(b.sums.length + unitsB + 1);
  for (let g = 0; g <= unitsB; g++) {
    for (let p = groupedB.starts[g]!; p <= groupedB.starts[g + 1]!; p++) prefix[p + g] = p - groupedB.starts[g]!;
  }
  const segments: SplitSegment[] = [];
  for (let kA = Math.max(0, kept - unitsB); kA <= Math.min(kept, unitsA); kA++) {
    const kB = kept - kA;
    segments.push({
      aStart: groupedA.starts[kA]!,
      aEnd: groupedA.starts[kA + 1]!,
      bStart: groupedB.starts[kB]!,
      bEnd: groupedB.starts[kB + 1]!,
      prefixShift: kB,
    });
  }
  spend(budget, 4 * (a.sums.length + b.sums.length));
  return {
    ...common,
    aSums: groupedA.sums,
    aMass: new Float64Array(a.sums.length).fill(1),
    bSums: groupedB.sums,
    bPrefixHigh: prefix,
    bPrefixLow: new Float64Array(prefix.length),
    segments,
  };
}
