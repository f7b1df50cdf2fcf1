import { describe, expect, it } from 'vitest';
import { type AnalysisRequest, type AnalysisResult, type EngineAnswer, query } from '../math/index.ts';
import { createAnalysisClient, isAbortError, WATCHDOG_SILENCE_MS, type WatchdogClock, type WorkerLike } from './analysisClient.ts';
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
    // The worker ran (it has answered before: a crash, not a script that failed to load), then died.
    worker.onmessage?.({ data: { type: 'progress', id: 0, fraction: 0, elapsedMs: 0, partial: [] } } as unknown as MessageEvent<WorkerResponse>);
    worker.onerror?.({ preventDefault() {} } as ErrorEvent);
    expect(client.mode).toBe('main-thread');
    expect(client.fallbackReason).toMatch(/stopped unexpectedly/);
    expect(changes).toBe(1);
    // No compensation: ‖m⊙x‖ ∈ {0, 3, 4, 5}, each with probability ¼.
    expect(((await run).answers[0] as { output: AnalysisResult }).output.meanNorm.value).toBeCloseTo(3, 12);
  });
});

/** A clock whose time moves only when the test says so; timers fire in order as it passes them. */
function fakeClock() {
  let time = 0;
  let nextHandle = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: WatchdogClock = {
    now: () => time,
    setTimeout(callback, ms) {
      const handle = nextHandle++;
      timers.set(handle, { at: time + ms, callback });
      return handle;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  const advance = (ms: number) => {
    const end = time + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      timers.delete(due[0]);
      time = Math.max(time, due[1].at);
      due[1].callback();
    }
    time = end;
  };
  /** The page's thread is busy for ms: time passes and no timer runs until the next advance. */
  const block = (ms: number) => {
    time += ms;
  };
  return { clock, advance, block, timers };
}

/** Workers that say nothing (hung, or closed themselves) unless the test makes them answer. */
function silentWorkers() {
  const made: { worker: WorkerLike; posted: WorkerRequest[]; terminated: boolean }[] = [];
  const create = (): WorkerLike => {
    const entry = { worker: null as unknown as WorkerLike, posted: [] as WorkerRequest[], terminated: false };
    entry.worker = {
      onmessage: null,
      onerror: null,
      postMessage: (message) => void entry.posted.push(message),
      terminate: () => void (entry.terminated = true),
    };
    made.push(entry);
    return entry.worker;
  };
  const say = (index: number, message: WorkerResponse) => made[index]?.worker.onmessage?.({ data: message } as MessageEvent<WorkerResponse>);
  return { made, create, say };
}

const tiny = () => query('norm', { x: [3, 4], keep: 0.5, model: 'bernoulli', compensation: 'none', edges: [0, 5, 10] });
const meanOf = (result: { answers: readonly EngineAnswer[] }) => (result.answers[0] as { output: AnalysisResult }).output.meanNorm.value;

describe('the watchdog of createAnalysisClient', () => {
  it('restarts a worker that falls silent, sends the pending jobs anew, and uses the new worker\'s answer', async () => {
    const { clock, advance } = fakeClock();
    const { made, create, say } = silentWorkers();
    const client = createAnalysisClient(create, { clock });
    const run = client.run('main', [request(0.3)]);
    const id = (made[0]!.posted[0] as { id: number }).id;
    // Progress keeps it alive: 4 s, a message, 4 s more is not a silence of 5 s.
    advance(WATCHDOG_SILENCE_MS - 1000);
    say(0, { type: 'progress', id, fraction: 0.1, elapsedMs: 4000, partial: [null] });
    advance(WATCHDOG_SILENCE_MS - 1000);
    expect(made).toHaveLength(1);
    advance(1001);
    expect(made).toHaveLength(2);
    expect(made[0]?.terminated).toBe(true);
    expect(made[1]?.posted).toMatchObject([{ type: 'run', channel: 'main', id }]);
    expect(client.mode).toBe('worker');
    // The old worker is gone: nothing it says counts.
    const answer = { kind: 'norm', complete: true, output: { keep: 0.3 } } as unknown as EngineAnswer;
    say(0, { type: 'result', id, elapsedMs: 1, answers: [{ ...answer, output: { keep: 0.9 } } as unknown as EngineAnswer] });
    say(1, { type: 'result', id, elapsedMs: 1, answers: [answer] });
    expect(keepOf((await run).answers[0])).toBe(0.3);
  });

  it('falls back to the main thread when the restarted worker falls silent too, says so, and finishes the pending run', async () => {
    const { clock, advance } = fakeClock();
    const { made, create } = silentWorkers();
    const client = createAnalysisClient(create, { clock });
    let changes = 0;
    client.onModeChange(() => changes++);
    const run = client.run('main', [tiny()]);
    advance(WATCHDOG_SILENCE_MS);
    expect(made).toHaveLength(2);
    advance(WATCHDOG_SILENCE_MS);
    expect(made).toHaveLength(2);
    expect(made[1]?.terminated).toBe(true);
    expect(client.mode).toBe('main-thread');
    expect(changes).toBe(1);
    expect(client.fallbackReason).toMatch(/stopped answering \(nothing for 5 s, and again after a restart\)/);
    expect(meanOf(await run)).toBeCloseTo(3, 12);
  });

  it('gives no verdict when its own timer runs late because the page was blocked: the worker\'s messages may be queued behind it', () => {
    const { clock, advance, block } = fakeClock();
    const { made, create, say } = silentWorkers();
    const client = createAnalysisClient(create, { clock });
    void client.run('main', [request(0.3)]).catch(() => {});
    const id = (made[0]!.posted[0] as { id: number }).id;
    // A 7 s long task on the page: the check due at 5 s runs at 7 s.
    block(WATCHDOG_SILENCE_MS + 2000);
    advance(0);
    expect(made).toHaveLength(1);
    // The queued progress arrives; the worker is alive and stays.
    say(0, { type: 'progress', id, fraction: 0.5, elapsedMs: 7000, partial: [null] });
    advance(WATCHDOG_SILENCE_MS - 1);
    expect(made).toHaveLength(1);
    // A real silence after that is still caught.
    advance(2);
    expect(made).toHaveLength(2);
  });

  it('is not fooled by a burst of superseding runs: each new run does not reset the silence', async () => {
    const { clock, advance } = fakeClock();
    const { made, create } = silentWorkers();
    const client = createAnalysisClient(create, { clock });
    const runs: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      runs.push(client.run('main', [request((i + 1) / 100)]).catch(() => undefined));
      advance(WATCHDOG_SILENCE_MS / 10);
    }
    // 20 runs over 10 s against a silent worker: restarted after 5 s, on the main thread after 10 s.
    expect(made).toHaveLength(2);
    expect(client.mode).toBe('main-thread');
    await Promise.all(runs);
  });

  it('leaves an idle worker alone, and counts silence only from when it became busy', () => {
    const { clock, advance, timers } = fakeClock();
    const { made, create, say } = silentWorkers();
    const client = createAnalysisClient(create, { clock });
    advance(60_000);
    void client.run('main', [request(0.3)]);
    const id = (made[0]!.posted[0] as { id: number }).id;
    advance(WATCHDOG_SILENCE_MS - 1);
    say(0, { type: 'result', id, elapsedMs: 1, answers: [] });
    advance(60_000);
    expect(made).toHaveLength(1);
    expect(client.mode).toBe('worker');
    expect(timers.size).toBe(0);
  });

  it('says the worker could not start when its script fails to load (an error before any message)', async () => {
    const { clock } = fakeClock();
    const { made, create } = silentWorkers();
    const client = createAnalysisClient(create, { clock });
    const run = client.run('main', [tiny()]);
    made[0]?.worker.onerror?.({ preventDefault() {} } as ErrorEvent);
    expect(client.mode).toBe('main-thread');
    expect(client.fallbackReason).toMatch(/could not start \(its script did not load\)/);
    expect(client.fallbackReason).not.toMatch(/unexpectedly/);
    expect(meanOf(await run)).toBeCloseTo(3, 12);
  });
});
