import type { AnalysisRequest } from '../math/types.ts';
import type { AnalysisStore } from '../state/analysisStore.ts';
import type { ExplorerState } from '../state/explorerState.ts';
import type { ExplorerStore } from '../state/explorerStore.ts';
import type { AnalysisClient } from '../worker/analysisClient.ts';

/**
 * Sends the requests derived from the base state to the engine whenever they change (the selector
 * is memoised, so an unchanged state gives the same array), and writes what comes back into the
 * analysis store. Returns the unsubscribe.
 */
export function startAnalysisSync(
  store: ExplorerStore,
  results: AnalysisStore,
  client: AnalysisClient,
  selectRequests: (state: ExplorerState) => readonly AnalysisRequest[],
): () => void {
  let last: readonly AnalysisRequest[] | null = null;
  const engine = () => results.setState({ engine: client.mode, engineNote: client.fallbackReason });
  const run = () => {
    const requests = selectRequests(store.getState());
    if (requests === last) return;
    last = requests;
    results.setState({ requests, status: 'running', fraction: 0, elapsedMs: 0, results: [], error: null });
    if (requests.length === 0) {
      results.setState({ status: 'done', fraction: 1 });
      return;
    }
    client.run(requests, {
      onProgress(fraction, elapsedMs, partial) {
        results.setState({ fraction, elapsedMs, results: partial });
      },
      onResult(final, elapsedMs) {
        results.setState({ status: 'done', fraction: 1, elapsedMs, results: final });
      },
      onError(message) {
        results.setState({ status: 'error', error: message });
      },
    });
  };
  engine();
  run();
  const stopMode = client.onModeChange(engine);
  const stopStore = store.subscribe(run);
  return () => {
    stopMode();
    stopStore();
  };
}
