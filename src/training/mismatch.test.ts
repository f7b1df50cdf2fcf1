/**
 * The mismatch measurement against the page's exact results (docs/mathematics.md#train-test-mismatch-and-variance-shift):
 * the next-layer mean under dropout is s·q·(w·h) (w·h for inverted dropout) within its standard
 * error, the conditional variance is s²q(1−q)Σw²h², and the measured variance shift agrees with
 * its closed form, which for one unit is Li et al.'s q·v/(v + (1 − q)c²).
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../math/index.ts';
import { closedVarianceShift, measureMismatch } from './mismatch.ts';

const h = Float64Array.from([0.4, 1.2, 0, 2.1, 0.7, 0.3, 1.6, 0.05]);
const w = Float64Array.from([0.5, -0.3, 0.8, 0.2, -0.6, 1.1, 0.4, -0.9]);
const dot = h.reduce((a, v, i) => a + v * w[i]!, 0);

describe('measureMismatch on one input (the downstream unit)', () => {
  for (const [scheme, keep, slope] of [
    ['inverted', 0.5, 1],
    ['inverted', 0.8, 1],
    ['sqrt', 0.5, Math.sqrt(0.5)],
    ['paper', 0.5, 1],
  ] as const) {
    it(`${scheme}, q = ${keep}: E[z]/(t·w·h) = ${slope.toFixed(4)} within 3 standard errors, Var[z|h] = s²q(1−q)Σw²h²`, () => {
      const m = measureMismatch({ scheme, keep, hidden: h, points: 1, units: 8, weights: w, outputs: 1, draws: 20000, random: createRandom(11) });
      expect(m.meanSlopeClosed).toBeCloseTo(slope, 12);
      expect(Math.abs(m.meanSlope.value - slope)).toBeLessThan(3 * m.meanSlope.standardError);
      expect(m.meanSlope.standardError).toBeLessThan(0.02);
      // With one point the per-draw "ratio" is the whole estimate; compare the pooled variance instead.
      expect(m.conditionalVarianceRatio).toBeNull();
    });
  }

  it('the mean of z under inverted dropout is w·h (not scaled): E[z] = w·x', () => {
    const m = measureMismatch({ scheme: 'inverted', keep: 0.5, hidden: h, points: 1, units: 8, weights: w, outputs: 1, draws: 20000, random: createRandom(5) });
    const meanZ = m.meanSlope.value * dot;
    expect(Math.abs(meanZ - dot)).toBeLessThan(3 * m.meanSlope.standardError * Math.abs(dot));
  });
});

/** Random ReLU-like activations (points × units) and weights (units × outputs). */
function layer(points: number, units: number, outputs: number, seed: number) {
  const random = createRandom(seed);
  const hidden = Float64Array.from({ length: points * units }, () => Math.max(0, 0.3 + random.normal()));
  const weights = Float64Array.from({ length: units * outputs }, () => random.normal() / Math.sqrt(units));
  return { hidden, weights };
}

describe('variance shift: measured against its closed form', () => {
  for (const [scheme, keep] of [
    ['inverted', 0.5],
    ['inverted', 0.8],
    ['sqrt', 0.6],
    ['paper', 0.7],
  ] as const) {
    it(`${scheme}, q = ${keep}: within 4 standard errors; Var[z|h] over its formula within 4 standard errors of 1`, () => {
      const { hidden, weights } = layer(300, 16, 6, 21);
      const m = measureMismatch({ scheme, keep, hidden, points: 300, units: 16, weights, outputs: 6, draws: 60, random: createRandom(3) });
      expect(m.varianceShiftClosed).not.toBeNull();
      expect(Math.abs(m.varianceShift.value - m.varianceShiftClosed!)).toBeLessThan(4 * m.varianceShift.standardError);
      expect(m.varianceShift.standardError).toBeLessThan(0.02);
      expect(Math.abs(m.conditionalVarianceRatio!.value - 1)).toBeLessThan(4 * m.conditionalVarianceRatio!.standardError);
    });
  }

  it('for one unit (w = 1) the closed form is Li et al.’s q·v/(v + (1 − q)c²) with the data’s mean c and variance v', () => {
    const random = createRandom(9);
    const values = Float64Array.from({ length: 500 }, () => Math.max(0, 0.5 + random.normal()));
    const c = values.reduce((a, b) => a + b, 0) / values.length;
    const v = values.reduce((a, b) => a + b * b, 0) / values.length - c * c;
    for (const q of [0.3, 0.5, 0.9]) {
      const delta = closedVarianceShift({ scheme: 'inverted', keep: q, hidden: values, points: 500, units: 1, weights: Float64Array.from([1]), outputs: 1 });
      expect(delta).toBeCloseTo((q * v) / (v + (1 - q) * c * c), 12);
    }
  });

  it('norm matching and c* have no closed form; no dropout has none of the mismatch', () => {
    const { hidden, weights } = layer(50, 8, 3, 4);
    const base = { keep: 0.5, hidden, points: 50, units: 8, weights, outputs: 3, draws: 5 };
    expect(measureMismatch({ ...base, scheme: 'match', random: createRandom(1) }).varianceShiftClosed).toBeNull();
    expect(measureMismatch({ ...base, scheme: 'constant', random: createRandom(1) }).meanSlopeClosed).toBeNull();
    const none = measureMismatch({ ...base, scheme: 'none', random: createRandom(1) });
    expect(none.varianceShift.value).toBeCloseTo(1, 12);
    expect(none.meanSlope.value).toBeCloseTo(1, 12);
  });
});
