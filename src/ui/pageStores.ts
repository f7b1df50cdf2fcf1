import { createAnalysisStore } from '../state/analysisStore.ts';
import { createDemandStore, type DemandStore } from '../state/channelDemand.ts';
import { CHANNEL_IDS } from '../state/channels.ts';
import type { ExplorerState } from '../state/explorerState.ts';
import { createExplorerStore, type ExplorerStore } from '../state/explorerStore.ts';
import { createHighlightStore, type HighlightStore } from '../state/highlightStore.ts';
import type { AnalysisStores } from './analysisContext.ts';

/** Every store the page provides (PageRoot.tsx). */
export interface PageStores {
  readonly explorer: ExplorerStore;
  readonly results: AnalysisStores;
  readonly demand: DemandStore;
  readonly highlight: HighlightStore;
}

/** Fresh stores for a page opened in `state`, no results yet (main.tsx, and the build's prerender). */
export function createPageStores(state: ExplorerState): PageStores {
  return {
    explorer: createExplorerStore(state),
    results: Object.fromEntries(CHANNEL_IDS.map((id) => [id, createAnalysisStore()])) as unknown as AnalysisStores,
    demand: createDemandStore(),
    highlight: createHighlightStore(),
  };
}
