/**
 * Quantiles of the mask sum S by meet in the middle: the smallest S-value v with mass(S ≤ v) ≥ target
 * (or > target), by a safeguarded interpolation search on the threshold with the exact cumulative
 * mass of one sweep per step. The probe interpolates the masses at the bracket ends (regula falsi, a
 * few steps for a smooth law of S) and falls back to bisection whenever a step did not halve the
 * bracket, so at most about twice the ≤ 64 bisection steps (over the doubles) are ever needed. Each sweep also returns
 * the nearest atoms on both sides of the probe and the bracket jumps to them, so it ends on an atom.
 */
import type { QuantileAtom } from './enumerateMedian.ts';
import { middleSum, nextSum } from './gridUnits.ts';
import { cumulativeMass, cumulativeWork } from './splitSweep.ts';
import type { SplitLaw } from './splitHalves.ts';
import type { AnalysisProgress } from './types.ts';
import { progressReport, spend, type WorkBudget } from './workBudget.ts';

/**
 * Initial knowledge: the quantile lies in [low, high]; massLow = mass(S < low) (below the target) and
 * massHigh = mass(S ≤ high) (reaching it), used for the interpolation.
 */
export interface InterpolationBracket {
  readonly low: number;
  readonly high: number;
  readonly massLow: number;
  readonly massHigh: number;
}

export function* splitQuantile(
  law: SplitLaw,
  target: number,
  strict: boolean,
  bracket: InterpolationBracket,
  budget: WorkBudget,
): Generator<AnalysisProgress, QuantileAtom, void> {
  const reached = (mass: number): boolean => (strict ? mass > target : mass >= target);
  let low = bracket.low;
  let high = bracket.high;
  let massLow = bracket.massLow;
  let massHigh = bracket.massHigh;
  let interpolate = true;
  while (low < high) {
    if (budget.remaining <= 0) yield progressReport(budget);
    const width = high - low;
    // Probes lie in (low, high]: the middle double, or the interpolated value.
    let probe = middleSum(low, high);
    if (interpolate && massHigh > massLow) {
      const share = (target - massLow) / (massHigh - massLow);
      probe = Math.min(high, Math.max(nextSum(low), low + share * width));
    }
    const cumulative = cumulativeMass(law, probe);
    spend(budget, cumulativeWork(law));
    if (reached(cumulative.below)) {
      high = cumulative.largestBelow;
      massHigh = cumulative.below;
    } else {
      low = cumulative.smallestFrom;
      massLow = cumulative.below;
    }
    // Interpolate again only after a step that at least halved the bracket.
    interpolate = !interpolate || high - low <= width / 2;
  }
  if (budget.remaining <= 0) yield progressReport(budget);
  const atOrBelow = cumulativeMass(law, nextSum(low));
  spend(budget, cumulativeWork(law));
  return { sum: low, massAtOrBelow: atOrBelow.below };
}

/** The smallest atom ≥ v (Infinity if none), e.g. the upper median after a tie at ½. */
export function* splitNextAtom(law: SplitLaw, v: number, budget: WorkBudget): Generator<AnalysisProgress, number, void> {
  if (budget.remaining <= 0) yield progressReport(budget);
  const cumulative = cumulativeMass(law, v);
  spend(budget, cumulativeWork(law));
  return cumulative.smallestFrom;
}
