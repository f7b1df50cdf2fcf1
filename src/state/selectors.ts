/**
 * Derived values of the base state. Each selector is memoised on the state's inputs, so React
 * components that select them get the same object back until the vector or q changes.
 */
import { listMasks, type MaskRow } from '../math/maskTable.ts';
import type { ExplorerState } from './explorerState.ts';

/** Remembers the last result for the last (vector, keep) pair. */
function memoOnVectorAndKeep<T>(compute: (vector: readonly number[], keep: number) => T) {
  let lastVector: readonly number[] | null = null;
  let lastKeep = Number.NaN;
  let last: T | undefined;
  return (state: ExplorerState): T => {
    if (state.vector !== lastVector || state.keep !== lastKeep || last === undefined) {
      lastVector = state.vector;
      lastKeep = state.keep;
      last = compute(state.vector, state.keep);
    }
    return last;
  };
}

/** Every mask with its Bernoulli probability and norms (exact enumeration, n ≤ 12). */
export const selectMaskRows = memoOnVectorAndKeep((vector, keep): readonly MaskRow[] =>
  listMasks(vector, keep),
);

/** Summary numbers of the compensated norm ‖y‖ = ‖m⊙x‖/q under Bernoulli(q) masks. */
export interface NormSummary {
  /** ‖x‖. */
  readonly norm: number;
  /** ‖x‖² (exact sum of squares of the entries). */
  readonly normSquared: number;
  /** E‖y‖, by enumeration of all 2ⁿ masks. */
  readonly meanNorm: number;
  /** E‖y‖², by enumeration. */
  readonly meanSquareNorm: number;
  /** √(E‖y‖²) = ‖x‖/√q. */
  readonly rmsNorm: number;
  /** Largest ‖y‖ over all masks (the all-kept mask): ‖x‖/q. */
  readonly maxNorm: number;
}

export const selectNormSummary = memoOnVectorAndKeep((vector, keep): NormSummary => {
  const rows = listMasks(vector, keep);
  let meanNorm = 0;
  let meanSquareNorm = 0;
  for (const row of rows) {
    meanNorm += row.probability * row.compensatedNorm;
    meanSquareNorm += row.probability * row.compensatedNorm * row.compensatedNorm;
  }
  const normSquared = vector.reduce((sum, v) => sum + v * v, 0);
  const norm = Math.sqrt(normSquared);
  return {
    norm,
    normSquared,
    meanNorm,
    meanSquareNorm,
    rmsNorm: norm / Math.sqrt(keep),
    maxNorm: norm / keep,
  };
});
