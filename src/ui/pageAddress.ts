import { useSyncExternalStore } from 'react';

const never = () => () => undefined;
const address = () => `${window.location.origin}${window.location.pathname}`;
/** The prerendered first screen (src/prerender.tsx) knows no host: links are relative until hydrated. */
const noAddress = () => '';

/**
 * The page's own address without its query (origin + path), for the links it builds. Empty while the
 * build prerenders the page and during hydration, so the markup matches; the real address right after.
 */
export function usePageAddress(): string {
  return useSyncExternalStore(never, address, noAddress);
}
