import { useCallback, useRef, useState } from 'react';

/** The narrowest layout a chart draws; a column narrower than this scales the chart down. */
export const NARROWEST_CHART = 240;

/**
 * The width, in CSS px, to lay a chart out at: its box's measured width, clamped to
 * [NARROWEST_CHART, natural]. Laying out at the measured width (viewBox width = box width) keeps
 * its text at the size the stylesheet gives it (12 px) on a phone or in a 320 px embed, instead of
 * shrinking a 640-unit drawing to half size; wider boxes scale the natural layout up. Before the
 * first measurement (and where ResizeObserver is missing) the natural width is used.
 * A React effect that only measures the DOM, as the house rules allow.
 */
export function useChartWidth<E extends Element = SVGSVGElement>(natural: number): { readonly ref: (element: E | null) => void; readonly width: number } {
  const [width, setWidth] = useState(natural);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback(
    (element: E | null) => {
      observer.current?.disconnect();
      observer.current = null;
      if (element === null || typeof ResizeObserver === 'undefined') return;
      const watch = new ResizeObserver((entries) => {
        const measured = entries[0]?.contentRect.width ?? 0;
        if (measured > 0) setWidth(Math.floor(Math.min(natural, Math.max(NARROWEST_CHART, measured))));
      });
      watch.observe(element);
      observer.current = watch;
    },
    [natural],
  );
  return { ref, width };
}
