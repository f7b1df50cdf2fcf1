import { createStore, type StoreApi } from 'zustand/vanilla';
import { type AnalysisResult, answerOf, type EngineAnswer, type EngineQuery } from '../math/index.ts';

/**
 * What the engine reported for the current queries of one channel (one store per channel of
 * channels.ts). Not base state: only the analysis sync writes it, and its answers always belong
 * to `queries` (answers to older queries are dropped).
 */
export interface AnalysisState {
  /** The queries being (or last) computed: the ones derived from the current base state. */
  readonly queries: readonly EngineQuery[] | null;
  readonly status: 'idle' | 'running' | 'done' | 'error';
  /** Share of the work done (0…1) and time spent so far. */
  readonly fraction: number;
  readonly elapsedMs: number;
  /** The latest answer to each query: partial while running, final when done, null before any. */
  readonly results: readonly (EngineAnswer | null)[];
  readonly error: string | null;
  /** Where the computation runs, and why not in the worker if it does not (one sentence). */
  readonly engine: 'worker' | 'main-thread';
  readonly engineNote: string | null;
}

export type AnalysisStore = StoreApi<AnalysisState>;

export const IDLE_ANALYSIS: AnalysisState = {
  queries: null,
  status: 'idle',
  fraction: 0,
  elapsedMs: 0,
  results: [],
  error: null,
  engine: 'worker',
  engineNote: null,
};

export function createAnalysisStore(): AnalysisStore {
  return createStore<AnalysisState>()(() => IDLE_ANALYSIS);
}

/** Estimated milliseconds left, from the pace so far; null before there is a pace to go by. */
export function selectTimeLeftMs(state: AnalysisState): number | null {
  if (state.status !== 'running' || state.fraction <= 0.02 || state.elapsedMs < 100) return null;
  return (state.elapsedMs / state.fraction) * (1 - state.fraction);
}

/** The first answer's law of the norm (the main figure's channel has exactly one query). */
export const selectFirstResult = (state: AnalysisState): AnalysisResult | null => answerOf('norm', state.results[0]);

const normResults = new WeakMap<readonly (EngineAnswer | null)[], readonly (AnalysisResult | null)[]>();

/** Every answer's law of the norm (null for missing answers or other kinds), the same array for the same answers. */
export function selectNormResults(state: AnalysisState): readonly (AnalysisResult | null)[] {
  let mapped = normResults.get(state.results);
  if (mapped === undefined) {
    mapped = state.results.map((answer) => answerOf('norm', answer));
    normResults.set(state.results, mapped);
  }
  return mapped;
}
