import { useEffect, useState } from 'react';

/**
 * The id of the section the reader is looking at: the last of the sections whose top has passed the
 * upper third of the viewport (IntersectionObserver, no scroll handler), or null before any has.
 * Display state only: it is not written to the store or the link, so scrolling costs no re-render
 * of the page and no history write.
 */
export function useSectionInView(ids: readonly string[], enabled: boolean): string | null {
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled || typeof IntersectionObserver === 'undefined') return;
    let observer: IntersectionObserver | null = null;
    let waiting: MutationObserver | null = null;
    const setup = () => {
      const elements = ids.map((id) => document.getElementById(id)).filter((e): e is HTMLElement => e !== null);
      // Sections whose code loads after the first screen are not there yet: start once they all are.
      if (elements.length < ids.length && typeof MutationObserver !== 'undefined' && waiting === null) {
        waiting = new MutationObserver(() => {
          if (ids.every((id) => document.getElementById(id) !== null)) {
            waiting?.disconnect();
            observer?.disconnect();
            setup();
          }
        });
        waiting.observe(document.body, { childList: true, subtree: true });
      }
      if (elements.length === 0) return;
      const pick = () => {
        // The reading line: a third of the way down the viewport.
        const line = window.innerHeight / 3;
        let last: string | null = null;
        for (const element of elements) if (element.getBoundingClientRect().top <= line) last = element.id;
        setCurrent(last);
      };
      // The observer only says when a section crosses the reading line; the pick reads the tops then,
      // after a layout (an observer reports every target once when it starts, so no pick is needed
      // now: reading the tops here forced a layout of the whole page in the middle of its first render).
      observer = new IntersectionObserver(pick, { rootMargin: '0px 0px -66% 0px', threshold: [0, 1] });
      elements.forEach((element) => observer?.observe(element));
    };
    setup();
    return () => {
      waiting?.disconnect();
      observer?.disconnect();
    };
  }, [ids, enabled]);
  return current;
}
