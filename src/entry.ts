/**
 * What index.html loads: the page's styles, then, once the first screen has painted, the page's
 * code (main.tsx). The built index.html holds the first screen prerendered (src/prerender.tsx), so
 * it paints from the HTML and CSS alone; evaluating the page's code (about 150 kB gzip) before that
 * paint would only delay it (docs/architecture.md#first-screen).
 */
import './index.css';

/** After the next frame has been painted: a task queued from requestAnimationFrame runs after it. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

void afterNextPaint().then(() => import('./main.tsx'));
