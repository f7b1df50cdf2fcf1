/**
 * The state of the section's training run (not part of the explorer's base state: it is a
 * result, like the analysis stores). The worker client is loaded by dynamic import() on the first
 * run, so TensorFlow.js and the training worker stay out of the first-load bundle. A newer run
 * replaces the running one; a superseded run writes nothing.
 */
import { createStore } from 'zustand/vanilla';
import type { ExperimentResult, SchemeRun } from '../../../training/experiment.ts';
import type { TrainingSettings } from '../../../training/settings.ts';
import type { TrainingClient } from '../../../training/trainingClient.ts';
import type { PartialCurves } from '../../../training/trainingProtocol.ts';

export interface TrainingRunState {
  readonly status: 'idle' | 'loading' | 'running' | 'done' | 'error';
  /** The settings of the run shown (running or finished), or null before the first run. */
  readonly settings: TrainingSettings | null;
  readonly fraction: number;
  readonly elapsedMs: number;
  readonly curves: PartialCurves;
  readonly finished: readonly SchemeRun[];
  readonly result: ExperimentResult | null;
  readonly error: string | null;
}

export const IDLE_RUN: TrainingRunState = {
  status: 'idle',
  settings: null,
  fraction: 0,
  elapsedMs: 0,
  curves: {},
  finished: [],
  result: null,
  error: null,
};

export const trainingRunStore = createStore<TrainingRunState>()(() => IDLE_RUN);

let client: Promise<TrainingClient> | null = null;
let generation = 0;

/** Starts a run of `settings` (superseding any running one). */
export async function startTraining(settings: TrainingSettings): Promise<void> {
  const mine = ++generation;
  trainingRunStore.setState({ ...IDLE_RUN, status: 'loading', settings });
  try {
    client ??= import('../../../training/trainingClient.ts').then((m) => m.createTrainingClient());
    const loaded = await client;
    if (mine !== generation) return;
    trainingRunStore.setState({ status: 'running' });
    const { result, elapsedMs } = await loaded.run(settings, ({ fraction, elapsedMs: ms, curves, finished }) => {
      if (mine === generation) trainingRunStore.setState({ fraction, elapsedMs: ms, curves, finished });
    });
    if (mine === generation) trainingRunStore.setState({ status: 'done', fraction: 1, elapsedMs, result, finished: result.runs });
  } catch (error) {
    if (mine !== generation || (error instanceof Error && error.name === 'AbortError')) return;
    client = null;
    trainingRunStore.setState({ status: 'error', error: error instanceof Error ? error.message : String(error) });
  }
}

/** Stops the running run (its curves so far stay on the page). */
export function stopTraining(): void {
  generation++;
  void client?.then((c) => c.cancel());
  const { status } = trainingRunStore.getState();
  if (status === 'running' || status === 'loading') trainingRunStore.setState({ status: 'idle' });
}
