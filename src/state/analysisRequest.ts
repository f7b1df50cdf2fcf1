/**
 * The engine queries of the main figure and the comparison for the current base state, memoised on
 * exactly the fields they read, so the same array comes back (and nothing is recomputed or resent)
 * when only display state changes.
 */
import { type AnalysisRequest, type Compensation, defaultEdges, type EngineQuery, focusedEdges, query, maskModel } from '../math/index.ts';
import type { ExplorerState } from './explorerState.ts';
import { selectEffectiveKeep, selectKept, selectVector, selectWeights } from './selectors.ts';

export { DROPCONNECT_ROWS } from './selectors.ts';

/** A memoised selector that can also say, without computing, whether a state would give a new value. */
export interface MemoSelector<T> {
  (state: ExplorerState): T;
  /** True when the state's dependencies differ from those of the value last computed (or none was). */
  stale(state: ExplorerState): boolean;
}

/** Remembers the last value for the last list of dependencies (compared with Object.is). */
export function memoOnDeps<T>(deps: (state: ExplorerState) => readonly unknown[], compute: (state: ExplorerState) => T): MemoSelector<T> {
  let lastDeps: readonly unknown[] | null = null;
  let last: T | undefined;
  const differ = (next: readonly unknown[]) =>
    lastDeps === null || next.length !== lastDeps.length || next.some((d, i) => !Object.is(d, lastDeps?.[i]));
  const select = (state: ExplorerState): T => {
    const next = deps(state);
    if (differ(next)) {
      lastDeps = next;
      last = compute(state);
    }
    return last as T;
  };
  return Object.assign(select, { stale: (state: ExplorerState) => differ(deps(state)) });
}

/** The fields of the base state that every request reads. */
const requestDeps = (s: ExplorerState) => [
  selectVector(s), s.keep, s.model, s.kept, s.bins, s.method, s.samples, s.seed, s.weightsSeed,
];

function request(state: ExplorerState, compensation: Compensation, edges: readonly number[]): AnalysisRequest {
  const x = selectVector(state);
  return {
    x,
    keep: selectEffectiveKeep(state),
    model: state.model,
    ...(maskModel(state.model).keepFromCount ? { kept: selectKept(state) } : {}),
    compensation,
    edges,
    method: state.method,
    samples: state.samples,
    seed: state.seed,
    downstream: selectWeights(state).downstream,
    ...(maskModel(state.model).masks === 'weights' ? { weights: selectWeights(state).matrix } : {}),
  };
}

/** The main figure: the chosen model and compensation. */
export const selectMainQueries = memoOnDeps(
  (s) => [...requestDeps(s), s.compensation],
  (state): readonly EngineQuery[] => {
    const x = selectVector(state);
    const keep = selectEffectiveKeep(state);
    const edges =
      maskModel(state.model).masks === 'weights'
        ? defaultEdges(x, keep, state.compensation, state.bins, selectWeights(state).matrix)
        : focusedEdges(x, keep, state.compensation, state.bins, maskModel(state.model).keepFromCount ? selectKept(state) : undefined);
    return [query('norm', request(state, state.compensation, edges))];
  },
);

/** The compared compensations on common edges, so their histograms can be set side by side. */
export const selectCompareQueries = memoOnDeps(
  (s) => [...requestDeps(s), s.compared],
  (state): readonly EngineQuery[] => {
    const x = selectVector(state);
    const keep = selectEffectiveKeep(state);
    const weights = maskModel(state.model).masks === 'weights' ? selectWeights(state).matrix : undefined;
    const kept = maskModel(state.model).keepFromCount ? selectKept(state) : undefined;
    const top = Math.max(...state.compared.map((c) => defaultEdges(x, keep, c, state.bins, weights, kept).at(-1) ?? 0));
    const edges = Array.from({ length: state.bins + 1 }, (_, j) => (j === state.bins ? top : (top * j) / state.bins));
    return state.compared.map((c) => query('norm', request(state, c, edges)));
  },
);
