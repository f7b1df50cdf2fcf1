import type { ExplorerStore } from '../state/explorerStore.ts';

/**
 * Keeps <html data-theme> equal to the reader's theme, resolving 'system' through the
 * prefers-color-scheme media query (and following it when the system setting changes).
 * Returns the unsubscribe.
 */
export function startThemeSync(store: ExplorerStore, root: HTMLElement, darkQuery: MediaQueryList): () => void {
  const apply = () => {
    const { theme } = store.getState();
    const dark = theme === 'dark' || (theme === 'system' && darkQuery.matches);
    root.dataset.theme = dark ? 'dark' : 'light';
  };
  apply();
  const stopStore = store.subscribe(apply);
  darkQuery.addEventListener('change', apply);
  return () => {
    stopStore();
    darkQuery.removeEventListener('change', apply);
  };
}
