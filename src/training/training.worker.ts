/// <reference lib="webworker" />
/**
 * The training worker: TensorFlow.js on its CPU backend (deterministic: plain JavaScript kernels in
 * a fixed order), loaded only when the reader starts a training run. A newer run cancels the
 * running one; a cancel with the running id stops it.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { startTrainingJob } from './trainingJob.ts';
import type { TrainingRequest, TrainingResponse } from './trainingProtocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const ready = tf.setBackend('cpu');
let running: { id: number; cancel: () => void } | null = null;
let latest = -1;

self.onmessage = async (event: MessageEvent<TrainingRequest>) => {
  const request = event.data;
  latest = request.id;
  running?.cancel();
  running = null;
  if (request.type === 'cancel') return;
  await ready;
  // A newer message may have arrived while the backend got ready.
  if (latest !== request.id) return;
  const post = (message: TrainingResponse) => self.postMessage(message);
  running = {
    id: request.id,
    cancel: startTrainingJob(request.id, request.settings, {
      now: () => performance.now(),
      post,
      later: (next) => setTimeout(next, 0),
    }),
  };
};
