import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  MAX_ABS_UNIT_VALUE,
  MAX_KEEP,
  MIN_KEEP,
  SEED_STATE,
  type ExplorerState,
} from './explorerState.ts';

/** The verbs the reader can perform; each keeps the state valid. */
export interface ExplorerActions {
  setKeep(keep: number): void;
  setUnit(index: number, value: number): void;
  /** Replaces the whole base state (after the caller validated it, e.g. from a link). */
  load(state: ExplorerState): void;
}

export type ExplorerStore = StoreApi<ExplorerState & ExplorerActions>;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** One vanilla store per page; main.tsx creates it with the state read from the URL. */
export function createExplorerStore(initial: ExplorerState = SEED_STATE): ExplorerStore {
  return createStore<ExplorerState & ExplorerActions>()((set) => ({
    ...initial,
    setKeep(keep) {
      if (!Number.isFinite(keep)) return;
      set({ keep: clamp(keep, MIN_KEEP, MAX_KEEP) });
    },
    setUnit(index, value) {
      if (!Number.isFinite(value)) return;
      set((state) => {
        if (!Number.isInteger(index) || index < 0 || index >= state.vector.length) return state;
        const vector = state.vector.slice();
        // + 0 turns −0 into 0, so the state never holds a negative zero.
        vector[index] = clamp(value, -MAX_ABS_UNIT_VALUE, MAX_ABS_UNIT_VALUE) + 0;
        return { vector };
      });
    },
    load(state) {
      set({ vector: state.vector.slice(), keep: state.keep });
    },
  }));
}
