/**
 * The small, noisy, seeded data sets of the training experiment, generated in the page: two
 * interleaved spirals or two moons in the plane, two classes. Few training points with some of
 * their labels flipped, so that a network of two hidden layers can memorise the noise; the test set
 * is larger and its labels are clean, so test accuracy measures the learned boundary against the
 * true one. Every number comes from the project's seeded generator (createRandom), so a seed gives
 * the same points on every machine.
 */
import { createRandom, type Random } from '../math/index.ts';
import type { DataSetKind } from './settings.ts';

/** Points in the plane with labels 0 or 1. */
export interface LabelledPoints {
  /** x₀, y₀, x₁, y₁, … */
  readonly points: Float32Array;
  readonly labels: Uint8Array;
}

export interface DataSet {
  readonly kind: DataSetKind;
  readonly train: LabelledPoints;
  readonly test: LabelledPoints;
  /** How many training labels were flipped. */
  readonly flipped: number;
}

export const TRAIN_POINTS = 120;
export const TEST_POINTS = 400;
/** Share of training labels flipped. */
export const LABEL_NOISE = 0.15;
/** Standard deviation of the Gaussian noise on each coordinate. */
export const POINT_NOISE: { readonly [k in DataSetKind]: number } = { spirals: 0.06, moons: 0.12 };

/** One clean point of class `label` (both data sets span roughly [−1.2, 1.2]²). */
function cleanPoint(kind: DataSetKind, label: number, random: Random): [number, number] {
  const t = random.nextFloat();
  if (kind === 'spirals') {
    // Radius grows with the angle: 1.25 turns, the second spiral rotated by π.
    const r = 0.15 + 0.95 * t;
    const angle = 2.5 * Math.PI * t + label * Math.PI;
    return [r * Math.cos(angle), r * Math.sin(angle)];
  }
  // Two interleaved half circles (as in scikit-learn's make_moons), centred and scaled by 1.1.
  const angle = Math.PI * t;
  const [x, y] = label === 0 ? [Math.cos(angle), Math.sin(angle)] : [1 - Math.cos(angle), 0.5 - Math.sin(angle)];
  return [(x - 0.5) * 1.1, (y - 0.25) * 1.1];
}

function points(kind: DataSetKind, count: number, random: Random, flipShare: number): LabelledPoints & { flipped: number } {
  const xy = new Float32Array(2 * count);
  const labels = new Uint8Array(count);
  let flipped = 0;
  for (let i = 0; i < count; i++) {
    const label = i % 2;
    const [x, y] = cleanPoint(kind, label, random);
    xy[2 * i] = x + POINT_NOISE[kind] * random.normal();
    xy[2 * i + 1] = y + POINT_NOISE[kind] * random.normal();
    const flip = random.nextFloat() < flipShare;
    labels[i] = flip ? 1 - label : label;
    if (flip) flipped++;
  }
  return { points: xy, labels, flipped };
}

/** The data set of `kind` for `seed`: TRAIN_POINTS noisy-labelled training points, TEST_POINTS clean test points. */
export function makeDataSet(kind: DataSetKind, seed: number): DataSet {
  const random = createRandom((seed ^ 0x5eed0da7) >>> 0);
  const { flipped, ...train } = points(kind, TRAIN_POINTS, random, LABEL_NOISE);
  const { flipped: _none, ...test } = points(kind, TEST_POINTS, random, 0);
  return { kind, train, test, flipped };
}
