import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AnalysisState, AnalysisStore } from '../state/analysisStore.ts';
import type { ChannelId } from '../state/channels.ts';

/** The engine's results for the current state, one store per channel of channels.ts, provided once by main.tsx. */
export type AnalysisStores = { readonly [C in ChannelId]: AnalysisStore };

export const AnalysisContext = createContext<AnalysisStores | null>(null);

export function useAnalysis<T>(channel: ChannelId, selector: (state: AnalysisState) => T): T {
  const stores = useContext(AnalysisContext);
  if (stores === null) throw new Error('useAnalysis needs an <AnalysisContext.Provider>');
  return useStore(stores[channel], selector);
}
