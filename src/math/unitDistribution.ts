/**
 * The exact law of ‖y‖ for the unit models, from the law of the mask sum S (normThresholds.ts):
 * histogram bins, P(‖y‖ > ‖x‖), P(‖y‖ = ‖x‖), the lower and upper medians, and (enumeration only) sd ‖y‖
 * from shifted sums. (Other moments come from the closed forms, which are exact for the unquantised
 * x.) Three sources of the law of S:
 * - enumerate: all 2ⁿ masks (enumerateMasks.ts, enumerateMedian.ts);
 * - split: meet in the middle (splitHalves.ts, splitSweep.ts, splitMedian.ts);
 * - closed-form, for 'match' only: S = 0 with probability P0 and S > 0 otherwise, and 'match'
 *   thresholds are all 0, the smallest positive double or nextSum(total), so two atoms are the whole story.
 */
import { enumerateMasks } from './enumerateMasks.ts';
import { bracketFromCounts, enumerateQuantile, refineLevels, type QuantileAtom } from './enumerateMedian.ts';
import { nextSum, previousSum, type GridUnits } from './gridUnits.ts';
import { weighCounts, type MaskLaw } from './maskLaw.ts';
import { NORM_TOLERANCE, normOfSum, sumAbove, sumAtLeast, type NormMap } from './normThresholds.ts';
import { sharedSplitLaw } from './splitLawCache.ts';
import { splitNextAtom, splitQuantile, type InterpolationBracket } from './splitMedian.ts';
import { sweepIntervals } from './splitSweep.ts';
import { massBelow, massBetween, massFrom, thresholdSet, type ThresholdSet } from './thresholdSet.ts';
import type { AnalysisProgress } from './types.ts';
import { drive, type WorkBudget } from './workBudget.ts';

export interface ExactLaw {
  readonly method: 'enumerate' | 'split' | 'closed-form';
  readonly probabilities: number[];
  readonly pAboveNorm: number;
  readonly pAtNorm: number;
  readonly medianNorm: number;
  readonly medianUpperNorm: number;
  /** sd ‖y‖ from the central moment of the enumerated law (null for the other methods). */
  readonly sdNorm: number | null;
}

export interface ExactLawInput {
  readonly grid: GridUnits;
  readonly law: MaskLaw;
  readonly map: NormMap;
  /** ‖x‖, for P(‖y‖ > ‖x‖) and P(‖y‖ = ‖x‖). */
  readonly norm: number;
  readonly edges: readonly number[];
  readonly keep: number;
  readonly kept: number | null;
  /** P(S = 0), for the closed-form law of 'match'. */
  readonly pAllDropped: number;
}

/**
 * Threshold i < B: ‖y‖ ≥ e_i; B: ‖y‖ > e_B (closed last bin); B+1: ‖y‖ > ‖x‖; B+2: ‖y‖ ≥ ‖x‖;
 * then `extra` thresholds (the first median refinement level of the enumeration).
 */
function lawThresholds(input: ExactLawInput, extra: readonly number[] = []): ThresholdSet {
  const { map, edges, norm } = input;
  const bins = edges.length - 1;
  const slack = NORM_TOLERANCE * Math.max(Math.abs(edges[0]!), Math.abs(edges[bins]!));
  const given = edges.slice(0, bins).map((e) => sumAtLeast(map, e - slack));
  given.push(sumAbove(map, edges[bins]! + slack));
  given.push(sumAbove(map, norm * (1 + NORM_TOLERANCE)));
  given.push(sumAtLeast(map, norm * (1 - NORM_TOLERANCE)));
  return thresholdSet([...given, ...extra]);
}

/** Histogram probabilities, P(above), P(at) and a median bracket from interval masses. */
function readMasses(masses: Float64Array, set: ThresholdSet, input: ExactLawInput) {
  const bins = input.edges.length - 1;
  const total = input.law.totalMass;
  const probabilities = Array.from({ length: bins }, (_, j) => massBetween(masses, set, j, j + 1) / total);
  return {
    probabilities,
    pAboveNorm: massFrom(masses, set, bins + 1) / total,
    pAtNorm: massBetween(masses, set, bins + 2, bins + 1) / total,
  };
}

/** The tightest bracket of the lower median that the thresholds of one pass give. */
function medianBracket(masses: Float64Array, set: ThresholdSet, input: ExactLawInput): InterpolationBracket {
  const half = input.law.totalMass / 2;
  let low = 0;
  let high = input.grid.total;
  let massLow = 0;
  let massHigh = input.law.totalMass;
  for (let i = 0; i < set.positions.length; i++) {
    const threshold = set.sorted[set.positions[i]!]!;
    if (threshold > input.grid.total) continue;
    const below = massBelow(masses, set, i);
    if (below >= half) {
      if (previousSum(threshold) < high) {
        high = previousSum(threshold);
        massHigh = below;
      }
    } else if (threshold > low) {
      low = threshold;
      massLow = below;
    }
  }
  return { low, high: Math.max(low, high), massLow, massHigh };
}

/** √E S: the centre of the shifted sums (exact for a law with one atom: k = n, or q = 1). */
function rootMeanSquare(grid: GridUnits, keep: number, kept: number | null): number {
  const n = grid.squares.length;
  const meanSquare = kept === null ? (keep === 1 ? grid.total : keep * grid.total) : kept === n ? grid.total : (grid.total / n) * kept;
  return Math.sqrt(meanSquare);
}

/**
 * sd ‖y‖ from per-k sums of d = √S − c: Var √S = E d² − (E d)² (the second term is at most Var
 * when c = √E S), then ‖y‖ = factor·√S.
 */
function sdFromDeviations(first: Float64Array, second: Float64Array, law: MaskLaw, map: NormMap): number | null {
  if (map.kind !== 'scale') return null;
  let meanDeviation = 0;
  let meanSquareDeviation = 0;
  for (let k = 0; k < law.maskMass.length; k++) {
    const mass = law.maskMass[k]!;
    if (mass === 0) continue;
    meanDeviation += mass * first[k]!;
    meanSquareDeviation += mass * second[k]!;
  }
  meanDeviation /= law.totalMass;
  meanSquareDeviation /= law.totalMass;
  const variance = Math.max(0, meanSquareDeviation - meanDeviation * meanDeviation);
  return map.factor * Math.sqrt(variance);
}

/** Registers how to read the histogram so far (for partial results while the law is computed). */
export type PartialHistogram = (probabilities: () => number[]) => void;

/** The exact law by `method`, yielding between chunks of work. */
export function* exactLaw(
  input: ExactLawInput,
  method: 'enumerate' | 'split' | 'closed-form',
  budget: WorkBudget,
  onPartial: PartialHistogram,
): Generator<AnalysisProgress, ExactLaw, void> {
  const { grid, law, map } = input;
  const set = lawThresholds(input, method === 'enumerate' ? refineLevels(0, nextSum(grid.total)) : []);
  const half = law.totalMass / 2;
  const normOf = (sum: number): number => normOfSum(map, sum);
  if (method === 'closed-form') {
    // 'match': every threshold is 0, the smallest positive double or nextSum(total); S = 0 with
    // probability P0, else S > 0.
    const masses = new Float64Array(set.sorted.length + 1);
    let zeroIndex = 0;
    let positiveIndex = 0;
    for (const t of set.sorted) {
      if (t <= 0) zeroIndex++;
      if (t <= Number.MIN_VALUE) positiveIndex++;
    }
    masses[zeroIndex] = masses[zeroIndex]! + input.pAllDropped * law.totalMass;
    masses[positiveIndex] = masses[positiveIndex]! + (1 - input.pAllDropped) * law.totalMass;
    const p0 = input.pAllDropped;
    return {
      method,
      ...readMasses(masses, set, input),
      medianNorm: normOf(p0 >= 0.5 ? 0 : Number.MIN_VALUE),
      medianUpperNorm: normOf(p0 > 0.5 ? 0 : Number.MIN_VALUE),
      sdNorm: null,
    };
  }
  if (method === 'enumerate') {
    const pass = enumerateMasks(grid, set.sorted, rootMeanSquare(grid, input.keep, input.kept));
    const intervals = set.sorted.length + 1;
    onPartial(() => readMasses(weighCounts(law, pass.counts, intervals), set, input).probabilities);
    yield* drive(pass, budget);
    const masses = weighCounts(law, pass.counts, intervals);
    const start = (strict: boolean) => bracketFromCounts(pass.counts, set.sorted, law, half, strict, grid.total);
    const lower: QuantileAtom = yield* enumerateQuantile(grid, law, half, false, budget, start(false));
    const upper =
      lower.massAtOrBelow > half ? lower : yield* enumerateQuantile(grid, law, half, true, budget, start(true));
    return {
      method,
      ...readMasses(masses, set, input),
      medianNorm: normOf(lower.sum),
      medianUpperNorm: normOf(upper.sum),
      sdNorm: sdFromDeviations(pass.deviationSums().first, pass.deviationSums().second, law, map),
    };
  }
  const shared = yield* sharedSplitLaw(grid, law, input.keep, input.kept, budget);
  const split = shared.split;
  const sweep = sweepIntervals(split, set.sorted);
  onPartial(() => readMasses(sweep.masses(), set, input).probabilities);
  yield* drive(sweep, budget);
  const masses = sweep.masses();
  if (shared.median === null) {
    const atom = yield* splitQuantile(split, half, false, medianBracket(masses, set, input), budget);
    const next = atom.massAtOrBelow > half ? atom.sum : yield* splitNextAtom(split, nextSum(atom.sum), budget);
    shared.median = { lower: atom, upperSum: next };
  }
  const { lower, upperSum } = shared.median;
  return {
    method,
    ...readMasses(masses, set, input),
    medianNorm: normOf(lower.sum),
    medianUpperNorm: normOf(upperSum),
    sdNorm: null,
  };
}
