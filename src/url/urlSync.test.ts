import { describe, expect, it } from 'vitest';
import { createExplorerStore } from '../state/explorerStore.ts';
import { SEED_STATE } from '../state/explorerState.ts';
import { startUrlSync, URL_WRITE_INTERVAL_MS, type Timers } from './urlSync.ts';

/** A history and location pair that records every write, and timers a test moves by hand. */
function harness() {
  const writes: string[] = [];
  const location = { search: '', hash: '' } as Location;
  const history = {
    state: null,
    replaceState: (_: unknown, __: string, url: string) => {
      writes.push(url);
      location.search = url;
    },
  } as unknown as History;
  let now = 0;
  let queue: { at: number; run: () => void }[] = [];
  const timers: Timers = {
    setTimeout: (run, ms) => {
      const entry = { at: now + ms, run };
      queue.push(entry);
      return entry;
    },
    clearTimeout: (handle) => {
      queue = queue.filter((e) => e !== handle);
    },
    now: () => now,
  };
  const advance = (ms: number) => {
    now += ms;
    const due = queue.filter((e) => e.at <= now);
    queue = queue.filter((e) => e.at > now);
    due.forEach((e) => e.run());
  };
  return { writes, history, location, timers, advance };
}

describe('startUrlSync', () => {
  it('writes a lone change at once, a burst at most every interval, and always the last state', () => {
    const h = harness();
    const store = createExplorerStore(SEED_STATE);
    startUrlSync(store, h.history, h.location, { postState: false }, h.timers);
    const initial = h.writes.length;
    h.advance(1000);
    store.getState().setKeep(0.6);
    // A lone change after a quiet time: written at once.
    expect(h.writes.length).toBe(initial + 1);
    expect(h.writes.at(-1)).toContain('keep=0.6&');
    // A drag: 20 changes 10 ms apart.
    for (let i = 1; i <= 20; i++) {
      h.advance(10);
      store.getState().setKeep(0.6 + i * 0.01);
    }
    const duringDrag = h.writes.length - initial - 1;
    expect(duringDrag).toBeLessThanOrEqual(Math.ceil((20 * 10) / URL_WRITE_INTERVAL_MS));
    h.advance(URL_WRITE_INTERVAL_MS);
    expect(h.writes.at(-1)).toContain('keep=0.8&');
  });
  it('writes what is pending when stopped', () => {
    const h = harness();
    const store = createExplorerStore(SEED_STATE);
    const stop = startUrlSync(store, h.history, h.location, { postState: false }, h.timers);
    store.getState().setKeep(0.7);
    store.getState().setKeep(0.75);
    stop();
    expect(h.writes.at(-1)).toContain('keep=0.75&');
  });
});
