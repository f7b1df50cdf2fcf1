import { StrictMode, useEffect } from 'react';
import type { Repair } from '../url/urlCodec.ts';
import { AnalysisContext } from './analysisContext.ts';
import { App } from './App.tsx';
import { DemandContext } from './channelDemand.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { ExplorerContext } from './explorerContext.ts';
import { HighlightContext } from './highlightContext.ts';
import type { PageStores } from './pageStores.ts';

/**
 * The whole page with its stores provided: what main.tsx renders (or hydrates) in the browser and
 * what the build prerenders into index.html (src/prerender.tsx), so both are the same tree.
 */
export function PageRoot({
  stores,
  repairs,
  onCommit,
}: {
  readonly stores: PageStores;
  readonly repairs: readonly Repair[];
  /** Called once the first render (or the hydration of the prerendered one) is committed. */
  readonly onCommit?: () => void;
}) {
  // A parent's effects run after its children's: this one once the whole tree is committed.
  useEffect(() => onCommit?.(), [onCommit]);
  return (
    <StrictMode>
      <ExplorerContext.Provider value={stores.explorer}>
        <AnalysisContext.Provider value={stores.results}>
          <DemandContext.Provider value={stores.demand}>
            <HighlightContext.Provider value={stores.highlight}>
              <ErrorBoundary what="the page">
                <App repairs={repairs} />
              </ErrorBoundary>
            </HighlightContext.Provider>
          </DemandContext.Provider>
        </AnalysisContext.Provider>
      </ExplorerContext.Provider>
    </StrictMode>
  );
}
