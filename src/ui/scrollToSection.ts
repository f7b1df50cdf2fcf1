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

/**
 * Brings a section into view even when its code has not loaded yet (the sections below the first
 * screen load on demand, docs/architecture.md#rendering-budget): once every section is there and
 * rendered, so the sections above have their real heights, it scrolls to the section; with `focus`
 * it also moves the keyboard focus there (without a second scroll), so Tab continues from the
 * section a contents link led to. Used for deep links and the contents.
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
            }
            resolve();
          }),
        ),
    );
}
