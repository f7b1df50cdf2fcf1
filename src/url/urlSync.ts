import type { ExplorerStore } from '../state/explorerStore.ts';
import { formatUrl } from './urlCodec.ts';

/** Keeps the address bar equal to the store (store → URL only). Returns the unsubscribe. */
export function startUrlSync(store: ExplorerStore, history: History, location: Location): () => void {
  const write = () => {
    const { vector, keep } = store.getState();
    const search = formatUrl({ vector, keep });
    if (search !== location.search) history.replaceState(history.state, '', search + location.hash);
  };
  write();
  return store.subscribe(write);
}
