import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ExplorerState } from '../state/explorerState.ts';
import type { ExplorerActions, ExplorerStore } from '../state/explorerStore.ts';

/** The page's store, provided once by main.tsx. */
export const ExplorerContext = createContext<ExplorerStore | null>(null);

/** The one React binding of the store: select a slice; re-renders only when that slice changes. */
export function useExplorer<T>(selector: (state: ExplorerState & ExplorerActions) => T): T {
  const store = useContext(ExplorerContext);
  if (store === null) throw new Error('useExplorer needs an <ExplorerContext.Provider>');
  return useStore(store, selector);
}

/** The store's verbs. They never change, so reading them causes no re-render. */
export function useActions(): ExplorerActions {
  const store = useContext(ExplorerContext);
  if (store === null) throw new Error('useActions needs an <ExplorerContext.Provider>');
  return store.getState();
}
