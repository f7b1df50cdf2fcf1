/**
 * The first screen as HTML, written into the built index.html (vite.config.ts, prerender), so a
 * reader sees the title, the question and the short answer before any JavaScript has run; main.tsx
 * then hydrates it (docs/architecture.md#first-screen). Rendered from the state of a link without a
 * query, with no results yet (what the page's own first render shows, as hydration reads the stores'
 * initial states), so hydration finds the same markup. Runs in Node at build time only.
 */
import { renderToString } from 'react-dom/server';
import { PageRoot } from './ui/PageRoot.tsx';
import { createPageStores } from './ui/pageStores.ts';
import { parseUrl, prerenderedQuery } from './url/urlCodec.ts';

export { prerenderedQuery };

export function renderFirstScreen(): string {
  const { state, repairs } = parseUrl('');
  return renderToString(<PageRoot stores={createPageStores(state)} repairs={repairs} />);
}
