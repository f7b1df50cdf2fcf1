import { describe, expect, it } from 'vitest';
import { query, type AnalysisRequest, type EngineAnswer } from '../math/index.ts';
import { answerKey, createAnswerCache } from './answerCache.ts';
import { startAnalysisJob } from './analysisJob.ts';
import { SLICE_MS, type WorkerResponse } from './protocol.ts';

const request = (over: Partial<AnalysisRequest> = {}): AnalysisRequest =>
  ({ x: Array.from({ length: 192 }, (_, i) => 1 + (i % 7) / 10), keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges: [0, 10, 40], method: 'sample', samples: 200_000, seed: 1, ...over }) as AnalysisRequest;

/** Runs a job to its end on a clock that moves SLICE_MS per reading; returns its result and how many slices it took. */
function runJob(queries: ReturnType<typeof query>[], cache: ReturnType<typeof createAnswerCache> | null) {
  let time = 0;
  const queue: (() => void)[] = [];
  const posted: WorkerResponse[] = [];
  startAnalysisJob(1, queries, (m) => posted.push(m), (next) => queue.push(next), () => (time += SLICE_MS), cache);
  let slices = 1;
  while (queue.length > 0) {
    (queue.shift() as () => void)();
    slices++;
  }
  const last = posted.at(-1);
  if (last?.type !== 'result') throw new Error(`job ended with ${last?.type}`);
  return { answers: last.answers, slices };
}

describe('answer cache', () => {
  it('tells apart queries that JSON alone would not (−0, NaN, ±Infinity)', () => {
    const keys = [0, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY].map((v) => answerKey(query('norm', request({ edges: [v, 1] }))));
    expect(new Set(keys).size).toBe(5);
    expect(answerKey(query('norm', request()))).toBe(answerKey(query('norm', request())));
  });

  it('forgets the least recently used answer first', () => {
    const cache = createAnswerCache(2);
    const q = (seed: number) => answerKey(query('norm', request({ seed })));
    const answer = (seed: number) => ({ kind: 'norm', complete: true, output: { seed } }) as unknown as EngineAnswer;
    cache.set(q(1), answer(1));
    cache.set(q(2), answer(2));
    expect(cache.get(q(1))).toEqual(answer(1));
    cache.set(q(3), answer(3));
    expect(cache.get(q(2))).toBeUndefined();
    expect(cache.get(q(1))).toEqual(answer(1));
    expect(cache.get(q(3))).toEqual(answer(3));
  });

  it('answers a job asked again within its first slice, with the numbers computing them gives', () => {
    const cache = createAnswerCache();
    const queries = [query('norm', request()), query('norm', request({ compensation: 'sqrt' }))];
    const first = runJob(queries, cache);
    expect(first.slices).toBeGreaterThan(4);
    const again = runJob(queries, cache);
    expect(again.slices).toBe(1);
    expect(again.answers).toEqual(runJob(queries, null).answers);
    // A different query (another seed) is computed, not taken from the cache.
    const other = runJob([query('norm', request({ seed: 2 }))], cache);
    expect(other.slices).toBeGreaterThan(4);
    expect(other.answers[0]).not.toEqual(first.answers[0]);
  });
});
