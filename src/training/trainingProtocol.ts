/**
 * The messages between the page and the training worker (training.worker.ts). The page sends
 * `run` (a newer run cancels the running one) or `cancel`; the worker answers with `progress` (at
 * most a few a second: the epoch records so far and the runs finished so far), then `result` or
 * `error`. Every message names the run's id, so the page drops what belongs to an older run.
 */
import type { EpochRecord, ExperimentResult, SchemeRun } from './experiment.ts';
import type { TrainingScheme, TrainingSettings } from './settings.ts';

export type TrainingRequest =
  | { readonly type: 'run'; readonly id: number; readonly settings: TrainingSettings }
  | { readonly type: 'cancel'; readonly id: number };

/** The first seed's curves so far, per scheme. */
export type PartialCurves = { readonly [s in TrainingScheme]?: readonly EpochRecord[] };

export type TrainingResponse =
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly fraction: number;
      readonly elapsedMs: number;
      readonly curves: PartialCurves;
      readonly finished: readonly SchemeRun[];
    }
  | { readonly type: 'result'; readonly id: number; readonly elapsedMs: number; readonly result: ExperimentResult }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
