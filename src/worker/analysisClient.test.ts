import { describe, expect, it } from 'vitest';
import { type AnalysisRequest, type AnalysisResult, type EngineAnswer, query } from '../math/index.ts';
import { createAnalysisClient, isAbortError, type WorkerLike } from './analysisClient.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

/**
 * A worker double that answers every run later, in a scrambled order, with an answer that names
 * the query it answers (its keep probability).
 */
function scrambledWorker() {
  const pending: WorkerResponse[] = [];
  const posted: WorkerRequest[] = [];
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      posted.push(message);
      if (message.type === 'run') {
        const keep = (message.queries[0] as { input: AnalysisRequest }).input.keep;
        const answer = { kind: 'norm', complete: true, output: { keep } as unknown as AnalysisResult } as EngineAnswer;
        pending.push({ type: 'progress', id: message.id, fraction: 0.5, elapsedMs: 1, partial: [answer] });
        pending.push({ type: 'result', id: message.id, elapsedMs: 2, answers: [answer] });
      }
    },
    terminate() {},
  };
  const flush = () => {
    // Deliver the jobs in reverse order of arrival (the oldest answers come last, as a slow job's
    // would), each job's progress before its result.
    const jobs = [...new Set(pending.map((m) => m.id))].reverse();
    const messages = pending.splice(0);
    for (const id of jobs) {
      for (const message of messages.filter((m) => m.id === id)) worker.onmessage?.({ data: message } as MessageEvent<WorkerResponse>);
    }
  };
  return { worker, posted, flush };
}

const request = (keep: number) =>
  query('norm', { x: [1, 2], keep, model: 'bernoulli', compensation: 'inverted', edges: [0, 1, 2] } as AnalysisRequest);
const keepOf = (answer: EngineAnswer | null | undefined) => (answer?.output as { keep: number } | undefined)?.keep;

describe('createAnalysisClient', () => {
  it('resolves only the last run of a burst on a channel, however late the older answers arrive; the others reject with AbortError', async () => {
    const { worker, posted, flush } = scrambledWorker();
    const client = createAnalysisClient(() => worker);
    const progressed: (number | undefined)[] = [];
    const runs = Array.from({ length: 50 }, (_, i) =>
      client.run('main', [request((i + 1) / 100)], { onProgress: ({ partial }) => progressed.push(keepOf(partial[0])) }),
    );
    flush();
    const settled = await Promise.allSettled(runs);
    expect(settled.filter((s) => s.status === 'fulfilled').map((s) => keepOf(s.value.answers[0]))).toEqual([0.5]);
    expect(settled.slice(0, 49).every((s) => s.status === 'rejected' && isAbortError(s.reason))).toBe(true);
    expect(progressed).toEqual([0.5]);
    // Every superseded run was cancelled explicitly, on its channel.
    expect(posted.filter((m) => m.type === 'cancel' && m.channel === 'main')).toHaveLength(49);
  });

  it('keeps channels apart: a run on one channel does not supersede another channel', async () => {
    const { worker, flush } = scrambledWorker();
    const client = createAnalysisClient(() => worker);
    const a = client.run('main', [request(0.3)]);
    const b = client.run('compare', [request(0.7)]);
    flush();
    expect(keepOf((await a).answers[0])).toBe(0.3);
    expect(keepOf((await b).answers[0])).toBe(0.7);
  });

  it('an aborted signal rejects the run with AbortError and tells the worker to cancel', async () => {
    const { worker, posted, flush } = scrambledWorker();
    const client = createAnalysisClient(() => worker);
    const controller = new AbortController();
    const run = client.run('main', [request(0.4)], { signal: controller.signal });
    controller.abort();
    flush();
    await expect(run).rejects.toSatisfy(isAbortError);
    expect(posted.at(-1)).toMatchObject({ type: 'cancel', channel: 'main' });
    await expect(client.run('main', [request(0.4)], { signal: controller.signal })).rejects.toSatisfy(isAbortError);
  });

  it('computes on the main thread with a reason when the worker cannot start', async () => {
    const client = createAnalysisClient(() => {
      throw new Error('no workers here');
    });
    expect(client.mode).toBe('main-thread');
    expect(client.fallbackReason).toMatch(/could not start a background worker/);
    const input = { x: [3, 4], keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges: [0, 5, 10] } as const;
    const { answers } = await client.run('main', [query('norm', input)]);
    // Brute force over the 4 masks of (3, 4) at q = ½: ‖y‖ ∈ {0, 6, 8, 10}, each with probability ¼.
    expect(answers[0]?.kind).toBe('norm');
    expect((answers[0] as { output: AnalysisResult }).output.meanNorm.value).toBeCloseTo((0 + 6 + 8 + 10) / 4, 12);
  });

  it('switches to the main thread, says why, and finishes what was pending when the worker crashes', async () => {
    const { worker } = scrambledWorker();
    const client = createAnalysisClient(() => worker);
    let changes = 0;
    client.onModeChange(() => changes++);
    const run = client.run('main', [query('norm', { x: [3, 4], keep: 0.5, model: 'bernoulli', compensation: 'none', edges: [0, 5, 10] })]);
    worker.onerror?.({ preventDefault() {} } as ErrorEvent);
    expect(client.mode).toBe('main-thread');
    expect(client.fallbackReason).toMatch(/stopped unexpectedly/);
    expect(changes).toBe(1);
    // No compensation: ‖m⊙x‖ ∈ {0, 3, 4, 5}, each with probability ¼.
    expect(((await run).answers[0] as { output: AnalysisResult }).output.meanNorm.value).toBeCloseTo(3, 12);
  });
});
