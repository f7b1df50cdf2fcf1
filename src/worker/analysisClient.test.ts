import { describe, expect, it } from 'vitest';
import type { AnalysisRequest, AnalysisResult } from '../math/types.ts';
import { createAnalysisClient, type WorkerLike } from './analysisClient.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

/**
 * A worker double that answers every analyze request later, in a scrambled order, with a result
 * that names the request it answers (its keep probability).
 */
function scrambledWorker() {
  const pending: WorkerResponse[] = [];
  const posted: WorkerRequest[] = [];
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      posted.push(message);
      if (message.type === 'analyze') {
        const result = { keep: message.requests[0]?.keep } as unknown as AnalysisResult;
        pending.push({ type: 'progress', id: message.id, fraction: 0.5, elapsedMs: 1, partial: [result] });
        pending.push({ type: 'result', id: message.id, elapsedMs: 2, results: [result] });
      }
    },
    terminate() {},
  };
  const flush = () => {
    // Deliver in reverse order of arrival: the oldest answers come last, as a slow job's would.
    for (const message of pending.splice(0).reverse()) worker.onmessage?.({ data: message } as MessageEvent<WorkerResponse>);
  };
  return { worker, posted, flush };
}

const request = (keep: number) => ({ x: [1, 2], keep, model: 'bernoulli', compensation: 'inverted', edges: [0, 1, 2] }) as unknown as AnalysisRequest;

describe('createAnalysisClient', () => {
  it('applies only the last request of a burst, however late the older answers arrive', () => {
    const { worker, posted, flush } = scrambledWorker();
    const client = createAnalysisClient(() => worker);
    const applied: number[] = [];
    const progressed: number[] = [];
    for (let i = 1; i <= 50; i++) {
      client.run([request(i / 100)], {
        onProgress: (_f, _ms, partial) => progressed.push((partial[0] as unknown as { keep: number }).keep),
        onResult: (results) => applied.push((results[0] as unknown as { keep: number }).keep),
        onError: () => {},
      });
    }
    flush();
    expect(applied).toEqual([0.5]);
    expect(progressed).toEqual([0.5]);
    // Every superseded request was cancelled explicitly.
    expect(posted.filter((m) => m.type === 'cancel')).toHaveLength(49);
  });

  it('falls back to the main thread with a reason when the worker cannot start', () => {
    const client = createAnalysisClient(() => {
      throw new Error('no workers here');
    });
    expect(client.mode).toBe('main-thread');
    expect(client.fallbackReason).toMatch(/could not start a background worker/);
  });

  it('switches to the main thread and says why when the worker crashes', () => {
    const { worker } = scrambledWorker();
    const client = createAnalysisClient(() => worker);
    let changes = 0;
    client.onModeChange(() => changes++);
    worker.onerror?.({ preventDefault() {} } as ErrorEvent);
    expect(client.mode).toBe('main-thread');
    expect(client.fallbackReason).toMatch(/stopped unexpectedly/);
    expect(changes).toBe(1);
  });
});
