/**
 * Composition root: reads the link once, creates the stores and the engine client, starts the URL
 * and analysis syncs, renders. Every side effect starts here.
 */
import 'katex/dist/katex.min.css';
import './index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAnalysisStore } from './state/analysisStore.ts';
import { createDemandStore, isDemanded } from './state/channelDemand.ts';
import { CHANNEL_IDS, CHANNELS } from './state/channels.ts';
import { createExplorerStore } from './state/explorerStore.ts';
import { createHighlightStore } from './state/highlightStore.ts';
import { AnalysisContext, type AnalysisStores } from './ui/analysisContext.ts';
import { startAnalysisSync } from './ui/analysisSync.ts';
import { DemandContext } from './ui/channelDemand.ts';
import { startComputingSignal } from './ui/computingSignal.ts';
import { loadKatex } from './explain/katexLoader.ts';
import { App } from './ui/App.tsx';
import { preloadSections } from './ui/sectionRegistry.ts';
import { startEmbedMessages } from './ui/embedMessages.ts';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { ExplorerContext } from './ui/explorerContext.ts';
import { startThemeSync } from './ui/themeSync.ts';
import { HighlightContext } from './ui/highlightContext.ts';
import { parseUrl, readHostOptions } from './url/urlCodec.ts';
import { startUrlSync } from './url/urlSync.ts';
import { createAnalysisClient, type WorkerLike } from './worker/analysisClient.ts';

const { state, repairs } = parseUrl(window.location.search);
/** What an embedding page asked for (poststate=1: send it the state, not only the height). */
const host = readHostOptions(window.location.search);
const store = createExplorerStore(state);
const highlight = createHighlightStore();
const results = Object.fromEntries(CHANNEL_IDS.map((id) => [id, createAnalysisStore()])) as unknown as AnalysisStores;
/** Two workers, one per core: the main figure and the comparison on the first, the sections' own numbers on the second (channels.ts). */
const clients = [0, 1].map(() =>
  createAnalysisClient(
    () => new Worker(new URL('./worker/analysis.worker.ts', import.meta.url), { type: 'module' }) as WorkerLike,
  ),
);
startUrlSync(store, window.history, window.location, host);
startThemeSync(store, document.documentElement, window.matchMedia('(prefers-color-scheme: dark)'));
/** Which deferred channels a part near the viewport shows (the others wait until the page is idle). */
const demand = createDemandStore();
for (const id of CHANNEL_IDS) {
  const { worker, select, deferred } = CHANNELS[id];
  const deferral = deferred
    ? { demanded: () => isDemanded(demand.getState(), id), subscribeDemand: (listener: () => void) => demand.subscribe(listener), main: results.main }
    : null;
  startAnalysisSync(store, results[id], clients[worker] as (typeof clients)[number], id, select, deferral);
}
startComputingSignal(results, document.documentElement);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
// Embedded in course notes: tell the host page our height (for embed-host.js), and our state if it asked.
if (window.parent !== window && state.embed !== null) startEmbedMessages(store, window.parent, root, host);
createRoot(root).render(
  <StrictMode>
    <ExplorerContext.Provider value={store}>
      <AnalysisContext.Provider value={results}>
        <DemandContext.Provider value={demand}>
          <HighlightContext.Provider value={highlight}>
            <ErrorBoundary what="the page">
              <App repairs={repairs} />
            </ErrorBoundary>
          </HighlightContext.Provider>
        </DemandContext.Provider>
      </AnalysisContext.Provider>
    </ExplorerContext.Provider>
  </StrictMode>,
);
// KaTeX is its own chunk: the first screen renders (formulas as plain text) while it loads.
void loadKatex();
// The sections below the first screen are chunks of their own, requested now.
void preloadSections();
