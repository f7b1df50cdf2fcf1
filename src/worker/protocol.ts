/**
 * Messages between the page and an analysis worker. A job is a batch of engine queries computed in
 * order, for one channel (the main figure, the comparison, a section's own numbers). Every job has
 * an id unique within its client; a newer job on a channel cancels that channel's running one, and
 * jobs of different channels take turns slice by slice (docs/architecture.md#worker-protocol).
 */
import type { EngineAnswer, EngineQuery } from '../math/index.ts';

export type WorkerRequest =
  | { readonly type: 'run'; readonly channel: string; readonly id: number; readonly queries: readonly EngineQuery[] }
  | { readonly type: 'cancel'; readonly channel: string; readonly id: number };

export type WorkerResponse =
  | {
      readonly type: 'progress';
      readonly id: number;
      /** Share of the whole batch done, 0…1. */
      readonly fraction: number;
      /** Milliseconds since the worker started this job. */
      readonly elapsedMs: number;
      /** Answers so far: final ones for finished queries, the running one's partial answer, null for the rest. */
      readonly partial: readonly (EngineAnswer | null)[];
    }
  | { readonly type: 'result'; readonly id: number; readonly elapsedMs: number; readonly answers: readonly EngineAnswer[] }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** Milliseconds of work between two looks at the message queue. */
export const SLICE_MS = 10;

/**
 * Least time between two progress messages of a job (the first comes after the first slice): each
 * one is cloned, unpacked and re-renders the figure being filled, so a few a second is enough for
 * a progress bar and keeps a long job from starving the page (docs/architecture.md#worker-protocol).
 */
export const PROGRESS_MS = 200;
