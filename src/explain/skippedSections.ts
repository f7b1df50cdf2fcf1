/**
 * What a formula needs to know about the section around it when the browser skips that section's
 * layout while it is out of view (`content-visibility: auto`, index.css;
 * docs/architecture.md#rendering-budget): whether it is skipped now, without asking the browser
 * (`checkVisibility` brings style and layout up to date, about 4 ms a slider step over the page's
 * formulas), and a way to measure there without laying a skipped section out on every slider step.
 */

/** Each section's last reported state; a section never reported is not skipped (it has no skipping yet). */
const skipped = new WeakMap<Element, boolean>();
let listening = false;

function listen(): void {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  // The event does not bubble; a capturing listener on the document hears every section's.
  document.addEventListener(
    'contentvisibilityautostatechange',
    (event) => {
      if (event.target instanceof Element) skipped.set(event.target, (event as Event & { skipped?: boolean }).skipped === true);
    },
    { capture: true },
  );
}

/** Whether the browser currently skips the layout of this section (as its last state-change event said). */
export function isSkipped(section: Element | null): boolean {
  listen();
  return section !== null && skipped.get(section) === true;
}

/** At most one round of measuring in skipped sections per this many ms while their formulas keep changing. */
export const SKIPPED_MEASURE_MS = 300;

let lastRound = Number.NEGATIVE_INFINITY;
let timer: ReturnType<typeof setTimeout> | null = null;
const waiting = new Set<() => void>();

function round(): void {
  timer = null;
  lastRound = performance.now();
  const due = [...waiting];
  waiting.clear();
  for (const measure of due) measure();
}

/**
 * Runs `measure` now if no round ran in the last SKIPPED_MEASURE_MS, else once at the end of that
 * window, together with every other formula that changed meanwhile: a formula that changes once (a
 * load, a click) is measured at once, a drag lays each skipped section out a few times a second
 * instead of on every step. Returns the cancel (a formula replaced or unmounted meanwhile).
 */
export function measureSkipped(measure: () => void): () => void {
  waiting.add(measure);
  const since = performance.now() - lastRound;
  if (since >= SKIPPED_MEASURE_MS && timer === null) round();
  else timer ??= setTimeout(round, Math.max(0, SKIPPED_MEASURE_MS - since));
  return () => {
    waiting.delete(measure);
  };
}
