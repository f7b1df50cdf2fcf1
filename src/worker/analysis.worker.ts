/**
 * The analysis worker: hands each job to the engine. A new job on a channel cancels that channel's
 * running job; so does an explicit cancel with the running id. Jobs of different channels run side
 * by side, slice by slice; a query answered lately is answered from the answer cache
 * (answerCache.ts). Long number arrays travel as transferred Float64Arrays both ways (transfer.ts).
 */
import { runQuery } from '../math/engine.ts';
import { createAnswerCache } from './answerCache.ts';
import { macrotask, startAnalysisJob, type AnalysisJob } from './analysisJob.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import { pack, unpack } from './transfer.ts';

declare const self: DedicatedWorkerGlobalScope;

const running = new Map<string, { id: number; job: AnalysisJob }>();
/** Answers lately computed, for any channel: the comparison's `inverted` row is the main figure's query. */
const answers = createAnswerCache();

const post = (response: WorkerResponse) => {
  const { packed, transfer } = pack(response);
  self.postMessage(packed, transfer);
};

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = unpack(event.data);
  switch (message.type) {
    case 'run': {
      running.get(message.channel)?.job.cancel();
      const { id, channel } = message;
      let finished = false;
      const job = startAnalysisJob(id, message.queries, (response) => {
        if (response.type !== 'progress') {
          finished = true;
          if (running.get(channel)?.id === id) running.delete(channel);
        }
        post(response);
      }, macrotask, undefined, answers);
      // A job that finished within its first slice is not running any more.
      if (!finished) running.set(channel, { id, job });
      break;
    }
    case 'cancel': {
      const current = running.get(message.channel);
      if (current?.id === message.id) {
        current.job.cancel();
        running.delete(message.channel);
      }
      break;
    }
  }
};

/**
 * Warm-up: a few tiny analyses so the kernels are compiled before the first real request
 * (docs/architecture.md#v8-pitfalls: a kernel whose first call is long gets stuck in slow OSR code).
 */
for (const method of ['enumerate', 'split', 'sample'] as const) {
  try {
    runQuery('norm', { x: [0.3, 1, 0.2, 0.7, 0.5, 0.1], keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges: [0, 1, 2, 4], method, samples: 2000 });
  } catch {
    // A warm-up that fails only means a slower first request.
  }
}
