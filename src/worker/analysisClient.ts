/**
 * The page's side of the analysis worker: async, cancellable, and it drops stale results. Each
 * `run` supersedes the previous one; only messages for the latest id reach the handlers. If the
 * worker cannot start or crashes, it falls back to computing on the main thread in time slices.
 */
import type { AnalysisRequest, AnalysisResult } from '../math/types.ts';
import { startAnalysisJob, type AnalysisJob } from './analysisJob.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import { pack, unpack } from './transfer.ts';

export interface AnalysisHandlers {
  onProgress(fraction: number, elapsedMs: number, partial: readonly (AnalysisResult | null)[]): void;
  onResult(results: readonly AnalysisResult[], elapsedMs: number): void;
  onError(message: string): void;
}

/** Where the computation runs. */
export type EngineMode = 'worker' | 'main-thread';

export interface AnalysisClient {
  run(requests: readonly AnalysisRequest[], handlers: AnalysisHandlers): void;
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

export function createAnalysisClient(createWorker: () => WorkerLike): AnalysisClient {
  let nextId = 1;
  let currentId = 0;
  let handlers: AnalysisHandlers | null = null;
  let lastRequests: readonly AnalysisRequest[] | null = null;
  let worker: WorkerLike | null = null;
  let mainJob: AnalysisJob | null = null;
  let mode: EngineMode = 'worker';
  let fallbackReason: string | null = null;
  const listeners = new Set<() => void>();

  const deliver = (message: WorkerResponse) => {
    if (message.id !== currentId || handlers === null) return; // stale: a newer request exists
    switch (message.type) {
      case 'progress':
        handlers.onProgress(message.fraction, message.elapsedMs, message.partial);
        break;
      case 'result':
        handlers.onResult(message.results, message.elapsedMs);
        break;
      case 'error':
        handlers.onError(message.message);
        break;
    }
  };

  const fallBack = (reason: string) => {
    worker?.terminate();
    worker = null;
    mode = 'main-thread';
    fallbackReason = reason;
    listeners.forEach((listener) => listener());
    if (lastRequests !== null && handlers !== null) runOnMainThread(currentId, lastRequests);
  };

  const runOnMainThread = (id: number, requests: readonly AnalysisRequest[]) => {
    mainJob?.cancel();
    mainJob = startAnalysisJob(id, requests, deliver);
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

  return {
    run(requests, nextHandlers) {
      const id = nextId++;
      if (worker !== null && currentId !== 0) worker.postMessage({ type: 'cancel', id: currentId });
      currentId = id;
      handlers = nextHandlers;
      lastRequests = requests;
      if (worker !== null) {
        const { packed, transfer } = pack(requests);
        worker.postMessage({ type: 'analyze', id, requests: packed }, transfer);
      }
      else runOnMainThread(id, requests);
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
      mainJob?.cancel();
      worker?.terminate();
      worker = null;
      handlers = null;
    },
  };
}
