/**
 * The page's side of the training worker. Loaded by dynamic import() when the reader starts a run,
 * so neither this module's worker nor TensorFlow.js is in the first-load bundle. A newer run
 * supersedes the running one: its promise rejects with an AbortError and the worker is told to
 * stop; messages of runs that are no longer current are dropped.
 */
import type { ExperimentResult } from './experiment.ts';
import type { TrainingSettings } from './settings.ts';
import type { TrainingRequest, TrainingResponse } from './trainingProtocol.ts';

export type TrainingProgress = Extract<TrainingResponse, { type: 'progress' }>;

export interface TrainingClient {
  run(settings: TrainingSettings, onProgress: (progress: TrainingProgress) => void): Promise<{ result: ExperimentResult; elapsedMs: number }>;
  cancel(): void;
}

function abortError(): Error {
  const error = new Error('superseded by a newer training run');
  error.name = 'AbortError';
  return error;
}

export function createTrainingClient(): TrainingClient {
  let worker: Worker | null = null;
  let nextId = 1;
  let pending: {
    id: number;
    resolve: (value: { result: ExperimentResult; elapsedMs: number }) => void;
    reject: (error: Error) => void;
    onProgress: (progress: TrainingProgress) => void;
  } | null = null;

  const fail = (message: string) => {
    const current = pending;
    pending = null;
    worker?.terminate();
    worker = null;
    current?.reject(new Error(message));
  };

  const start = (): Worker => {
    const created = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<TrainingResponse>) => {
      const message = event.data;
      if (pending === null || message.id !== pending.id) return;
      if (message.type === 'progress') pending.onProgress(message);
      else if (message.type === 'result') {
        const done = pending;
        pending = null;
        done.resolve({ result: message.result, elapsedMs: message.elapsedMs });
      } else fail(message.message);
    };
    created.onerror = (event) => {
      event.preventDefault();
      fail(`the training worker stopped (${event.message || 'it could not load'})`);
    };
    return created;
  };

  const post = (request: TrainingRequest) => {
    worker ??= start();
    worker.postMessage(request);
  };

  return {
    run(settings, onProgress) {
      pending?.reject(abortError());
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending = { id, resolve, reject, onProgress };
        post({ type: 'run', id, settings });
      });
    },
    cancel() {
      if (pending === null) return;
      const { id, reject } = pending;
      pending = null;
      post({ type: 'cancel', id });
      reject(abortError());
    },
  };
}
