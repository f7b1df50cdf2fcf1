import { describe, expect, it } from 'vitest';
import type { ExperimentResult, SchemeRun } from '../../../training/experiment.ts';
import type { Mismatch } from '../../../training/mismatch.ts';
import { DEFAULT_TRAINING, SCHEME_LABELS } from '../../../training/settings.ts';
import { sampledText, spreadText, trainingFigure } from './trainingFigure.ts';
import { IDLE_RUN } from './trainingRun.ts';

const mismatch: Mismatch = {
  normRatio: { value: 1.1054, standardError: 0.0019 },
  meanSlope: { value: 1.0023, standardError: 0.0033 },
  meanSlopeClosed: 1,
  conditionalVarianceRatio: { value: 0.9939, standardError: 0.0093 },
  varianceShift: { value: 0.8787, standardError: 0.005 },
  varianceShiftClosed: 0.8805,
  points: 400,
  draws: 20,
};
const record = (epoch: number, testAccuracy: number) => ({ epoch, trainLoss: 0.5 / epoch, trainAccuracy: 0.8, testLoss: 0.6 / epoch, testAccuracy });
const run = (scheme: SchemeRun['scheme']): SchemeRun => ({
  scheme,
  seed: 1,
  curve: [record(1, 0.7), record(2, 0.9)],
  grid: [0.2, 0.8],
  mismatch: scheme === 'match' ? { ...mismatch, meanSlopeClosed: null, varianceShiftClosed: null, conditionalVarianceRatio: null } : mismatch,
  milliseconds: 4500,
});
const settings = { ...DEFAULT_TRAINING, schemes: ['inverted', 'match'] as const, epochs: 2, seeds: 5 as const };
const spread = (values: number[]) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, sd: Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)), values };
};
const result: ExperimentResult = {
  settings,
  runs: [run('inverted'), run('match')],
  summary: (['inverted', 'match'] as const).map((scheme) => ({
    scheme,
    testAccuracy: spread([0.9, 0.92, 0.94, 0.91, 0.93]),
    testLoss: spread([0.2, 0.22, 0.21, 0.2, 0.22]),
    trainLoss: spread([0.3, 0.31, 0.3, 0.32, 0.3]),
    trainAccuracy: spread([0.8, 0.8, 0.8, 0.8, 0.8]),
    milliseconds: 4500,
  })),
  train: { points: new Float32Array(0), labels: new Uint8Array(0) },
  flipped: 0,
};

describe('trainingFigure', () => {
  it('before any run: one empty panel per chosen scheme, in scheme order, and no tables', () => {
    const figure = trainingFigure({ ...DEFAULT_TRAINING, schemes: ['match', 'none'] }, IDLE_RUN);
    expect(figure.panels.map((p) => p.scheme)).toEqual(['none', 'match']);
    expect(figure.panels.every((p) => p.curve.length === 0 && p.grid === null)).toBe(true);
    expect(figure.finalRows).toBeNull();
    expect(figure.status).toBe('Not trained yet: press Train.');
  });

  it('while running: the streamed curves, no regions yet, and the share done', () => {
    const figure = trainingFigure(settings, { ...IDLE_RUN, status: 'running', settings, fraction: 0.25, curves: { inverted: [record(1, 0.7)] } });
    expect(figure.panels[0]!.curve).toHaveLength(1);
    expect(figure.panels[0]!.grid).toBeNull();
    expect(figure.panels[0]!.description).toContain('test accuracy 70.0 %');
    expect(figure.status).toBe('Training: 25 % done.');
  });

  it('when done: final numbers as mean ± sd over 5 seeds, accuracies in per cent, and the mismatch rows', () => {
    const figure = trainingFigure(settings, { ...IDLE_RUN, status: 'done', settings, elapsedMs: 9000, result, finished: result.runs });
    const accuracy = spread([90, 92, 94, 91, 93]);
    expect(figure.finalRows![0]).toEqual({
      scheme: 'inverted',
      label: SCHEME_LABELS.inverted,
      testAccuracy: `${accuracy.mean.toFixed(1)} ± ${accuracy.sd.toFixed(1)}`,
      testLoss: '0.210 ± 0.010',
      trainLoss: '0.306 ± 0.009',
      milliseconds: '4.5',
    });
    expect(figure.seedsNote).toContain('over 5 seeds (1 to 5)');
    expect(figure.mismatchRows![0]!.varianceShiftClosed).toBe('0.8805');
    expect(figure.mismatchRows![1]!.varianceShiftClosed).toBe('—');
    expect(figure.panels[1]!.grid).toEqual([0.2, 0.8]);
    expect(figure.lossMax).toBeCloseTo(0.6, 12);
    expect(figure.stale).toBe(false);
    expect(trainingFigure({ ...settings, seed: 2 }, { ...IDLE_RUN, status: 'done', settings, result }).stale).toBe(true);
  });

  it('sampledText shows two significant digits of the standard error (at most 4 decimals); spreadText omits ± for one seed', () => {
    expect(sampledText({ value: 0.87871, standardError: 0.005 })).toBe('0.8787 ± 0.0050');
    expect(sampledText({ value: 1.0023, standardError: 0.0003 })).toBe('1.0023 ± 0.0003');
    expect(spreadText({ mean: 0.5, sd: 0, values: [0.5] }, 3)).toBe('0.500');
  });
});
