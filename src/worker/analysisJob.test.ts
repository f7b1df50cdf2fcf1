import { describe, expect, it } from 'vitest';
import { query, type AnalysisRequest } from '../math/index.ts';
import { macrotask, startAnalysisJob } from './analysisJob.ts';
import { PROGRESS_MS, SLICE_MS, type WorkerResponse } from './protocol.ts';

describe('startAnalysisJob', () => {
  it('posts progress at most once per PROGRESS_MS however many slices a job takes, then its result', () => {
    // A clock that moves SLICE_MS per reading: every engine step ends a slice.
    let time = 0;
    const now = () => (time += SLICE_MS);
    const queue: (() => void)[] = [];
    const posted: WorkerResponse[] = [];
    const x = Array.from({ length: 192 }, (_, i) => 1 + (i % 7) / 10);
    const request = { x, keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges: [0, 10, 40], method: 'sample', samples: 1_000_000, seed: 1 } as AnalysisRequest;
    startAnalysisJob(1, [query('norm', request)], (m) => posted.push(m), (next) => queue.push(next), now);
    let slices = 1;
    while (queue.length > 0) {
      (queue.shift() as () => void)();
      slices++;
    }
    const progress = posted.filter((m) => m.type === 'progress');
    expect(posted.at(-1)?.type).toBe('result');
    // Many slices, few messages: the first after the first slice, then one per PROGRESS_MS of clock.
    expect(slices).toBeGreaterThan(10);
    expect(progress.length).toBeLessThan(slices / 2);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(time / PROGRESS_MS) + 1);
  });
});

describe('macrotask', () => {
  it('runs each scheduled slice once, in order, and lets other tasks run in between', async () => {
    const order: string[] = [];
    await new Promise<void>((resolve) => {
      let step = 0;
      const next = () => {
        order.push(`slice ${step}`);
        if (step === 0) setTimeout(() => order.push('timer'), 0);
        if (++step < 3) macrotask(next);
        else setTimeout(resolve, 5);
      };
      macrotask(next);
    });
    expect(order.filter((entry) => entry.startsWith('slice'))).toEqual(['slice 0', 'slice 1', 'slice 2']);
    expect(order).toContain('timer');
  });
});
