import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AnalysisRequest, AnalysisResult } from '../math/types.ts';

/**
 * What the engine reported for the current requests of one figure (one store per channel: the
 * main distribution, the side-by-side comparison). Not base state: only the analysis sync writes
 * it, and its results always belong to `requests` (results of older requests are dropped).
 */
export interface AnalysisState {
  /** The requests being (or last) computed: the ones derived from the current base state. */
  readonly requests: readonly AnalysisRequest[] | null;
  readonly status: 'idle' | 'running' | 'done' | 'error';
  /** Share of the work done (0…1) and time spent so far. */
  readonly fraction: number;
  readonly elapsedMs: number;
  /** The latest result for each request: partial while running, final when done, null before any. */
  readonly results: readonly (AnalysisResult | null)[];
  readonly error: string | null;
  /** Where the computation runs, and why not in the worker if it does not (one sentence). */
  readonly engine: 'worker' | 'main-thread';
  readonly engineNote: string | null;
}

export type AnalysisStore = StoreApi<AnalysisState>;

export const IDLE_ANALYSIS: AnalysisState = {
  requests: null,
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

/** The first request's result (the main figure has exactly one request). */
export const selectFirstResult = (state: AnalysisState): AnalysisResult | null => state.results[0] ?? null;
