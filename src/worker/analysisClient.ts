/**
 * The page's side of an analysis worker: `run(channel, queries, { signal, onProgress })` returns a
 * Promise of the answers and takes an AbortSignal (the shape of squoosh's worker bridge). A newer
 * run on the same channel supersedes the older one, whose Promise rejects with an AbortError, as
 * does a run whose signal aborts; the worker is told to cancel either way. Messages for jobs that
 * are no longer current are dropped. If the worker cannot start or crashes, the client falls back
 * to computing on the main thread in time slices and reruns what was pending there.
 *
 * A watchdog notices a worker that hangs or quietly closes itself: a busy worker posts progress
 * every slice (about 10 ms), so one that has said nothing for WATCHDOG_SILENCE_MS while a job is
 * pending is terminated and started again once, with the pending jobs sent anew; if the new one
 * falls silent too, the client falls back to the main thread and says so. The page never shows
 * "Computing" without end.
 */
import type { EngineAnswer, EngineQuery } from '../math/index.ts';
import type { AnalysisJob } from './analysisJob.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import { pack, unpack } from './transfer.ts';

/** Progress of a running job: share done, time so far, and the answers so far (null where none yet). */
export interface RunProgress {
  readonly fraction: number;
  readonly elapsedMs: number;
  readonly partial: readonly (EngineAnswer | null)[];
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RunProgress) => void;
}

export interface RunResult {
  readonly answers: readonly EngineAnswer[];
  readonly elapsedMs: number;
}

/** Where the computation runs. */
export type EngineMode = 'worker' | 'main-thread';

export interface AnalysisClient {
  /** Computes the queries for a channel; rejects with an AbortError when superseded or aborted. */
  run(channel: string, queries: readonly EngineQuery[], options?: RunOptions): Promise<RunResult>;
  readonly mode: EngineMode;
  /** Why the client is on the main thread, in one plain sentence (null while on the worker). */
  readonly fallbackReason: string | null;
  /** Called when the mode changes (worker crashed → main thread). Returns the unsubscribe. */
  onModeChange(listener: () => void): () => void;
  dispose(): void;
}

/** The minimal worker surface the client needs (a real Worker, or a test double). */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** The error a superseded or aborted run rejects with (a DOMException named AbortError, as fetch's). */
export function abortError(): Error {
  return new DOMException('The computation was superseded or aborted.', 'AbortError');
}

export const isAbortError = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';

/**
 * How long a busy worker may say nothing before the watchdog gives up on it. A working worker posts
 * progress every SLICE_MS (10 ms); 5 s leaves room for a loaded machine and a slow first load.
 */
export const WATCHDOG_SILENCE_MS = 5000;

/** A watchdog check that runs this much later than armed means the page's thread was blocked. */
const LATE_CHECK_MS = 1000;

/** The clock and timer the watchdog uses (the page's by default; a fake one in tests). */
export interface WatchdogClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const PAGE_CLOCK: WatchdogClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export interface ClientOptions {
  readonly clock?: WatchdogClock;
  /** Silence that counts as a hung worker (default WATCHDOG_SILENCE_MS). */
  readonly silenceMs?: number;
}

/** Why the client is on the main thread, one sentence per cause. */
export const FALLBACK_REASONS = {
  noWorkers:
    'This browser could not start a background worker, so the numbers are computed on the page itself: large vectors update more slowly.',
  couldNotStart:
    'The background worker could not start (its script did not load), so the numbers are computed on the page itself: large vectors update more slowly.',
  crashed:
    'The background worker stopped unexpectedly, so the numbers are computed on the page itself: large vectors update more slowly and the page may pause while they do.',
  hung: (seconds: number) =>
    `The background worker stopped answering (nothing for ${seconds} s, and again after a restart), so the numbers are computed on the page itself: large vectors update more slowly and the page may pause while they do.`,
} as const;

interface Pending {
  readonly id: number;
  readonly channel: string;
  readonly queries: readonly EngineQuery[];
  readonly onProgress: ((progress: RunProgress) => void) | undefined;
  readonly resolve: (result: RunResult) => void;
  readonly reject: (error: Error) => void;
  readonly stopListening: () => void;
  mainJob: AnalysisJob | null;
  /** The latest main-thread start, so a start that was overtaken while the runner loaded does nothing. */
  attempt: object | null;
}

export function createAnalysisClient(createWorker: () => WorkerLike, clientOptions: ClientOptions = {}): AnalysisClient {
  const clock = clientOptions.clock ?? PAGE_CLOCK;
  const silenceMs = clientOptions.silenceMs ?? WATCHDOG_SILENCE_MS;
  let nextId = 1;
  /** The current job of each channel. */
  const pending = new Map<string, Pending>();
  let worker: WorkerLike | null = null;
  let mode: EngineMode = 'worker';
  let fallbackReason: string | null = null;
  const listeners = new Set<() => void>();
  /** Whether the current worker has sent any message (an error before that means it never started). */
  let heard = false;
  /** Whether the worker was already restarted once after falling silent. */
  let restarted = false;
  /** When the worker last showed a sign of life, or became busy after being idle. */
  let lastSign = 0;
  let watchdog: unknown = null;

  const settle = (job: Pending) => {
    job.stopListening();
    job.mainJob?.cancel();
    if (pending.get(job.channel) === job) pending.delete(job.channel);
  };

  const deliver = (message: WorkerResponse) => {
    const job = [...pending.values()].find((p) => p.id === message.id);
    if (job === undefined) return; // stale: superseded, aborted or done
    switch (message.type) {
      case 'progress':
        job.onProgress?.({ fraction: message.fraction, elapsedMs: message.elapsedMs, partial: message.partial });
        break;
      case 'result':
        settle(job);
        job.resolve({ answers: message.answers, elapsedMs: message.elapsedMs });
        break;
      case 'error':
        settle(job);
        job.reject(new Error(message.message));
        break;
    }
  };

  // The fallback's job runner carries the whole engine, so the page loads it only when a worker
  // fails (it is not part of the first load).
  let jobRunner: Promise<typeof import('./analysisJob.ts')> | null = null;
  const runOnMainThread = (job: Pending) => {
    job.mainJob?.cancel();
    job.mainJob = null;
    const attempt = {};
    job.attempt = attempt;
    jobRunner ??= import('./analysisJob.ts');
    jobRunner.then(
      ({ startAnalysisJob }) => {
        // Superseded, aborted or run again while the runner loaded: nothing to start.
        if (pending.get(job.channel) !== job || job.attempt !== attempt) return;
        job.mainJob = startAnalysisJob(job.id, job.queries, deliver);
      },
      (error: unknown) => {
        if (pending.get(job.channel) !== job || job.attempt !== attempt) return;
        settle(job);
        job.reject(new Error(`The page could not load its own engine: ${error instanceof Error ? error.message : String(error)}`));
      },
    );
  };

  const stopWatchdog = () => {
    if (watchdog !== null) clock.clearTimeout(watchdog);
    watchdog = null;
  };

  /** When the armed check should run: a check that runs much later found the page itself blocked. */
  let checkAt = 0;
  const arm = (delay: number) => {
    checkAt = clock.now() + delay;
    watchdog = clock.setTimeout(check, delay);
  };

  /** Checks at the deadline: silent for silenceMs with work pending means hung. */
  const check = () => {
    watchdog = null;
    if (worker === null || pending.size === 0) return;
    const now = clock.now();
    // The timer ran over a second late: the page's own thread was busy, and the worker's messages
    // may be waiting behind this very task. No verdict: the silence counts again from now.
    if (now - checkAt > LATE_CHECK_MS) {
      lastSign = now;
      arm(silenceMs);
      return;
    }
    const due = lastSign + silenceMs;
    if (now < due) arm(due - now);
    else if (restarted) fallBack(FALLBACK_REASONS.hung(Math.round(silenceMs / 1000)));
    else restart();
  };

  const armWatchdog = () => {
    if (watchdog === null && worker !== null && pending.size > 0) arm(Math.max(0, lastSign + silenceMs - clock.now()));
  };

  const dropWorker = () => {
    if (worker === null) return;
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    worker = null;
  };

  const fallBack = (reason: string) => {
    stopWatchdog();
    dropWorker();
    mode = 'main-thread';
    fallbackReason = reason;
    listeners.forEach((listener) => listener());
    [...pending.values()].forEach(runOnMainThread);
  };

  /** Starts a worker and wires it; false if the browser refuses. */
  const startWorker = (): boolean => {
    let started: WorkerLike;
    try {
      started = createWorker();
    } catch {
      return false;
    }
    worker = started;
    heard = false;
    started.onmessage = (event) => {
      if (worker !== started) return;
      heard = true;
      lastSign = clock.now();
      deliver(unpack(event.data));
    };
    started.onerror = (event) => {
      event.preventDefault?.();
      if (worker !== started) return;
      // An error before any message: the script did not load (a 404, a syntax error), not a crash.
      fallBack(heard ? FALLBACK_REASONS.crashed : FALLBACK_REASONS.couldNotStart);
    };
    return true;
  };

  const post = (job: Pending) => {
    const { packed, transfer } = pack(job.queries);
    worker?.postMessage({ type: 'run', channel: job.channel, id: job.id, queries: packed }, transfer);
  };

  /** The first silence: a new worker, the pending jobs sent to it anew. */
  const restart = () => {
    restarted = true;
    dropWorker();
    if (!startWorker()) {
      fallBack(FALLBACK_REASONS.noWorkers);
      return;
    }
    lastSign = clock.now();
    pending.forEach(post);
    armWatchdog();
  };

  if (!startWorker()) {
    mode = 'main-thread';
    fallbackReason = FALLBACK_REASONS.noWorkers;
  }

  const cancel = (job: Pending) => {
    settle(job);
    if (worker !== null) worker.postMessage({ type: 'cancel', channel: job.channel, id: job.id });
    job.reject(abortError());
  };

  return {
    run(channel, queries, options = {}) {
      const { signal, onProgress } = options;
      if (signal?.aborted === true) return Promise.reject(abortError());
      // An idle worker owes no message yet: its silence counts from now.
      if (pending.size === 0) lastSign = clock.now();
      const previous = pending.get(channel);
      if (previous !== undefined) cancel(previous);
      const id = nextId++;
      return new Promise<RunResult>((resolve, reject) => {
        const onAbort = () => {
          const job = pending.get(channel);
          if (job?.id === id) cancel(job);
        };
        signal?.addEventListener('abort', onAbort);
        const job: Pending = {
          id,
          channel,
          queries,
          onProgress,
          resolve,
          reject,
          stopListening: () => signal?.removeEventListener('abort', onAbort),
          mainJob: null,
          attempt: null,
        };
        pending.set(channel, job);
        if (worker !== null) {
          post(job);
          armWatchdog();
        } else runOnMainThread(job);
      });
    },
    get mode() {
      return mode;
    },
    get fallbackReason() {
      return fallbackReason;
    },
    onModeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      [...pending.values()].forEach(cancel);
      stopWatchdog();
      dropWorker();
    },
  };
}
