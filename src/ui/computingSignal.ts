import type { AnalysisStore } from '../state/analysisStore.ts';

/**
 * Marks the document while the engine computes any channel, or a deferred one waits for its turn
 * (`data-computing="compare layers"`, absent when every number on the page is final), for tools
 * that wait for the final numbers: the end-to-end tests, `npm run bench:ui`, the screenshot script.
 * Not for assistive technology (each part says "computing" in its own words). Returns the unsubscribe.
 */
export function startComputingSignal(stores: Readonly<Record<string, AnalysisStore>>, element: Element): () => void {
  const update = () => {
    const running = Object.entries(stores)
      .filter(([, store]) => store.getState().status === 'running')
      .map(([id]) => id);
    if (running.length === 0) element.removeAttribute('data-computing');
    else element.setAttribute('data-computing', running.join(' '));
  };
  update();
  const stops = Object.values(stores).map((store) => store.subscribe(update));
  return () => stops.forEach((stop) => stop());
}
