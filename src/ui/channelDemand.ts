import { createContext, useContext, useEffect } from 'react';
import { addDemand, type DemandStore } from '../state/channelDemand.ts';
import type { ChannelId } from '../state/channels.ts';

/** The page's demand for deferred channels (state/channelDemand.ts), provided once by main.tsx. */
export const DemandContext = createContext<DemandStore | null>(null);

/** Whether the part of the page around a component is near the viewport (SectionGate provides it; true elsewhere). */
export const NearContext = createContext(true);

/**
 * Says that this component shows a deferred channel, so it is computed now rather than when the
 * page is idle, while the component's part of the page is near the viewport and `wanted` holds.
 */
export function useChannelDemand(channel: ChannelId, wanted = true): void {
  const store = useContext(DemandContext);
  const near = useContext(NearContext);
  useEffect(() => {
    if (store === null || !near || !wanted) return undefined;
    return addDemand(store, channel);
  }, [store, near, wanted, channel]);
}
