import { describe, expect, it } from 'vitest';
import { downstreamHistogram } from './meanDownstreamHistogram.ts';
import { meanFigureNumbers } from './meanFigureNumbers.ts';
import { enumerateUnitLaw } from './meanUnitLaw.ts';

const SEED_X = [0.1, 0.1, 0.2, 5.0];
const W = [0.7, -1.3, 0.45, 0.52];
const dot = SEED_X.reduce((s, v, i) => s + v * W[i]!, 0);
const sumSquares = SEED_X.reduce((s, v, i) => s + (v * W[i]!) ** 2, 0);

describe('enumerateUnitLaw', () => {
  it('gives E[y] = x, sd(y_i) = |x_i|√((1−q)/q), E[z] = w·x and Var z = (1−q)/q Σw²x² for 1/q', () => {
    const law = enumerateUnitLaw({ x: SEED_X, w: W, keep: 0.3, model: 'bernoulli', kept: 0, compensation: 'inverted' })!;
    expect(law.masks).toBe(16);
    law.meanY.forEach((m, i) => expect(m).toBeCloseTo(SEED_X[i]!, 14));
    law.sdY.forEach((s, i) => expect(s).toBeCloseTo(SEED_X[i]! * Math.sqrt(0.7 / 0.3), 13));
    expect(law.meanZ).toBeCloseTo(dot, 14);
    expect(law.varZ).toBeCloseTo((0.7 / 0.3) * sumSquares, 13);
    expect(law.zProbabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 15);
  });
  it('shrinks the mean by √q for 1/√q', () => {
    const law = enumerateUnitLaw({ x: SEED_X, w: W, keep: 0.5, model: 'bernoulli', kept: 0, compensation: 'sqrt' })!;
    law.meanY.forEach((m, i) => expect(m).toBeCloseTo(Math.sqrt(0.5) * SEED_X[i]!, 14));
  });
  it('reproduces docs/mathematics.md#reference-values for per-sample matching: E[y] = (8.27, 8.27, 5.89, 0.50)⊙x', () => {
    const law = enumerateUnitLaw({ x: SEED_X, w: W, keep: 0.5, model: 'bernoulli', kept: 0, compensation: 'match' })!;
    const ratios = law.meanY.map((m, i) => m / SEED_X[i]!);
    expect(ratios.map((r) => r.toFixed(2))).toEqual(['8.27', '8.27', '5.89', '0.50']);
  });
  it('uses the C(4, 2) = 6 masks of the fixed model with the n/(n−1) variance', () => {
    const law = enumerateUnitLaw({ x: SEED_X, w: W, keep: 0.5, model: 'fixed', kept: 2, compensation: 'inverted' })!;
    expect(law.masks).toBe(6);
    const b = SEED_X.map((v, i) => v * W[i]!);
    const spread = b.reduce((s, v) => s + (v - dot / 4) ** 2, 0);
    expect(law.meanZ).toBeCloseTo(dot, 14);
    expect(law.varZ).toBeCloseTo(1 * (4 / 3) * spread, 13);
  });
  it('refuses what it cannot compute instead of throwing', () => {
    expect(enumerateUnitLaw({ x: new Array(17).fill(1), w: new Array(17).fill(1), keep: 0.5, model: 'bernoulli', kept: 0, compensation: 'inverted' })).toBeNull();
    expect(enumerateUnitLaw({ x: SEED_X, w: W, keep: 0.5, model: 'fixed', kept: 0, compensation: 'inverted' })).toBeNull();
    expect(enumerateUnitLaw({ x: SEED_X, w: [1], keep: 0.5, model: 'bernoulli', kept: 0, compensation: 'inverted' })).toBeNull();
  });
});

describe('meanFigureNumbers', () => {
  for (const compensation of ['inverted', 'sqrt', 'none', 'constant'] as const) {
    it(`agrees between enumeration (n = 16) and the closed forms (n = 17 with a zero unit) for ${compensation}`, () => {
      const x = Array.from({ length: 16 }, (_, i) => Math.sin(i + 1));
      const w = x.map((_, i) => Math.cos(3 * i));
      const small = meanFigureNumbers({ x, w, keep: 0.4, model: 'bernoulli', kept: 0, compensation });
      const large = meanFigureNumbers({ x: [...x, 0], w: [...w, 1], keep: 0.4, model: 'bernoulli', kept: 0, compensation });
      if (!small.ok || !large.ok) throw new Error('expected numbers');
      expect(small.numbers.method).toBe('enumerate');
      expect(large.numbers.method).toBe('closed-form');
      expect(large.numbers.meanZ).toBeCloseTo(small.numbers.meanZ, 12);
      expect(large.numbers.varZ).toBeCloseTo(small.numbers.varZ, 12);
      small.numbers.meanY.forEach((m, i) => expect(large.numbers.meanY[i]).toBeCloseTo(m, 12));
      small.numbers.sdY!.forEach((s, i) => expect(large.numbers.sdY![i]).toBeCloseTo(s, 12));
    });
  }
  it('waits for the engine for per-sample matching above 16 units', () => {
    const x = Array.from({ length: 20 }, (_, i) => i + 1);
    const outcome = meanFigureNumbers({ x, w: x, keep: 0.5, model: 'bernoulli', kept: 0, compensation: 'match' });
    expect(outcome).toMatchObject({ ok: false, pending: true });
  });
  it('gives a reason for k = 0', () => {
    expect(meanFigureNumbers({ x: SEED_X, w: W, keep: 0.05, model: 'fixed', kept: 0, compensation: 'inverted' }).ok).toBe(false);
  });
});

describe('downstreamHistogram', () => {
  it('puts all the exact mass in the bins', () => {
    const law = enumerateUnitLaw({ x: SEED_X, w: W, keep: 0.5, model: 'bernoulli', kept: 0, compensation: 'inverted' })!;
    const bins = downstreamHistogram({ kind: 'exact', values: law.zValues, probabilities: law.zProbabilities }, { ...law, undropped: dot }, 32);
    expect(bins.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 14);
    expect(bins.edges).toHaveLength(33);
  });
  it('gives the normal’s mass within ±4 sd for the approximation (0.999937)', () => {
    const bins = downstreamHistogram({ kind: 'normal' }, { meanZ: 2, varZ: 9, undropped: 2 }, 40);
    expect(bins.approximate).toBe(true);
    expect(1 - bins.outside).toBeCloseTo(0.999936657516, 6);
  });
});
