/**
 * Meet in the middle, part 2: exact interval masses of S = S_A + S_B by a monotone two-pointer sweep.
 *
 * For each sorted threshold τ_j and each A sub-mask a (in increasing S_A), the pointer
 * p_j(a) = #{b : S_A(a) + S_B(b) < τ_j} (the float sum, as every exact method forms it:
 * gridUnits.ts; rounding is monotone, so it is monotone in both terms) only moves left as S_A grows, so a segment costs
 * T·(|A| + |B|) steps. The mass between consecutive thresholds is added directly,
 * mass(a)·(prefix(p_j) − prefix(p_{j−1})) with compensated prefixes, never as a difference of
 * cumulative probabilities (docs/mathematics.md#meet-in-the-middle: differencing lost up to 7e-13). Per-a terms are summed in
 * blocks of BLOCK and the blocks Neumaier-summed.
 */
import { addCompensated } from './compensatedSum.ts';
import type { SplitLaw } from './splitHalves.ts';
import type { ChunkedJob } from './workBudget.ts';

const BLOCK = 1024;
/** Work units per pointer visit (one threshold for one A sub-mask). */
const WORK_PER_STEP = 1.6;
/** Work units per visit of an A sub-mask by the four-threshold sweep (measured: 3/4 of four single steps). */
const WORK_PER_PASS_STEP = 4.8;
/** Thresholds per pass over A. */
const WAYS = 4;

export interface IntervalSweep extends ChunkedJob {
  /** masses[j]: mass of S with exactly j thresholds ≤ S (complete when done; partial before). */
  masses(): Float64Array;
  /** Share of A sub-masks swept. */
  readonly fraction: number;
}

/**
 * Interval masses of S against sorted thresholds (in mass units of the law). Thresholds are swept
 * WAYS = 4 at a time (the four pointers stay in registers: one pass over A resolves intervals
 * j … j + 3); prevHigh/prevLow hold, for every A sub-mask, the B prefix mass at the pointer of the
 * threshold before the pass, so interval j + w's mass is Σ_a mass(a)·(prefix(p_{j+w}(a)) −
 * prefix(p_{j+w−1}(a))), the same per-a terms as one threshold at a time. Only the window
 * S_A + max S_B ≥ τ_{j−1}, S_A < τ_{j+3} is visited: below it all the pointers are |B|, above it all
 * are 0, so those terms vanish (inside it, a term of an interval whose own window does not hold a
 * is exactly 0). The last interval (S ≥ τ_{T−1}) has the threshold +∞ (its pointer stays at |B|),
 * and so do the empty intervals that fill the last pass.
 */
export function sweepIntervals(law: SplitLaw, thresholds: Float64Array): IntervalSweep {
  const count = thresholds.length;
  const aTotal = law.aSums.length;
  const prevHigh = new Float64Array(aTotal);
  const prevLow = new Float64Array(aTotal);
  for (const s of law.segments) {
    prevHigh.fill(law.bPrefixHigh[s.bStart + s.prefixShift]!, s.aStart, s.aEnd);
    prevLow.fill(law.bPrefixLow[s.bStart + s.prefixShift]!, s.aStart, s.aEnd);
  }
  // levels[j + 1] = τ_j: levels[0] = −∞ (below the first interval), +∞ for the last interval and
  // the empty ones that fill the last pass.
  const levels = new Float64Array(count + 1 + WAYS).fill(Number.POSITIVE_INFINITY);
  levels[0] = Number.NEGATIVE_INFINITY;
  levels.set(thresholds, 1);
  const totals = new Float64Array(count + WAYS);
  const errors = new Float64Array(count + WAYS);
  const sums = new Float64Array(WAYS);
  const pointers = new Int32Array(WAYS);
  const bShare = law.bSums.length / Math.max(1, aTotal);
  let threshold = 0; // first interval of the pass being summed: j ≤ count (count: the last, S ≥ τ_{T−1})
  let segmentIndex = 0;
  let a = -1; // next A index in the segment; −1: not started
  let windowEnd = 0;

  /** A block of A sub-masks [a, to) of the current segment for the current pass; sums into `sums`. */
  const sweepBlock = (to: number): void => {
    const s = law.segments[segmentIndex]!;
    const aSums = law.aSums;
    const aMass = law.aMass;
    const bSums = law.bSums;
    const high = law.bPrefixHigh;
    const low = law.bPrefixLow;
    // Locals only in the loops: captured variables would live in the closure's context (and be
    // hole-checked on every use); `| 0` makes the integers untagged int32 in the loop.
    const shift = s.prefixShift | 0;
    const bStart = s.bStart | 0;
    const previousHigh = prevHigh;
    const previousLow = prevLow;
    const end = to | 0;
    const level0 = levels[threshold + 1]!;
    const level1 = levels[threshold + 2]!;
    const level2 = levels[threshold + 3]!;
    const level3 = levels[threshold + 4]!;
    let sum0 = 0;
    let sum1 = 0;
    let sum2 = 0;
    let sum3 = 0;
    let p0 = pointers[0]! | 0;
    let p1 = pointers[1]! | 0;
    let p2 = pointers[2]! | 0;
    let p3 = pointers[3]! | 0;
    for (let i = a | 0; i < end; i++) {
      const sa = aSums[i]!;
      while (p0 > bStart && sa + bSums[p0 - 1]! >= level0) p0--;
      while (p1 > bStart && sa + bSums[p1 - 1]! >= level1) p1--;
      while (p2 > bStart && sa + bSums[p2 - 1]! >= level2) p2--;
      while (p3 > bStart && sa + bSums[p3 - 1]! >= level3) p3--;
      const m = aMass[i]!;
      const h0 = high[p0 + shift]!;
      const l0 = low[p0 + shift]!;
      const h1 = high[p1 + shift]!;
      const l1 = low[p1 + shift]!;
      const h2 = high[p2 + shift]!;
      const l2 = low[p2 + shift]!;
      const h3 = high[p3 + shift]!;
      const l3 = low[p3 + shift]!;
      sum0 += m * (h0 - previousHigh[i]! + (l0 - previousLow[i]!));
      sum1 += m * (h1 - h0 + (l1 - l0));
      sum2 += m * (h2 - h1 + (l2 - l1));
      sum3 += m * (h3 - h2 + (l3 - l2));
      previousHigh[i] = h3;
      previousLow[i] = l3;
    }
    pointers[0] = p0;
    pointers[1] = p1;
    pointers[2] = p2;
    pointers[3] = p3;
    a = to;
    sums[0] = sum0;
    sums[1] = sum1;
    sums[2] = sum2;
    sums[3] = sum3;
  };

  return {
    get done() {
      return threshold > count;
    },
    get fraction() {
      return Math.min(1, threshold / (count + 1));
    },
    advance(maxWork: number): number {
      let work = 0;
      while (work < maxWork && threshold <= count) {
        const s = law.segments[segmentIndex]!;
        if (a < 0) {
          // The window of A sub-masks whose pointers can differ between τ_{j−1} and τ_{j+1}.
          const maxB = s.bEnd > s.bStart ? law.bSums[s.bEnd - 1]! : 0;
          a = lowerBoundOf(law.aSums, s.aStart, s.aEnd, maxB, levels[threshold]!);
          windowEnd = lowerBoundOf(law.aSums, a, s.aEnd, 0, levels[threshold + WAYS]!);
          pointers.fill(s.bEnd);
        }
        const to = Math.min(windowEnd, a + BLOCK);
        const from = a;
        sweepBlock(to);
        for (let w = 0; w < WAYS; w++) addCompensated(totals, errors, threshold + w, sums[w]!);
        work += (to - from) * (1 + bShare) * WORK_PER_PASS_STEP + 64;
        if (a >= windowEnd) {
          a = -1;
          segmentIndex++;
          if (segmentIndex >= law.segments.length) {
            segmentIndex = 0;
            threshold += WAYS;
          }
        }
      }
      return work;
    },
    masses(): Float64Array {
      return Float64Array.from({ length: count + 1 }, (_, j) => totals[j]! + errors[j]!);
    },
  };
}

/** mass(S < v) and the nearest atoms on both sides of v (−1 / Infinity when there are none). */
export interface CumulativeMass {
  readonly below: number;
  /** Largest atom S_A + S_B < v. */
  readonly largestBelow: number;
  /** Smallest atom S_A + S_B ≥ v. */
  readonly smallestFrom: number;
}

/**
 * One threshold v (used by the median bisection). Only A sub-masks with S_A + max S_B ≥ v > S_A need
 * a pointer: those below have every b below v (mass(a)·mass(B), nearest atom below S_A + max S_B),
 * those above have none (nearest atom from S_A + min S_B).
 */
export function cumulativeMass(law: SplitLaw, v: number): CumulativeMass {
  const totals = new Float64Array(1);
  const errors = new Float64Array(1);
  let largestBelow = -1;
  let smallestFrom = Number.POSITIVE_INFINITY;
  const aSums = law.aSums;
  const aMass = law.aMass;
  const bSums = law.bSums;
  const high = law.bPrefixHigh;
  const low = law.bPrefixLow;
  for (const s of law.segments) {
    if (s.aEnd <= s.aStart || s.bEnd <= s.bStart) continue;
    const shift = s.prefixShift;
    const baseHigh = high[s.bStart + shift]!;
    const baseLow = low[s.bStart + shift]!;
    const minB = bSums[s.bStart]!;
    const maxB = bSums[s.bEnd - 1]!;
    const windowStart = lowerBoundOf(aSums, s.aStart, s.aEnd, maxB, v);
    const windowEnd = lowerBoundOf(aSums, windowStart, s.aEnd, 0, v);
    // Below the window: all of B lies below v.
    const allB = high[s.bEnd + shift]! - baseHigh + (low[s.bEnd + shift]! - baseLow);
    let massBelow = 0;
    for (let a = s.aStart; a < windowStart; a++) massBelow += aMass[a]!;
    addCompensated(totals, errors, 0, massBelow * allB);
    if (windowStart > s.aStart) largestBelow = Math.max(largestBelow, aSums[windowStart - 1]! + maxB);
    if (windowEnd < s.aEnd) smallestFrom = Math.min(smallestFrom, aSums[windowEnd]! + minB);
    let p = s.bEnd;
    for (let start = windowStart; start < windowEnd; start += BLOCK) {
      let sum = 0;
      const end = Math.min(windowEnd, start + BLOCK);
      for (let a = start; a < end; a++) {
        const sa = aSums[a]!;
        while (p > s.bStart && sa + bSums[p - 1]! >= v) p--;
        sum += aMass[a]! * (high[p + shift]! - baseHigh + (low[p + shift]! - baseLow));
        if (p > s.bStart) largestBelow = Math.max(largestBelow, sa + bSums[p - 1]!);
        if (p < s.bEnd) smallestFrom = Math.min(smallestFrom, sa + bSums[p]!);
      }
      addCompensated(totals, errors, 0, sum);
    }
  }
  return { below: totals[0]! + errors[0]!, largestBelow, smallestFrom };
}

/** First index in [from, to) of the sorted array with value + shift ≥ target (the float sum). */
function lowerBoundOf(sorted: Float64Array, from: number, to: number, shift: number, target: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! + shift >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Work units of one cumulativeMass call. */
export function cumulativeWork(law: SplitLaw): number {
  return (law.aSums.length + law.bSums.length) * 2 * WORK_PER_STEP;
}
