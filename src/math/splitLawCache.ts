/**
 * The last meet-in-the-middle law built in this thread, kept for the next query on the same units
 * and mask law. Compensations only scale ‖y‖ = s·L·√S, so they change the thresholds on S and not
 * the sorted halves or the median sum: the comparison's compensations, or the main figure after a
 * change of compensation or of bins, reuse one build and one median search
 * (docs/architecture.md#worker-protocol). One entry: a split of n = 40 holds about 40 MB.
 */
import type { QuantileAtom } from './enumerateMedian.ts';
import type { GridUnits } from './gridUnits.ts';
import type { MaskLaw } from './maskLaw.ts';
import { buildSplitLaw, type SplitLaw } from './splitHalves.ts';
import type { AnalysisProgress } from './types.ts';
import type { WorkBudget } from './workBudget.ts';

export interface SharedSplit {
  readonly split: SplitLaw;
  /** The lower median's atom and the upper median's sum, once some query has searched them. */
  median: { readonly lower: QuantileAtom; readonly upperSum: number } | null;
}

let last: { readonly key: string; readonly shared: SharedSplit } | null = null;

/** Every input of buildSplitLaw, exactly (a double's shortest decimal form round-trips). */
function keyOf(grid: GridUnits, law: MaskLaw, keep: number, kept: number | null): string {
  return [grid.splitAt, keep, kept, law.totalMass, Array.prototype.join.call(law.maskMass, ','), Array.prototype.join.call(grid.squares, ',')].join('|');
}

/** buildSplitLaw, or the law the previous query built for the same inputs. */
export function* sharedSplitLaw(
  grid: GridUnits,
  law: MaskLaw,
  keep: number,
  kept: number | null,
  budget: WorkBudget,
): Generator<AnalysisProgress, SharedSplit, void> {
  const key = keyOf(grid, law, keep, kept);
  if (last !== null && last.key === key) return last.shared;
  // Let the old law go before the new one takes its memory.
  last = null;
  const split = yield* buildSplitLaw(grid, law, keep, kept, budget);
  const shared: SharedSplit = { split, median: null };
  last = { key, shared };
  return shared;
}
