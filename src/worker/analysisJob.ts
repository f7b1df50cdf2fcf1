/**
 * Runs one job (a batch of analyses) in time slices: each slice advances the engine's step
 * generators until about SLICE_MS have passed, reports progress with the partial results, then
 * gives the event loop a turn so that a newer job or a cancel can arrive. Used by the worker and
 * by the main-thread fallback alike.
 */
import { analysisSteps } from '../math/analyze.ts';
import type { AnalysisRequest, AnalysisResult } from '../math/types.ts';
import { SLICE_MS, type WorkerResponse } from './protocol.ts';

export interface AnalysisJob {
  cancel(): void;
}

/** Schedules the next slice: a macrotask, so that queued messages are handled in between. */
export type Scheduler = (next: () => void) => void;

export const macrotask: Scheduler = (next) => {
  setTimeout(next, 0);
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function startAnalysisJob(
  id: number,
  requests: readonly AnalysisRequest[],
  post: (message: WorkerResponse) => void,
  schedule: Scheduler = macrotask,
  now: () => number = () => performance.now(),
): AnalysisJob {
  const started = now();
  const results: (AnalysisResult | null)[] = requests.map(() => null);
  let index = 0;
  let steps: ReturnType<typeof analysisSteps> | null = null;
  let fraction = 0;
  let cancelled = false;

  const slice = () => {
    if (cancelled) return;
    const sliceStart = now();
    try {
      while (index < requests.length) {
        steps ??= analysisSteps(requests[index] as AnalysisRequest);
        const step = steps.next();
        if (step.done === true) {
          results[index] = step.value;
          index++;
          steps = null;
          fraction = index / requests.length;
        } else {
          fraction = (index + step.value.fraction) / requests.length;
          if (step.value.partial !== undefined) results[index] = step.value.partial;
        }
        if (index < requests.length && now() - sliceStart >= SLICE_MS) {
          post({ type: 'progress', id, fraction, elapsedMs: now() - started, partial: results.slice() });
          schedule(slice);
          return;
        }
      }
    } catch (error) {
      post({ type: 'error', id, message: messageOf(error) });
      return;
    }
    post({ type: 'result', id, elapsedMs: now() - started, results: results as AnalysisResult[] });
  };
  slice();
  return {
    cancel() {
      cancelled = true;
    },
  };
}
