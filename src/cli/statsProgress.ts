/**
 * Progress of a long `npm run stats` run, for stderr: silent for the first PROGRESS_AFTER_MS, then
 * one line at most every PROGRESS_EVERY_MS with the share done, the time spent and an estimate of
 * the time left (from the share done so far, which is an estimate of the work: analyze.ts).
 */

/** No progress for runs shorter than this. */
export const PROGRESS_AFTER_MS = 2000;
/** At most one line per this interval. */
export const PROGRESS_EVERY_MS = 5000;

/** `stats: 42% done, 12 s so far, about 17 s left` (the estimate is left out below 1 %). */
export function progressLine(fraction: number, elapsedMs: number): string {
  const share = Math.min(1, Math.max(0, fraction));
  const seconds = (ms: number): string => (ms < 100_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);
  const left = share >= 0.01 ? `, about ${seconds((elapsedMs * (1 - share)) / share)} left` : '';
  return `stats: ${Math.floor(100 * share)}% done, ${seconds(elapsedMs)} so far${left}`;
}

/** Whether to print a line now, given when the run started and when the last line was printed (null: none yet). */
export function progressDue(nowMs: number, startMs: number, lastMs: number | null): boolean {
  return nowMs - startMs >= PROGRESS_AFTER_MS && (lastMs === null || nowMs - lastMs >= PROGRESS_EVERY_MS);
}
