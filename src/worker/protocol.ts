/**
 * Messages between the page and an analysis worker. A job is a batch of engine requests computed
 * in order (one request for the main figure, several for side-by-side comparisons). Every job has
 * an id; a newer job cancels the running one, and the client ignores messages for older ids.
 */
import type { AnalysisRequest, AnalysisResult } from '../math/types.ts';

export type WorkerRequest =
  | { readonly type: 'analyze'; readonly id: number; readonly requests: readonly AnalysisRequest[] }
  | { readonly type: 'cancel'; readonly id: number };

export type WorkerResponse =
  | {
      readonly type: 'progress';
      readonly id: number;
      /** Share of the whole batch done, 0…1. */
      readonly fraction: number;
      /** Milliseconds since the worker started this job. */
      readonly elapsedMs: number;
      /** Results so far: final ones for finished requests, the running one's partial result, null for the rest. */
      readonly partial: readonly (AnalysisResult | null)[];
    }
  | { readonly type: 'result'; readonly id: number; readonly elapsedMs: number; readonly results: readonly AnalysisResult[] }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** Milliseconds of work between two looks at the message queue (and two progress messages). */
export const SLICE_MS = 10;
