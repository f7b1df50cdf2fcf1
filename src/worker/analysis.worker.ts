/// <reference lib="webworker" />
/**
 * The analysis worker: a switch that hands each job to the engine, one at a time. A new job
 * cancels the running one; so does an explicit cancel with the running id. Long number arrays
 * travel as transferred Float64Arrays both ways (transfer.ts).
 */
import { analyze } from '../math/analyze.ts';
import { startAnalysisJob, type AnalysisJob } from './analysisJob.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import { pack, unpack } from './transfer.ts';

declare const self: DedicatedWorkerGlobalScope;

let running: { id: number; job: AnalysisJob } | null = null;

const post = (response: WorkerResponse) => {
  const { packed, transfer } = pack(response);
  self.postMessage(packed, transfer);
};

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = unpack(event.data);
  switch (message.type) {
    case 'analyze': {
      running?.job.cancel();
      running = { id: message.id, job: startAnalysisJob(message.id, message.requests, post) };
      break;
    }
    case 'cancel':
      if (running?.id === message.id) {
        running.job.cancel();
        running = null;
      }
      break;
  }
};

/**
 * Warm-up: a few tiny analyses so the kernels are compiled before the first real request
 * (docs/architecture.md#v8-pitfalls: a kernel whose first call is long gets stuck in slow OSR code).
 */
for (const method of ['enumerate', 'split', 'sample'] as const) {
  try {
    analyze({ x: [0.3, 1, 0.2, 0.7, 0.5, 0.1], keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges: [0, 1, 2, 4], method, samples: 2000 });
  } catch {
    // A warm-up that fails only means a slower first request.
  }
}
