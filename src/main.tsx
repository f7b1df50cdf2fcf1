/**
 * Composition root: reads the link once, creates the store, starts the URL sync, renders.
 * Every side effect starts here.
 */
import 'katex/dist/katex.min.css';
import './index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createExplorerStore } from './state/explorerStore.ts';
import { App } from './ui/App.tsx';
import { ExplorerContext } from './ui/explorerContext.ts';
import { parseUrl } from './url/urlCodec.ts';
import { startUrlSync } from './url/urlSync.ts';

const { state, repairs } = parseUrl(window.location.search);
const store = createExplorerStore(state);
startUrlSync(store, window.history, window.location);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ExplorerContext.Provider value={store}>
      <App repairs={repairs} />
    </ExplorerContext.Provider>
  </StrictMode>,
);
