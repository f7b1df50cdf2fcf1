import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AnalysisState, AnalysisStore } from '../state/analysisStore.ts';

/** The engine's results for the current state, one store per channel, provided once by main.tsx. */
export interface AnalysisStores {
  /** The main distribution (the current model and compensation). */
  readonly main: AnalysisStore;
  /** The compared compensations, side by side. */
  readonly compare: AnalysisStore;
}

export const AnalysisContext = createContext<AnalysisStores | null>(null);

export function useAnalysis<T>(channel: keyof AnalysisStores, selector: (state: AnalysisState) => T): T {
  const stores = useContext(AnalysisContext);
  if (stores === null) throw new Error('useAnalysis needs an <AnalysisContext.Provider>');
  return useStore(stores[channel], selector);
}
