/**
 * Composition root: reads the link once, creates the stores and the engine client, starts the URL
 * and analysis syncs, renders. Every side effect starts here.
 */
import 'katex/dist/katex.min.css';
import './index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { selectCompareRequests, selectMainRequests } from './state/analysisRequest.ts';
import { createAnalysisStore } from './state/analysisStore.ts';
import { createExplorerStore } from './state/explorerStore.ts';
import { createHighlightStore } from './state/highlightStore.ts';
import { AnalysisContext } from './ui/analysisContext.ts';
import { startAnalysisSync } from './ui/analysisSync.ts';
import { App } from './ui/App.tsx';
import { startEmbedMessages } from './ui/embedMessages.ts';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { ExplorerContext } from './ui/explorerContext.ts';
import { startThemeSync } from './ui/themeSync.ts';
import { HighlightContext } from './ui/highlightContext.ts';
import { parseUrl } from './url/urlCodec.ts';
import { startUrlSync } from './url/urlSync.ts';
import { createAnalysisClient, type WorkerLike } from './worker/analysisClient.ts';

const { state, repairs } = parseUrl(window.location.search);
const store = createExplorerStore(state);
const highlight = createHighlightStore();
const results = { main: createAnalysisStore(), compare: createAnalysisStore() };
/** One worker per channel, so the comparison never waits behind the main figure. */
const newClient = () =>
  createAnalysisClient(
    () => new Worker(new URL('./worker/analysis.worker.ts', import.meta.url), { type: 'module' }) as WorkerLike,
  );
startUrlSync(store, window.history, window.location);
startThemeSync(store, document.documentElement, window.matchMedia('(prefers-color-scheme: dark)'));
startAnalysisSync(store, results.main, newClient(), selectMainRequests);
startAnalysisSync(store, results.compare, newClient(), selectCompareRequests);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
// Embedded in course notes: tell the host page our height (for embed-host.js) and our state.
if (window.parent !== window && state.embed !== null) startEmbedMessages(store, window.parent, root);
createRoot(root).render(
  <StrictMode>
    <ExplorerContext.Provider value={store}>
      <AnalysisContext.Provider value={results}>
        <HighlightContext.Provider value={highlight}>
          <ErrorBoundary what="the page">
            <App repairs={repairs} />
          </ErrorBoundary>
        </HighlightContext.Provider>
      </AnalysisContext.Provider>
    </ExplorerContext.Provider>
  </StrictMode>,
);
