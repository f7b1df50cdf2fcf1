import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  vi.resetModules();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('measureSkipped', () => {
  it('measures a lone change at once, and a run of changes once when they pause', async () => {
    const { measureSkipped, SKIPPED_MEASURE_MS } = await import('./skippedSections.ts');
    vi.advanceTimersByTime(10_000);
    const measured: string[] = [];
    measureSkipped(() => measured.push('load'));
    expect(measured).toEqual(['load']);
    vi.advanceTimersByTime(SKIPPED_MEASURE_MS + 1);
    // A drag: a step every 50 ms for 600 ms; the formulas that changed are measured after it.
    measureSkipped(() => measured.push('step 0'));
    expect(measured).toEqual(['load', 'step 0']);
    for (let step = 1; step <= 12; step++) {
      vi.advanceTimersByTime(50);
      measureSkipped(() => measured.push(`step ${step}`));
    }
    expect(measured).toEqual(['load', 'step 0']);
    vi.advanceTimersByTime(SKIPPED_MEASURE_MS);
    expect(measured.slice(2)).toEqual(Array.from({ length: 12 }, (_, i) => `step ${i + 1}`));
  });

  it('still measures about once a second while the changes never pause, and not a cancelled formula', async () => {
    const { measureSkipped } = await import('./skippedSections.ts');
    vi.advanceTimersByTime(10_000);
    const measured: number[] = [];
    measureSkipped(() => measured.push(0));
    const cancel = measureSkipped(() => measured.push(-1));
    cancel();
    for (let step = 1; step <= 25; step++) {
      vi.advanceTimersByTime(100);
      measureSkipped(() => measured.push(step));
    }
    // Without the longest wait, nothing after the first would have been measured within 2.5 s.
    expect(measured).not.toContain(-1);
    expect(measured.length).toBeGreaterThan(8);
    expect(measured.length).toBeLessThan(25);
  });
});

describe('a round of measures', () => {
  it('measures for about SKIPPED_ROUND_TASK_MS a task and finishes the rest in later tasks, in order', async () => {
    const { measureSkipped, SKIPPED_ROUND_TASK_MS } = await import('./skippedSections.ts');
    vi.advanceTimersByTime(10_000);
    // Each measure costs 3 ms (a skipped section laid out): the page's clock moves on while it runs.
    let spent = 0;
    const clock = performance.now.bind(performance);
    vi.spyOn(performance, 'now').mockImplementation(() => clock() + spent);
    const tasks: number[][] = [[]];
    const cost = (i: number) => () => {
      (tasks.at(-1) as number[]).push(i);
      spent += 3;
    };
    // 20 formulas change within one pause: the first is measured at once, the others wait for the pause.
    for (let i = 0; i < 20; i++) measureSkipped(cost(i));
    expect(tasks).toEqual([[0]]);
    while (vi.getTimerCount() > 0) {
      tasks.push([]);
      vi.advanceTimersToNextTimer();
    }
    expect(tasks.flat()).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // Every task stops at the first measure that ends past its budget: 3 measures of 3 ms for 8 ms.
    const perTask = Math.ceil(SKIPPED_ROUND_TASK_MS / 3);
    expect(tasks.slice(1).map((list) => list.length)).toEqual([perTask, perTask, perTask, perTask, perTask, perTask, 19 - 6 * perTask]);
  });
});
