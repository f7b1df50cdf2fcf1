import type { EngineQuery } from '../math/index.ts';
import type { AnalysisStore } from '../state/analysisStore.ts';
import type { ExplorerState } from '../state/explorerState.ts';
import type { ExplorerStore } from '../state/explorerStore.ts';
import { isAbortError, type AnalysisClient } from '../worker/analysisClient.ts';

/**
 * Sends a channel's queries, derived from the base state, to the engine whenever they change (the
 * selector is memoised, so an unchanged state gives the same array), aborts the superseded run, and
 * writes what comes back into the channel's results store. Returns the unsubscribe.
 */
export function startAnalysisSync(
  store: ExplorerStore,
  results: AnalysisStore,
  client: AnalysisClient,
  channel: string,
  selectQueries: (state: ExplorerState) => readonly EngineQuery[],
): () => void {
  let last: readonly EngineQuery[] | null = null;
  let controller: AbortController | null = null;
  const engine = () => results.setState({ engine: client.mode, engineNote: client.fallbackReason });
  const run = () => {
    const queries = selectQueries(store.getState());
    if (queries === last) return;
    last = queries;
    controller?.abort();
    controller = null;
    results.setState({ queries, status: 'running', fraction: 0, elapsedMs: 0, results: [], error: null });
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
  engine();
  run();
  const stopMode = client.onModeChange(engine);
  const stopStore = store.subscribe(run);
  return () => {
    stopMode();
    stopStore();
    controller?.abort();
  };
}
