/**
 * Runs one training request in slices for the worker: advances the experiment epoch by epoch for
 * about SLICE_MS, then yields to the event loop (so a newer request or a cancel is read in between)
 * and posts progress at most every PROGRESS_MS. Free of any worker global, so it is testable.
 */
import type { EpochRecord, ExperimentProgress, ExperimentResult, SchemeRun } from './experiment.ts';
import { runExperiment } from './experiment.ts';
import type { TrainingSettings, TrainingScheme } from './settings.ts';
import type { PartialCurves, TrainingResponse } from './trainingProtocol.ts';

export const SLICE_MS = 40;
export const PROGRESS_MS = 250;

export interface JobHooks {
  readonly now: () => number;
  readonly post: (message: TrainingResponse) => void;
  /** Schedules the next slice (setTimeout(…, 0) in the worker). */
  readonly later: (next: () => void) => void;
}

/** Starts the job; the returned function cancels it (no further message is posted). */
export function startTrainingJob(id: number, settings: TrainingSettings, hooks: JobHooks): () => void {
  const { now, post, later } = hooks;
  const start = now();
  let cancelled = false;
  let lastPost = -Infinity;
  const curves = new Map<TrainingScheme, EpochRecord[]>();
  const finished: SchemeRun[] = [];
  let steps: Generator<ExperimentProgress, ExperimentResult>;
  const snapshot = (): PartialCurves => Object.fromEntries([...curves].map(([s, c]) => [s, [...c]]));
  const slice = () => {
    if (cancelled) return;
    try {
      steps ??= runExperiment(settings, now);
      const sliceStart = now();
      let fraction = 0;
      for (;;) {
        const step = steps.next();
        if (step.done === true) {
          post({ type: 'result', id, elapsedMs: now() - start, result: step.value });
          return;
        }
        const { scheme, seedIndex, record, finished: run } = step.value;
        fraction = step.value.fraction;
        if (seedIndex === 0) curves.set(scheme, [...(curves.get(scheme) ?? []), record]);
        if (run !== null) finished.push(run);
        if (now() - sliceStart >= SLICE_MS) break;
      }
      if (now() - lastPost >= PROGRESS_MS) {
        lastPost = now();
        post({ type: 'progress', id, fraction, elapsedMs: now() - start, curves: snapshot(), finished: [...finished] });
      }
      later(slice);
    } catch (error) {
      post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
    }
  };
  later(slice);
  return () => {
    cancelled = true;
  };
}
