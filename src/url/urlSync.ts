import { baseState } from '../state/explorerState.ts';
import type { ExplorerStore } from '../state/explorerStore.ts';
import { formatUrl, hostSuffix, type HostOptions } from './urlCodec.ts';

/** While the state keeps changing (a drag), the address bar is written at most this often. */
export const URL_WRITE_INTERVAL_MS = 250;

/** The timer functions the sync uses (the window's; a test passes fake ones). */
export interface Timers {
  readonly setTimeout: (callback: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
  readonly now: () => number;
}

const WINDOW_TIMERS: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

/**
 * Keeps the address bar equal to the store (store → URL only), with the host's options kept at the
 * end (an embedded page reloaded from its own address still posts what its host asked for).
 * A change is written at once when the last write is older than URL_WRITE_INTERVAL_MS, else once
 * at the end of that interval with the state as it is then, so a drag costs a few history writes
 * a second and the last state is always written. Returns the unsubscribe (which writes what is pending).
 */
export function startUrlSync(
  store: ExplorerStore,
  history: History,
  location: Location,
  host: HostOptions = { postState: false },
  timers: Timers = WINDOW_TIMERS,
): () => void {
  let last = '';
  let lastWrite = Number.NEGATIVE_INFINITY;
  let pending: unknown = null;
  const write = () => {
    pending = null;
    lastWrite = timers.now();
    const search = formatUrl(baseState(store.getState())) + hostSuffix(host);
    if (search === last) return;
    last = search;
    if (search !== location.search) history.replaceState(history.state, '', search + location.hash);
  };
  const changed = () => {
    if (pending !== null) return;
    const wait = lastWrite + URL_WRITE_INTERVAL_MS - timers.now();
    if (wait <= 0) write();
    else pending = timers.setTimeout(write, wait);
  };
  write();
  const unsubscribe = store.subscribe(changed);
  return () => {
    unsubscribe();
    if (pending !== null) {
      timers.clearTimeout(pending);
      write();
    }
  };
}
