import type { EngineQuery } from '../math/index.ts';
import type { AnalysisStore } from '../state/analysisStore.ts';
import type { ExplorerState } from '../state/explorerState.ts';
import type { ExplorerStore } from '../state/explorerStore.ts';
import { isAbortError, type AnalysisClient } from '../worker/analysisClient.ts';

/** How long the state must be still (and the main figure done) before a deferred channel starts unasked. */
export const IDLE_START_MS = 500;

/**
 * When a deferred channel (channels.ts) may start: at once while a part near the viewport shows it,
 * otherwise once the main figure's channel is done and the state has been still for IDLE_START_MS.
 */
export interface Deferral {
  /** Whether some part near the viewport shows this channel now. */
  demanded(): boolean;
  /** Called whenever demand may have changed; returns the unsubscribe. */
  subscribeDemand(listener: () => void): () => void;
  /** The main figure's results store. */
  readonly main: AnalysisStore;
  /** Timers (the page's by default; fake ones in tests). */
  readonly setTimeout?: (callback: () => void, ms: number) => unknown;
  readonly clearTimeout?: (handle: unknown) => void;
}

/**
 * Sends a channel's queries, derived from the base state, to the engine whenever they change (the
 * selector is memoised, so an unchanged state gives the same array), aborts the superseded run, and
 * writes what comes back into the channel's results store. A deferred channel's new queries wait
 * (shown as running, 0 % done, so every part says "computing" rather than showing numbers of an
 * older state) until the Deferral lets them start. Returns the unsubscribe.
 */
export function startAnalysisSync(
  store: ExplorerStore,
  results: AnalysisStore,
  client: AnalysisClient,
  channel: string,
  selectQueries: ((state: ExplorerState) => readonly EngineQuery[]) & { readonly stale?: (state: ExplorerState) => boolean },
  deferral: Deferral | null = null,
): () => void {
  /** The queries last sent to the engine (or finished with nothing to send). */
  let last: readonly EngineQuery[] | null = null;
  /** Queries derived but held back by the deferral. */
  let waiting: readonly EngineQuery[] | null = null;
  /**
   * The state changed while the deferral holds the channel back, and its queries are not derived
   * yet: they are derived when the channel may start, from the state then. Deriving them on every
   * step of a drag cost the comparison's default edges, a quadrature over every unit (about 3 ms a
   * step at n = 1,024), for queries that the next step replaced unsent.
   */
  let lazy = false;
  let controller: AbortController | null = null;
  const engine = () => results.setState({ engine: client.mode, engineNote: client.fallbackReason });

  const send = (queries: readonly EngineQuery[]) => {
    waiting = null;
    last = queries;
    if (queries.length === 0) {
      results.setState({ status: 'done', fraction: 1 });
      return;
    }
    const mine = new AbortController();
    controller = mine;
    client
      .run(channel, queries, {
        signal: mine.signal,
        onProgress({ fraction, elapsedMs, partial }) {
          if (!mine.signal.aborted) results.setState({ fraction, elapsedMs, results: partial });
        },
      })
      .then(
        ({ answers, elapsedMs }) => {
          if (!mine.signal.aborted) results.setState({ status: 'done', fraction: 1, elapsedMs, results: answers });
        },
        (error: unknown) => {
          if (mine.signal.aborted || isAbortError(error)) return;
          results.setState({ status: 'error', error: error instanceof Error ? error.message : String(error) });
        },
      );
  };

  // The idle start: armed by every change of the state, fired when it has been still long enough.
  const setTimer = deferral?.setTimeout ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const clearTimer = deferral?.clearTimeout ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let still = false;
  const mainDone = () => {
    const status = deferral?.main.getState().status;
    return status === 'done' || status === 'error';
  };
  const mayStart = () => deferral === null || deferral.demanded() || (still && mainDone());
  const flush = () => {
    if (!mayStart()) return;
    if (lazy) {
      lazy = false;
      const queries = selectQueries(store.getState());
      results.setState({ queries });
      send(queries);
    } else if (waiting !== null) send(waiting);
  };
  const armIdleStart = () => {
    if (deferral === null) return;
    still = false;
    if (timer !== null) clearTimer(timer);
    timer = setTimer(() => {
      timer = null;
      still = true;
      flush();
    }, IDLE_START_MS);
  };

  const run = () => {
    armIdleStart();
    const state = store.getState();
    if (deferral !== null && selectQueries.stale !== undefined && !mayStart()) {
      // Held back: only whether the queries would change is asked now (lazy, above).
      if (lazy || !selectQueries.stale(state)) return;
      controller?.abort();
      controller = null;
      last = null;
      waiting = null;
      lazy = true;
      results.setState({ queries: null, status: 'running', fraction: 0, elapsedMs: 0, results: [], error: null });
      return;
    }
    lazy = false;
    const queries = selectQueries(state);
    if (queries === last || queries === waiting) return;
    controller?.abort();
    controller = null;
    last = null;
    results.setState({ queries, status: 'running', fraction: 0, elapsedMs: 0, results: [], error: null });
    // Nothing to compute is done at once, deferred or not.
    if (queries.length === 0 || mayStart()) send(queries);
    else waiting = queries;
  };
  engine();
  run();
  const stopMode = client.onModeChange(engine);
  const stopStore = store.subscribe(run);
  const stopDemand = deferral?.subscribeDemand(flush) ?? (() => undefined);
  const stopMain = deferral?.main.subscribe(flush) ?? (() => undefined);
  return () => {
    stopMode();
    stopStore();
    stopDemand();
    stopMain();
    if (timer !== null) clearTimer(timer);
    controller?.abort();
  };
}
