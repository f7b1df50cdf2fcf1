/**
 * What index.html loads: the page's styles, then, once the first screen has painted, the page's
 * code (main.tsx). The built index.html holds the first screen prerendered (src/prerender.tsx), so
 * it paints from the HTML and CSS alone; evaluating the page's code (about 130 kB gzip) before that
 * paint would only delay it (docs/architecture.md#first-screen).
 */
import './index.css';
import { startEarlyWorker } from './worker/earlyWorker.ts';

// The main figure's worker loads and warms up while the page's code does (worker/earlyWorker.ts).
startEarlyWorker();

/** After the next frame has been painted: a task queued from requestAnimationFrame runs after it. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * The page's code did not load (a dropped connection, a build replaced underneath): say so in plain
 * words instead of leaving an inert or hidden page. The prerendered first screen of the default
 * state stays readable under the message; for a link to another state it would show other numbers,
 * so the message takes its place.
 */
function codeFailed(error: unknown): void {
  const root = document.getElementById('root');
  const html = document.documentElement;
  if (root !== null && (root.inert || root.firstChild === null)) {
    const message = document.createElement('p');
    message.className = 'notice';
    message.setAttribute('role', 'alert');
    message.textContent = `The explorer’s code did not load (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
    if (html.classList.contains('prerender-off') || root.firstChild === null) {
      root.replaceChildren(message);
      root.inert = false;
    } else root.before(message);
  }
  html.classList.remove('prerender-off');
}

void afterNextPaint()
  .then(() => import('./main.tsx'))
  .catch(codeFailed);
