import { baseState } from '../state/explorerState.ts';
import type { ExplorerStore } from '../state/explorerStore.ts';
import { formatUrl, hostSuffix, type HostOptions } from './urlCodec.ts';

/**
 * Keeps the address bar equal to the store (store → URL only), with the host's options kept at the
 * end (an embedded page reloaded from its own address still posts what its host asked for).
 * Returns the unsubscribe.
 */
export function startUrlSync(store: ExplorerStore, history: History, location: Location, host: HostOptions = { postState: false }): () => void {
  let last = '';
  const write = () => {
    const search = formatUrl(baseState(store.getState())) + hostSuffix(host);
    if (search === last) return;
    last = search;
    if (search !== location.search) history.replaceState(history.state, '', search + location.hash);
  };
  write();
  return store.subscribe(write);
}
