import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * Linked highlighting: the term the reader points at or focuses (in a derivation, or a chart's
 * marker), so that its counterparts elsewhere light up. Transient page state: not in the URL.
 * Term ids: 'norm' (‖x‖), 'mean' (E‖y‖), 'rms' (√E‖y‖²), 'reference', 'x', 'y', 'mask'.
 */
export interface HighlightState {
  readonly term: string | null;
  setTerm(term: string | null): void;
}

export type HighlightStore = StoreApi<HighlightState>;

export function createHighlightStore(): HighlightStore {
  return createStore<HighlightState>()((set) => ({
    term: null,
    setTerm(term) {
      set({ term });
    },
  }));
}
