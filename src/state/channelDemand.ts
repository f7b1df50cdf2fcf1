/**
 * Which deferred channels (channels.ts) a part of the page near the viewport is showing. A deferred
 * channel is computed at once while some part near the viewport shows it; otherwise it waits until
 * the main figure is done and the state has been still for a moment (analysisSync.ts), so a drag or
 * a long main job never shares the two cores with numbers nobody is looking at
 * (docs/architecture.md#rendering-budget).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChannelId } from './channels.ts';

export interface DemandState {
  /** How many parts near the viewport show each channel now. */
  readonly counts: Readonly<Partial<Record<ChannelId, number>>>;
}

export type DemandStore = StoreApi<DemandState>;

export function createDemandStore(): DemandStore {
  return createStore<DemandState>()(() => ({ counts: {} }));
}

/** Whether some part near the viewport shows the channel. */
export const isDemanded = (state: DemandState, channel: ChannelId): boolean => (state.counts[channel] ?? 0) > 0;

/** Registers one part that shows the channel; returns its release (call it once). */
export function addDemand(store: DemandStore, channel: ChannelId): () => void {
  const change = (by: number) =>
    store.setState((s) => ({ counts: { ...s.counts, [channel]: Math.max(0, (s.counts[channel] ?? 0) + by) } }));
  change(1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    change(-1);
  };
}
