import { baseState } from '../state/explorerState.ts';
import type { ExplorerStore } from '../state/explorerStore.ts';
import { formatUrl } from './urlCodec.ts';

/** Keeps the address bar equal to the store (store → URL only). Returns the unsubscribe. */
export function startUrlSync(store: ExplorerStore, history: History, location: Location): () => void {
  let last = '';
  const write = () => {
    const search = formatUrl(baseState(store.getState()));
    if (search === last) return;
    last = search;
    if (search !== location.search) history.replaceState(history.state, '', search + location.hash);
  };
  write();
  return store.subscribe(write);
}
