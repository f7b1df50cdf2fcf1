/**
 * The experiment as a whole: at q = 1 every scheme trains to the same curves bit for bit, the same
 * seed gives the same numbers twice, and (so that these checks can fail) schemes do differ at q < 1
 * and seeds differ from each other. Tiny settings keep it quick.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment, type ExperimentResult } from './experiment.ts';
import { makeDataSet, TRAIN_POINTS } from './dataSets.ts';
import { TRAINING_SCHEMES, type TrainingSettings } from './settings.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function train(settings: TrainingSettings): ExperimentResult {
  const steps = runExperiment(settings, () => 0);
  let step = steps.next();
  while (step.done !== true) step = steps.next();
  return step.value;
}

const tiny: TrainingSettings = { keep: 1, schemes: TRAINING_SCHEMES, data: 'moons', width: 8, epochs: 3, seed: 7, seeds: 1 };

describe('runExperiment', () => {
  it('at q = 1 every scheme gives identical training curves', () => {
    const { runs } = train(tiny);
    expect(runs.map((r) => r.scheme)).toEqual([...TRAINING_SCHEMES]);
    for (const run of runs) expect(run.curve).toEqual(runs[0]!.curve);
  });

  it('the same seed gives the same numbers twice; schemes differ at q = 0.5; another seed differs', () => {
    const settings = { ...tiny, keep: 0.5, schemes: ['inverted', 'match'] as const };
    const first = train(settings);
    const again = train(settings);
    expect(again.runs.map((r) => [r.curve, r.grid, r.mismatch])).toEqual(first.runs.map((r) => [r.curve, r.grid, r.mismatch]));
    expect(first.runs[0]!.curve).not.toEqual(first.runs[1]!.curve);
    const other = train({ ...settings, seed: 8 });
    expect(other.runs[0]!.curve).not.toEqual(first.runs[0]!.curve);
  });

  it('five seeds give a mean and a sample standard deviation of the final numbers', () => {
    const result = train({ ...tiny, keep: 0.8, schemes: ['inverted'], seeds: 5, epochs: 2 });
    const [summary] = result.summary;
    const values = summary!.testAccuracy.values;
    expect(values).toHaveLength(5);
    const mean = values.reduce((a, b) => a + b, 0) / 5;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / 4);
    expect(summary!.testAccuracy.mean).toBeCloseTo(mean, 12);
    expect(summary!.testAccuracy.sd).toBeCloseTo(sd, 12);
    expect(result.runs).toHaveLength(1);
  });
});

describe('makeDataSet', () => {
  it('is seeded, balanced, and flips about 15 % of the training labels', () => {
    const a = makeDataSet('spirals', 3);
    expect(makeDataSet('spirals', 3)).toEqual(a);
    expect(makeDataSet('spirals', 4).train.points).not.toEqual(a.train.points);
    // Flips are Bernoulli(0.15) per point: within 4 standard deviations of 0.15·120 = 18.
    expect(Math.abs(a.flipped - 0.15 * TRAIN_POINTS)).toBeLessThan(4 * Math.sqrt(TRAIN_POINTS * 0.15 * 0.85));
    expect(a.test.labels.filter((l) => l === 1).length * 2).toBe(a.test.labels.length);
  });
});
