import { preloadSections } from './sectionRegistry.ts';
import { whenSectionsMounted } from './sectionsMounted.ts';

/** The element with this id once React has rendered it (null if aborted first). */
function elementRendered(id: string, signal: AbortSignal): Promise<HTMLElement | null> {
  return new Promise((resolve) => {
    const found = () => document.getElementById(id);
    if (found() !== null || typeof MutationObserver === 'undefined') {
      resolve(found());
      return;
    }
    const observer = new MutationObserver(() => {
      const element = found();
      if (element !== null) {
        observer.disconnect();
        resolve(element);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      resolve(null);
    });
  });
}

/** What a reader does to move on from where a jump landed. */
const READER_INPUTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/** How long after the jump a section above may still change height (a lazy part, such as section 7's body, arriving). */
const KEEP_IN_VIEW_MS = 3000;

/**
 * Keeps `element` at the top of the view while the page above it changes height (a lazy part of a
 * section above arriving after the jump pushed the target out of view), until the reader scrolls,
 * presses a key or points, the time is up, or the jump is aborted.
 */
function keepInView(element: HTMLElement, signal: AbortSignal): void {
  if (typeof ResizeObserver === 'undefined') return;
  let top = element.getBoundingClientRect().top;
  const observer = new ResizeObserver(() => {
    const now = element.getBoundingClientRect().top;
    if (Math.abs(now - top) > 1) element.scrollIntoView();
    top = element.getBoundingClientRect().top;
  });
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of READER_INPUTS) window.removeEventListener(type, stop, true);
  };
  const timer = setTimeout(stop, KEEP_IN_VIEW_MS);
  for (const type of READER_INPUTS) window.addEventListener(type, stop, { capture: true, passive: true });
  signal.addEventListener('abort', stop);
  observer.observe(document.body);
}


/**
 * Brings a section into view even when its code has not loaded yet (the sections below the first
 * screen load on demand, docs/architecture.md#rendering-budget): once every section is there and
 * rendered, so the sections above have their real heights, it scrolls to the section; with `focus`
 * it also moves the keyboard focus there (without a second scroll), so Tab continues from the
 * section a contents link led to; for a few seconds after, it keeps the section there while the
 * page above it still changes height. Used for deep links and the contents.
 */
export function scrollToSection(id: string, signal: AbortSignal, { focus = false } = {}): Promise<void> {
  return preloadSections()
    .then(() => whenSectionsMounted())
    .then(() => elementRendered(id, signal))
    .then(
      (element) =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() => {
            if (element !== null && !signal.aborted) {
              element.scrollIntoView();
              if (focus) element.focus({ preventScroll: true });
              keepInView(element, signal);
            }
            resolve();
          }),
        ),
    );
}
