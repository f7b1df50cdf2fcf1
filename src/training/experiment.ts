/**
 * The training experiment (docs/mathematics.md#dropout-schemes-in-training): the same network on the
 * same data, once per scheme and seed, with the same initial weights, the same mini-batches and the
 * same masks for every scheme of a seed, so that differences come from the scheme alone. A
 * generator: it yields after every epoch, so the worker can stream progress and take a newer
 * request in between, and the command line runs the very same code to the end.
 *
 * Deterministic on the CPU backend of TensorFlow.js: its kernels are plain JavaScript loops in a
 * fixed order, and every random number (data, weights, batches, masks) comes from the project's
 * seeded generator, so one seed gives the same numbers bit for bit in one JavaScript engine.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRandom } from '../math/index.ts';
import { makeDataSet, type DataSet, type LabelledPoints } from './dataSets.ts';
import { measureMismatch, type Mismatch } from './mismatch.ts';
import { crossEntropy, disposeParams, forward, initialWeights, networkParams, type NetworkParams } from './network.ts';
import { GRID_EXTENT, GRID_SIDE, orderedSchemes, type TrainingScheme, type TrainingSettings } from './settings.ts';

export const BATCH_SIZE = 20;
export const LEARNING_RATE = 0.03;
/** Independent mask draws per test point for the mismatch measurement. */
export const MISMATCH_DRAWS = 20;

/** Losses and accuracies after one epoch, all evaluated at test time (no dropout). */
export interface EpochRecord {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  readonly testLoss: number;
  readonly testAccuracy: number;
}

export interface SchemeRun {
  readonly scheme: TrainingScheme;
  readonly seed: number;
  readonly curve: readonly EpochRecord[];
  /** P(class 1) on the GRID_SIDE × GRID_SIDE grid, row by row from the top (y = +extent). */
  readonly grid: readonly number[];
  readonly mismatch: Mismatch;
  /** Wall time of this run in ms, from the caller's clock. */
  readonly milliseconds: number;
}

export interface Spread {
  readonly mean: number;
  /** Sample standard deviation over the seeds (0 for one seed). */
  readonly sd: number;
  readonly values: readonly number[];
}

export interface SchemeSummary {
  readonly scheme: TrainingScheme;
  readonly testAccuracy: Spread;
  readonly testLoss: Spread;
  readonly trainLoss: Spread;
  readonly trainAccuracy: Spread;
  /** Mean wall time per run in ms. */
  readonly milliseconds: number;
}

export interface ExperimentResult {
  readonly settings: TrainingSettings;
  /** The runs of the first seed (curves, regions, mismatch), in scheme order. */
  readonly runs: readonly SchemeRun[];
  /** Final numbers over all seeds. */
  readonly summary: readonly SchemeSummary[];
  /** The first seed's training points (for the region plots). */
  readonly train: LabelledPoints;
  readonly flipped: number;
}

/** What the generator yields after each epoch. */
export interface ExperimentProgress {
  readonly fraction: number;
  readonly scheme: TrainingScheme;
  readonly seedIndex: number;
  readonly record: EpochRecord;
  /** The run just finished, if this epoch was its last (first seed only). */
  readonly finished: SchemeRun | null;
}

/** Independent seeded streams for one seed: splitmix scrambles nearby seeds apart. */
function streamSeed(seed: number, stream: number): number {
  return (Math.imul(seed | 0, 0x9e3779b1) ^ (stream * 0x85ebca6b)) >>> 0;
}

function oneHot(labels: Uint8Array): tf.Tensor2D {
  return tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from(labels), 'int32'), 2), 'float32') as tf.Tensor2D);
}

function evaluate(params: NetworkParams, scheme: TrainingScheme, keep: number, x: tf.Tensor2D, y: tf.Tensor2D): { loss: number; accuracy: number } {
  return tf.tidy(() => {
    const { logits } = forward(params, x, scheme, keep, { kind: 'test' });
    const loss = crossEntropy(logits, y).dataSync()[0] as number;
    const correct = tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(y, 1)), 'float32')).dataSync()[0] as number;
    return { loss, accuracy: correct };
  });
}

function gridInputs(): tf.Tensor2D {
  const values = new Float32Array(2 * GRID_SIDE * GRID_SIDE);
  for (let r = 0; r < GRID_SIDE; r++) {
    for (let c = 0; c < GRID_SIDE; c++) {
      const k = r * GRID_SIDE + c;
      values[2 * k] = -GRID_EXTENT + ((c + 0.5) * 2 * GRID_EXTENT) / GRID_SIDE;
      values[2 * k + 1] = GRID_EXTENT - ((r + 0.5) * 2 * GRID_EXTENT) / GRID_SIDE;
    }
  }
  return tf.tensor2d(values, [GRID_SIDE * GRID_SIDE, 2]);
}

/** Trains one scheme on one seed's data; yields each epoch's record, returns the run. */
export function* trainScheme(
  settings: TrainingSettings,
  scheme: TrainingScheme,
  seed: number,
  data: DataSet,
  now: () => number,
): Generator<EpochRecord, SchemeRun> {
  const start = now();
  const { keep, width, epochs } = settings;
  const params = networkParams(initialWeights(width, createRandom(streamSeed(seed, 1))));
  const batchRandom = createRandom(streamSeed(seed, 2));
  const maskRandom = createRandom(streamSeed(seed, 3));
  const optimizer = tf.train.adam(LEARNING_RATE);
  const trainX = tf.tensor2d(data.train.points, [data.train.labels.length, 2]);
  const trainY = oneHot(data.train.labels);
  const testX = tf.tensor2d(data.test.points, [data.test.labels.length, 2]);
  const testY = oneHot(data.test.labels);
  const count = data.train.labels.length;
  const order = new Int32Array(count);
  const threshold = keep * 4294967296;
  const curve: EpochRecord[] = [];
  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      for (let i = 0; i < count; i++) order[i] = i;
      for (let i = count - 1; i > 0; i--) {
        const j = Math.floor(batchRandom.nextFloat() * (i + 1));
        const swap = order[i] as number;
        order[i] = order[j] as number;
        order[j] = swap;
      }
      for (let from = 0; from < count; from += BATCH_SIZE) {
        const rows = order.subarray(from, Math.min(count, from + BATCH_SIZE));
        // The masks are drawn for every scheme, used or not, so all schemes see the same ones.
        const drawn = [0, 1].map(() => {
          const flags = new Float32Array(rows.length * width);
          for (let k = 0; k < flags.length; k++) flags[k] = maskRandom.nextUint32() < threshold ? 1 : 0;
          return flags;
        });
        tf.tidy(() => {
          const index = tf.tensor1d(rows, 'int32');
          const x = tf.gather(trainX, index) as tf.Tensor2D;
          const y = tf.gather(trainY, index) as tf.Tensor2D;
          const stepMasks = [tf.tensor2d(drawn[0]!, [rows.length, width]), tf.tensor2d(drawn[1]!, [rows.length, width])] as const;
          optimizer.minimize(() => crossEntropy(forward(params, x, scheme, keep, { kind: 'train', masks: stepMasks }).logits, y));
        });
      }
      const train = evaluate(params, scheme, keep, trainX, trainY);
      const test = evaluate(params, scheme, keep, testX, testY);
      const record = { epoch, trainLoss: train.loss, trainAccuracy: train.accuracy, testLoss: test.loss, testAccuracy: test.accuracy };
      curve.push(record);
      yield record;
    }
    const grid = tf.tidy(() => {
      const { logits } = forward(params, gridInputs(), scheme, keep, { kind: 'test' });
      return Array.from(tf.slice(tf.softmax(logits), [0, 1], [-1, 1]).dataSync());
    });
    const hidden = tf.tidy(() => forward(params, testX, scheme, keep, { kind: 'test' }).hidden1.dataSync());
    const mismatch = measureMismatch({
      scheme,
      keep,
      hidden: Float32Array.from(hidden),
      points: data.test.labels.length,
      units: width,
      weights: Float32Array.from(params.w2.dataSync()),
      outputs: width,
      draws: MISMATCH_DRAWS,
      random: createRandom(streamSeed(seed, 4)),
    });
    return { scheme, seed, curve, grid, mismatch, milliseconds: now() - start };
  } finally {
    disposeParams(params);
    optimizer.dispose();
    for (const t of [trainX, trainY, testX, testY]) t.dispose();
  }
}

function spread(values: readonly number[]): Spread {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = values.length > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)) : 0;
  return { mean, sd, values };
}

/** The seeds of an experiment: seed, seed + 1, … (mod 2³²). */
export function experimentSeeds(settings: TrainingSettings): number[] {
  return Array.from({ length: settings.seeds }, (_, i) => (settings.seed + i) >>> 0);
}

/** The whole experiment: every scheme on every seed; yields after every epoch, returns the result. */
export function* runExperiment(settings: TrainingSettings, now: () => number): Generator<ExperimentProgress, ExperimentResult> {
  const schemes = orderedSchemes(settings.schemes);
  const seeds = experimentSeeds(settings);
  const total = schemes.length * seeds.length * settings.epochs;
  const finals = new Map<TrainingScheme, { record: EpochRecord; ms: number }[]>();
  const runs: SchemeRun[] = [];
  let first: DataSet | null = null;
  let done = 0;
  for (const [seedIndex, seed] of seeds.entries()) {
    const data = makeDataSet(settings.data, seed);
    first ??= data;
    for (const scheme of schemes) {
      const steps = trainScheme(settings, scheme, seed, data, now);
      let step = steps.next();
      let last: EpochRecord | null = null;
      while (step.done !== true) {
        last = step.value;
        done++;
        if (last.epoch < settings.epochs) yield { fraction: done / total, scheme, seedIndex, record: last, finished: null };
        step = steps.next();
      }
      const run = step.value;
      if (seedIndex === 0) runs.push(run);
      const record = run.curve.at(-1) ?? last;
      if (record !== null) finals.set(scheme, [...(finals.get(scheme) ?? []), { record, ms: run.milliseconds }]);
      if (record !== null) yield { fraction: done / total, scheme, seedIndex, record, finished: seedIndex === 0 ? run : null };
    }
  }
  const summary = schemes.map((scheme): SchemeSummary => {
    const list = finals.get(scheme) ?? [];
    return {
      scheme,
      testAccuracy: spread(list.map((f) => f.record.testAccuracy)),
      testLoss: spread(list.map((f) => f.record.testLoss)),
      trainLoss: spread(list.map((f) => f.record.trainLoss)),
      trainAccuracy: spread(list.map((f) => f.record.trainAccuracy)),
      milliseconds: list.reduce((a, f) => a + f.ms, 0) / Math.max(1, list.length),
    };
  });
  const data = first ?? makeDataSet(settings.data, settings.seed);
  return { settings, runs, summary, train: data.train, flipped: data.flipped };
}
