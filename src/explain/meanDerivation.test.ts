import { describe, expect, it } from 'vitest';
import { downstreamMoments } from '../math/index.ts';
import { bruteUnitLaw } from '../math/testing.ts';
import {
  biasedMeanTex,
  type DownstreamInput,
  downstreamMeanSymbolTex,
  downstreamMeanTex,
  downstreamVarianceSymbolTex,
  downstreamVarianceTex,
  formatAdaptive,
  unitMeanTex,
  unitVarianceTex,
} from './meanDerivation.ts';

const SEED_X = [0.1, 0.1, 0.2, 5.0];
const W = [0.7, -1.3, 0.45, 0.52];

/** E[z] and Var z of z = w·(m⊙x)/q by brute force over the masks (kept = null: Bernoulli). */
function bruteDownstream(x: number[], w: number[], keep: number, kept: number | null) {
  const { meanZ, varZ } = bruteUnitLaw({ x, w, keep, kept, compensation: 'inverted' });
  return { mean: meanZ, variance: varZ };
}

/** The derivation's input with the engine's sums. */
function downstream(x: number[], w: number[], keep: number, model: 'bernoulli' | 'fixed'): DownstreamInput {
  return { x, w, keep, model, moments: downstreamMoments({ x, w, keep, model }) };
}

/** The numbers in a TeX string, in order ("-1.5" and "2" included). */
const numbersIn = (tex: string) => [...tex.matchAll(/-?\d+\.\d+/g)].map((m) => Number(m[0]));
const last = (values: number[]) => values[values.length - 1]!;

describe('formatAdaptive', () => {
  it('shows 4 decimals from 0.01 up, and 4 significant digits below', () => {
    expect(formatAdaptive(5)).toBe('5.0000');
    expect(formatAdaptive(-2.5)).toBe('−2.5000');
    expect(formatAdaptive(0.00123456)).toBe('0.001235');
    expect(formatAdaptive(0)).toBe('0.0000');
  });
});

describe('unitMeanTex', () => {
  it('shows E[y_4] = 5.0000 · 0.50 / 0.50 = 5.0000 for the question’s largest unit', () => {
    const tex = unitMeanTex({ value: 5, index: 4, keep: 0.5 });
    expect(tex).toContain(String.raw`\frac{5.0000 \cdot 0.50}{0.50} = 5.0000 = x_{4}`);
  });
});

describe('unitVarianceTex', () => {
  it('gives Var(y_i) = x_i²(1−q)/q and sd = |x_i|√((1−q)/q) at q = 0.3', () => {
    const tex = unitVarianceTex({ value: 5, index: 4, keep: 0.3 });
    const [square, drop, keep, variance, sd] = numbersIn(tex);
    expect(square).toBe(25);
    expect(drop).toBe(0.7);
    expect(keep).toBe(0.3);
    expect(variance).toBeCloseTo((25 * 0.7) / 0.3, 4);
    expect(sd).toBeCloseTo(5 * Math.sqrt(0.7 / 0.3), 4);
  });
});

describe('biasedMeanTex', () => {
  it('shows that 1/√q shrinks the mean to √q·x_i (≠ x_i)', () => {
    const tex = biasedMeanTex({ value: 5, index: 4, keep: 0.5, scale: 1 / Math.sqrt(0.5), scaleTex: String.raw`1/\sqrt q`, mean: Math.sqrt(0.5) * 5 });
    expect(tex).toContain(String.raw`\ne x_{4} = 5.0000`);
    expect(tex).toContain(`= ${(Math.sqrt(0.5) * 5).toFixed(4)}`);
  });
  it('writes = when the scale is 1/q', () => {
    expect(biasedMeanTex({ value: 5, index: 4, keep: 0.5, scale: 2, scaleTex: '1/q', mean: 5 })).toContain('= x_{4}');
  });
});

describe('downstreamMeanTex', () => {
  it('writes w·x term by term for n = 4 and ends on Σ w_i x_i', () => {
    const tex = downstreamMeanTex(downstream(SEED_X, W, 0.5, 'bernoulli'));
    const expected = 0.7 * 0.1 - 1.3 * 0.1 + 0.45 * 0.2 + 0.52 * 5;
    expect(tex).toContain(String.raw`0.7000\cdot 0.1000 + (-1.3000)\cdot 0.1000`);
    expect(last(numbersIn(tex))).toBeCloseTo(expected, 4);
    expect(tex).toContain('term=z-mean');
    expect(tex).toContain('term=z-undropped');
  });
  it('writes Σ for more than 6 units', () => {
    const x = Array.from({ length: 8 }, (_, i) => i + 1);
    const w = x.map(() => 0.5);
    const tex = downstreamMeanTex(downstream(x, w, 0.5, 'bernoulli'));
    expect(tex.match(/\\cdot/g)).toHaveLength(1);
    expect(last(numbersIn(tex))).toBe(18);
  });
});

describe('downstreamVarianceTex', () => {
  it('gives (1−q)/q Σ w_i²x_i² and its sd, against brute force, at q = 0.3', () => {
    const brute = bruteDownstream(SEED_X, W, 0.3, null);
    const numbers = numbersIn(downstreamVarianceTex(downstream(SEED_X, W, 0.3, 'bernoulli')));
    const sumSquares = SEED_X.reduce((s, v, i) => s + (W[i]! * v) ** 2, 0);
    expect(numbers[2]).toBeCloseTo(sumSquares, 4);
    expect(numbers[3]).toBeCloseTo(brute.variance, 4);
    expect(numbers[4]).toBeCloseTo(Math.sqrt(brute.variance), 4);
  });
  it('uses the n/(n−1) finite-population form for the fixed model, against brute force (k = 2)', () => {
    const brute = bruteDownstream(SEED_X, W, 0.5, 2);
    const tex = downstreamVarianceTex(downstream(SEED_X, W, 0.5, 'fixed'));
    expect(tex).toContain(String.raw`\frac{4}{3}`);
    const numbers = numbersIn(tex);
    expect(numbers[numbers.length - 2]).toBeCloseTo(brute.variance, 4);
  });
  it('gives variance 0 at q = 1 (nothing dropped)', () => {
    const numbers = numbersIn(downstreamVarianceTex(downstream(SEED_X, W, 1, 'bernoulli')));
    expect(numbers[numbers.length - 2]).toBe(0);
  });
});

describe('downstreamMeanSymbolTex and downstreamVarianceSymbolTex', () => {
  it('write the formulas without numbers, with the linked terms, for each unit model', () => {
    expect(downstreamMeanSymbolTex()).toContain('term=z-mean');
    expect(numbersIn(downstreamMeanSymbolTex())).toEqual([]);
    expect(downstreamVarianceSymbolTex('bernoulli')).toContain(String.raw`\sum_i w_i^2 x_i^2`);
    expect(downstreamVarianceSymbolTex('fixed')).toContain(String.raw`\frac{n}{n-1}`);
    expect(downstreamVarianceSymbolTex('fixed')).toContain('term=z-sd');
  });
});
