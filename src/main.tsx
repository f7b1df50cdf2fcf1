/**
 * Composition root: reads the link once, creates the stores and the engine client, starts the URL
 * and analysis syncs, renders. Every side effect starts here. Loaded by entry.ts once the first
 * screen (prerendered into index.html) has painted.
 */
import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { isDemanded } from './state/channelDemand.ts';
import { CHANNEL_IDS, CHANNELS } from './state/channels.ts';
import { startAnalysisSync } from './ui/analysisSync.ts';
import { PageRoot } from './ui/PageRoot.tsx';
import { createPageStores } from './ui/pageStores.ts';
import { startComputingSignal } from './ui/computingSignal.ts';
import { holdKatexUntil, loadKatex } from './explain/katexLoader.ts';
import { preloadSections } from './ui/sectionRegistry.ts';
import { startEmbedMessages } from './ui/embedMessages.ts';
import { startThemeSync } from './ui/themeSync.ts';
import { parseUrl, prerenderedQuery, readHostOptions } from './url/urlCodec.ts';
import { startUrlSync } from './url/urlSync.ts';
import { createAnalysisClient } from './worker/analysisClient.ts';
import { createAnalysisWorker, takeEarlyWorker } from './worker/earlyWorker.ts';

/** The link's query as opened (startUrlSync may rewrite it below). */
const openedQuery = window.location.search;
const { state, repairs } = parseUrl(openedQuery);
/** What an embedding page asked for (poststate=1: send it the state, not only the height). */
const host = readHostOptions(window.location.search);
const stores = createPageStores(state);
/** Which deferred channels a part near the viewport shows (the others wait until the page is idle): demand. */
const { explorer: store, results, demand } = stores;
/**
 * Two workers, one per core: the main figure and the comparison on the first, the sections' own
 * numbers on the second (channels.ts). The first is the one entry.ts started as the page opened.
 */
const clients = [0, 1].map((index) =>
  createAnalysisClient(() => (index === 0 ? takeEarlyWorker() : null) ?? createAnalysisWorker()),
);
startUrlSync(store, window.history, window.location, host);
startThemeSync(store, document.documentElement, window.matchMedia('(prefers-color-scheme: dark)'));
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
// The built index.html holds the first screen of the default state, prerendered (src/prerender.tsx):
// for a link without a query (or with the default state's own, as the URL sync writes it) it is
// hydrated and stays on screen as it is. Hydrating is a transition, so React does it in short slices
// between the reader's inputs; KaTeX, loading meanwhile, shows only after it has committed. Another
// link shows another state, so its prerender (hidden by index.html's guard) is replaced. In
// `npm start` #root is empty. (docs/architecture.md#first-screen)
// The prerendered root is inert (no focus, no clicks) until it is the page's own: hydrated or replaced.
if (root.firstChild !== null && (openedQuery === '' || openedQuery === prerenderedQuery())) {
  let committed = () => {};
  holdKatexUntil(new Promise<void>((resolve) => (committed = resolve)));
  const onCommit = () => {
    root.inert = false;
    committed();
  };
  startTransition(() => void hydrateRoot(root, <PageRoot stores={stores} repairs={repairs} onCommit={onCommit} />));
} else {
  root.replaceChildren();
  root.inert = false;
  createRoot(root).render(<PageRoot stores={stores} repairs={repairs} />);
}
document.documentElement.classList.remove('prerender-off');
// KaTeX is its own chunk: the first screen renders (formulas as plain text) while it loads.
void loadKatex();
// The sections below the first screen are chunks of their own, requested now.
void preloadSections();
