/**
 * Runs one job (a batch of engine queries) in time slices: each slice advances the queries' step
 * generators until about SLICE_MS have passed, reports progress with the partial answers, then
 * gives the event loop a turn so that a newer job or a cancel can arrive, and so that jobs of other
 * channels get their slices. Used by the worker and by the main-thread fallback alike; the worker
 * passes its answer cache (answerCache.ts), so a query it has answered lately is not computed again.
 */
import { type EngineAnswer, type EngineQuery } from '../math/index.ts';
import { engineSteps } from '../math/engine.ts';
import { answerKey, type AnswerCache } from './answerCache.ts';
import { PROGRESS_MS, SLICE_MS, type WorkerResponse } from './protocol.ts';

export interface AnalysisJob {
  cancel(): void;
}

/** Schedules the next slice: a macrotask, so that queued messages are handled in between. */
export type Scheduler = (next: () => void) => void;

/**
 * A macrotask through a MessageChannel, as React's scheduler does: a chain of setTimeout(0) is
 * clamped to 4 ms from its fifth link (HTML's timer nesting rule, in workers too), which left the
 * worker idle for 4 ms after every 10 ms slice. A posted message has no such clamp and still lets
 * queued messages (a newer job, a cancel) and other channels' slices run in between.
 */
function messageChannelTask(): Scheduler | null {
  if (typeof MessageChannel !== 'function') return null;
  const channel = new MessageChannel();
  const queue: (() => void)[] = [];
  channel.port1.onmessage = () => queue.shift()?.();
  // Node's ports keep its process alive; a pending slice must not (tests run the job in Node).
  for (const port of [channel.port1, channel.port2] as unknown as { unref?: () => void }[]) port.unref?.();
  return (next) => {
    queue.push(next);
    channel.port2.postMessage(null);
  };
}

export const macrotask: Scheduler =
  messageChannelTask() ??
  ((next) => {
    setTimeout(next, 0);
  });

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function startAnalysisJob(
  id: number,
  queries: readonly EngineQuery[],
  post: (message: WorkerResponse) => void,
  schedule: Scheduler = macrotask,
  now: () => number = () => performance.now(),
  cache: AnswerCache | null = null,
): AnalysisJob {
  const started = now();
  const answers: (EngineAnswer | null)[] = queries.map(() => null);
  let index = 0;
  let steps: ReturnType<typeof engineSteps> | null = null;
  /** The running query's cache key (with a cache): computed once, for the lookup and the store. */
  let key = '';
  let fraction = 0;
  let cancelled = false;
  let lastProgress = Number.NEGATIVE_INFINITY;

  const slice = () => {
    if (cancelled) return;
    const sliceStart = now();
    try {
      while (index < queries.length) {
        const q = queries[index] as EngineQuery;
        if (steps === null) {
          key = cache === null ? '' : answerKey(q);
          const known = cache?.get(key);
          if (known !== undefined) {
            answers[index] = known;
            index++;
            fraction = index / queries.length;
            continue;
          }
          steps = engineSteps(q);
        }
        const step = steps.next();
        if (step.done === true) {
          cache?.set(key, step.value);
          answers[index] = step.value;
          index++;
          steps = null;
          fraction = index / queries.length;
        } else {
          fraction = (index + step.value.fraction) / queries.length;
          if (step.value.partial !== undefined) answers[index] = step.value.partial;
        }
        if (index < queries.length && now() - sliceStart >= SLICE_MS) {
          const time = now();
          if (time - lastProgress >= PROGRESS_MS) {
            lastProgress = time;
            post({ type: 'progress', id, fraction, elapsedMs: time - started, partial: answers.slice() });
          }
          schedule(slice);
          return;
        }
      }
    } catch (error) {
      post({ type: 'error', id, message: messageOf(error) });
      return;
    }
    post({ type: 'result', id, elapsedMs: now() - started, answers: answers as EngineAnswer[] });
  };
  slice();
  return {
    cancel() {
      cancelled = true;
    },
  };
}
