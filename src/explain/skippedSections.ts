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

/** Quiet time after the last change before the formulas of skipped sections are measured. */
export const SKIPPED_MEASURE_MS = 300;
/** While changes keep coming (a long job's progress), they are still measured this often. */
const SKIPPED_MAX_WAIT_MS = 1000;

let lastCall = Number.NEGATIVE_INFINITY;
/** When the oldest formula still waiting asked. */
let waitingSince: number | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
const waiting = new Set<() => void>();

/**
 * One task of a round measures for about this long, then lets the page run and goes on in the next
 * task: each formula read in a skipped section lays that section out by itself, and after a preset
 * the formulas of every skipped section measured in one task made a 54–79 ms long task.
 */
export const SKIPPED_ROUND_TASK_MS = 8;

function round(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  waitingSince = null;
  const start = performance.now();
  // In the order they asked; a Set may lose entries while it is iterated.
  for (const measure of waiting) {
    waiting.delete(measure);
    measure();
    if (waiting.size > 0 && performance.now() - start >= SKIPPED_ROUND_TASK_MS) {
      // The rest of this round, in a task of its own (a new change meanwhile makes it wait for the pause again).
      waitingSince = start;
      timer = setTimeout(round, 0);
      return;
    }
  }
}

/**
 * Runs `measure` now if no formula of a skipped section changed in the last SKIPPED_MEASURE_MS,
 * else once the changes pause for that long (at most SKIPPED_MAX_WAIT_MS after the first),
 * together with every other formula that changed meanwhile: a formula that changes once (a load,
 * a click) is measured at once, a drag lays the skipped sections out once when it stops instead of
 * on every step. Returns the cancel (a formula replaced or unmounted meanwhile).
 */
export function measureSkipped(measure: () => void): () => void {
  const now = performance.now();
  const quiet = now - lastCall >= SKIPPED_MEASURE_MS && timer === null;
  lastCall = now;
  waiting.add(measure);
  if (quiet) round();
  else {
    waitingSince ??= now;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(round, Math.max(0, Math.min(SKIPPED_MEASURE_MS, waitingSince + SKIPPED_MAX_WAIT_MS - now)));
  }
  return () => {
    waiting.delete(measure);
  };
}
