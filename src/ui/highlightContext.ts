import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { HighlightStore } from '../state/highlightStore.ts';

export const HighlightContext = createContext<HighlightStore | null>(null);

/** The highlighted term and its setter (linked highlighting between derivations and figures). */
export function useHighlight(): readonly [string | null, (term: string | null) => void] {
  const store = useContext(HighlightContext);
  if (store === null) throw new Error('useHighlight needs a <HighlightContext.Provider>');
  const term = useStore(store, (s) => s.term);
  return [term, store.getState().setTerm] as const;
}
