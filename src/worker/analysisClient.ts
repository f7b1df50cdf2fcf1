/**
 * The page's side of an analysis worker: `run(channel, queries, { signal, onProgress })` returns a
 * Promise of the answers and takes an AbortSignal (the shape of squoosh's worker bridge). A newer
 * run on the same channel supersedes the older one, whose Promise rejects with an AbortError, as
 * does a run whose signal aborts; the worker is told to cancel either way. Messages for jobs that
 * are no longer current are dropped. If the worker cannot start or crashes, the client falls back
 * to computing on the main thread in time slices and reruns what was pending there.
 */
import type { EngineAnswer, EngineQuery } from '../math/index.ts';
import { startAnalysisJob, type AnalysisJob } from './analysisJob.ts';
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

interface Pending {
  readonly id: number;
  readonly channel: string;
  readonly queries: readonly EngineQuery[];
  readonly onProgress: ((progress: RunProgress) => void) | undefined;
  readonly resolve: (result: RunResult) => void;
  readonly reject: (error: Error) => void;
  readonly stopListening: () => void;
  mainJob: AnalysisJob | null;
}

export function createAnalysisClient(createWorker: () => WorkerLike): AnalysisClient {
  let nextId = 1;
  /** The current job of each channel. */
  const pending = new Map<string, Pending>();
  let worker: WorkerLike | null = null;
  let mode: EngineMode = 'worker';
  let fallbackReason: string | null = null;
  const listeners = new Set<() => void>();

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

  const runOnMainThread = (job: Pending) => {
    job.mainJob?.cancel();
    job.mainJob = startAnalysisJob(job.id, job.queries, deliver);
  };

  const fallBack = (reason: string) => {
    worker?.terminate();
    worker = null;
    mode = 'main-thread';
    fallbackReason = reason;
    listeners.forEach((listener) => listener());
    [...pending.values()].forEach(runOnMainThread);
  };

  try {
    worker = createWorker();
    worker.onmessage = (event) => deliver(unpack(event.data));
    worker.onerror = (event) => {
      event.preventDefault?.();
      fallBack(
        'The background worker stopped unexpectedly, so the numbers are computed on the page itself: large vectors update more slowly and the page may pause while they do.',
      );
    };
  } catch {
    worker = null;
    mode = 'main-thread';
    fallbackReason =
      'This browser could not start a background worker, so the numbers are computed on the page itself: large vectors update more slowly.';
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
        };
        pending.set(channel, job);
        if (worker !== null) {
          const { packed, transfer } = pack(queries);
          worker.postMessage({ type: 'run', channel, id, queries: packed }, transfer);
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
      worker?.terminate();
      worker = null;
    },
  };
}
