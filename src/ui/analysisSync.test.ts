import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { type AnalysisRequest, type EngineAnswer, type EngineQuery, query } from '../math/index.ts';
import { memoOnDeps } from '../state/analysisRequest.ts';
import { createAnalysisStore } from '../state/analysisStore.ts';
import { addDemand, createDemandStore, isDemanded } from '../state/channelDemand.ts';
import type { ExplorerState } from '../state/explorerState.ts';
import type { ExplorerStore } from '../state/explorerStore.ts';
import type { AnalysisClient, RunOptions, RunResult } from '../worker/analysisClient.ts';
import { IDLE_START_MS, startAnalysisSync, type Deferral } from './analysisSync.ts';

/** A client that records what it was asked to compute and answers only when told to. */
function recordingClient() {
  const runs: { keep: number; resolve: (r: RunResult) => void; options: RunOptions | undefined }[] = [];
  const client: AnalysisClient = {
    run(_channel: string, queries: readonly EngineQuery[], options?: RunOptions) {
      return new Promise<RunResult>((resolve) => {
        const input = queries[0]?.input as AnalysisRequest | undefined;
        runs.push({ keep: input?.keep ?? Number.NaN, resolve, options });
      });
    },
    mode: 'worker',
    fallbackReason: null,
    onModeChange: () => () => undefined,
    dispose() {},
  };
  return { client, runs };
}

/** A manual clock for the idle start. */
function manualTimers() {
  let now = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let next = 1;
  return {
    setTimeout: (callback: () => void, ms: number) => {
      timers.set(next, { at: now + ms, callback });
      return next++;
    },
    clearTimeout: (handle: unknown) => void timers.delete(handle as number),
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now) {
          timers.delete(id);
          t.callback();
        }
      }
    },
  };
}

function setUp(deferred: boolean, memo = false) {
  const explorer = createStore(() => ({ keep: 0.5, theme: 'light' })) as unknown as ExplorerStore;
  const cache = new Map<number, readonly EngineQuery[]>();
  const derive = (state: ExplorerState) => {
    const keep = state.keep;
    if (!cache.has(keep)) cache.set(keep, [query('norm', { x: [1, 2], keep, model: 'bernoulli', compensation: 'inverted', edges: [0, 1, 2] } as AnalysisRequest)]);
    return cache.get(keep) as readonly EngineQuery[];
  };
  /** How many times the memoised selector derived its queries. */
  const computed = { count: 0 };
  const select = memo
    ? memoOnDeps(
        (s) => [s.keep],
        (state) => {
          computed.count++;
          return derive(state);
        },
      )
    : derive;
  const results = createAnalysisStore();
  const main = createAnalysisStore();
  main.setState({ status: 'running' });
  const demand = createDemandStore();
  const timers = manualTimers();
  const deferral: Deferral = {
    demanded: () => isDemanded(demand.getState(), 'compare'),
    subscribeDemand: (listener) => demand.subscribe(listener),
    main,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
  };
  const { client, runs } = recordingClient();
  const stop = startAnalysisSync(explorer, results, client, 'compare', select, deferred ? deferral : null);
  const setKeep = (keep: number) => (explorer as unknown as { setState(s: { keep: number }): void }).setState({ keep });
  const setTheme = (theme: string) => (explorer as unknown as { setState(s: { theme: string }): void }).setState({ theme });
  return { results, main, demand, timers, runs, stop, setKeep, setTheme, computed };
}

const answer = (keep: number) => ({ kind: 'norm', complete: true, output: { keep } }) as unknown as EngineAnswer;

describe('startAnalysisSync', () => {
  it('sends a channel that is not deferred at once, on every change', () => {
    const { runs, setKeep } = setUp(false);
    setKeep(0.4);
    setKeep(0.3);
    expect(runs.map((r) => r.keep)).toEqual([0.5, 0.4, 0.3]);
  });

  it('holds a deferred channel back while nothing shows it, and says it is computing rather than keeping older numbers', async () => {
    const { runs, results, main, timers, setKeep } = setUp(true);
    // The first queries start unasked only once the main figure is done and the state is still.
    expect(runs).toHaveLength(0);
    expect(results.getState()).toMatchObject({ status: 'running', fraction: 0, results: [] });
    timers.advance(IDLE_START_MS);
    expect(runs).toHaveLength(0);
    main.setState({ status: 'done' });
    expect(runs.map((r) => r.keep)).toEqual([0.5]);
    runs[0]?.resolve({ answers: [answer(0.5)], elapsedMs: 1 });
    await Promise.resolve();
    await Promise.resolve();
    expect(results.getState().status).toBe('done');
    // A drag: a change every 100 ms never leaves the state still, so nothing is sent until it stops.
    for (const keep of [0.45, 0.4, 0.35, 0.3]) {
      setKeep(keep);
      expect(results.getState()).toMatchObject({ status: 'running', results: [] });
      timers.advance(100);
    }
    expect(runs).toHaveLength(1);
    timers.advance(IDLE_START_MS);
    // Only the last state is computed.
    expect(runs.map((r) => r.keep)).toEqual([0.5, 0.3]);
  });

  it('starts a deferred channel at once while a part near the viewport shows it, and holds it back again after', () => {
    const { runs, demand, setKeep } = setUp(true);
    const release = addDemand(demand, 'compare');
    expect(runs.map((r) => r.keep)).toEqual([0.5]);
    setKeep(0.4);
    expect(runs.map((r) => r.keep)).toEqual([0.5, 0.4]);
    release();
    setKeep(0.3);
    expect(runs).toHaveLength(2);
    addDemand(demand, 'compare');
    expect(runs.map((r) => r.keep)).toEqual([0.5, 0.4, 0.3]);
  });

  it('derives the queries of a held-back channel only when it may start, from the state then', async () => {
    const { runs, results, main, timers, setKeep, setTheme, computed } = setUp(true, true);
    main.setState({ status: 'done' });
    timers.advance(IDLE_START_MS);
    expect(runs.map((r) => r.keep)).toEqual([0.5]);
    expect(computed.count).toBe(1);
    runs[0]?.resolve({ answers: [answer(0.5)], elapsedMs: 1 });
    await Promise.resolve();
    await Promise.resolve();
    // A change that does not touch the queries keeps the numbers, and derives nothing.
    setTheme('dark');
    expect(results.getState().status).toBe('done');
    expect(computed.count).toBe(1);
    // A drag: every step shows "computing" at once, and none derives the queries.
    for (const keep of [0.45, 0.4, 0.35, 0.3]) {
      setKeep(keep);
      expect(results.getState()).toMatchObject({ status: 'running', fraction: 0, results: [], queries: null });
      timers.advance(100);
    }
    expect(computed.count).toBe(1);
    timers.advance(IDLE_START_MS);
    expect(computed.count).toBe(2);
    expect(runs.map((r) => r.keep)).toEqual([0.5, 0.3]);
    expect((results.getState().queries?.[0]?.input as AnalysisRequest | undefined)?.keep).toBe(0.3);
  });

  it('aborts a deferred run that a newer state supersedes, even while it waits to start the newer one', () => {
    const { runs, demand, setKeep } = setUp(true);
    const release = addDemand(demand, 'compare');
    release();
    setKeep(0.4);
    expect(runs[0]?.options?.signal?.aborted).toBe(true);
  });
});
