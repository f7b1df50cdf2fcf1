import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteUnitLaw } from './bruteUnitLaw.ts';
import { runQuery } from './engine.ts';
import { expectedMaskedNormFixed } from './expectedNorm.ts';
import { COMPENSATIONS, type Compensation } from './types.ts';
import { unitLaw, unitLawSteps, validateUnitLaw, type UnitLawInput } from './unitLaw.ts';

const SEED_X = [0.1, 0.1, 0.2, 5.0];
const W = [0.7, -1.3, 0.45, 0.52];
const dot = SEED_X.reduce((s, v, i) => s + v * W[i]!, 0);
const sumSquares = SEED_X.reduce((s, v, i) => s + (v * W[i]!) ** 2, 0);

const input = (over: Partial<UnitLawInput>): UnitLawInput => ({
  x: SEED_X, w: W, keep: 0.5, model: 'bernoulli', kept: null, compensation: 'inverted', bins: 32, samples: 4000, seed: 1,
  ...over,
});

describe('unitLaw, enumerated (n ≤ 16)', () => {
  it('gives E[y] = x, sd(y_i) = |x_i|√((1−q)/q), E[z] = w·x and Var z = (1−q)/q Σw²x² for 1/q', () => {
    const law = unitLaw(input({ keep: 0.3 }));
    expect(law.enumerated).toBe(16);
    expect(law.meanY.method).toBe('enumerate');
    law.meanY.values.forEach((m, i) => expect(m).toBeCloseTo(SEED_X[i]!, 14));
    law.sdY!.values.forEach((s, i) => expect(s).toBeCloseTo(SEED_X[i]! * Math.sqrt(0.7 / 0.3), 13));
    expect(law.meanZ.value).toBeCloseTo(dot, 14);
    expect(law.varZ.value).toBeCloseTo((0.7 / 0.3) * sumSquares, 13);
    expect(law.zBins.kind).toBe('exact');
    expect(law.zBins.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 14);
    expect(law.zBins.edges).toHaveLength(33);
  });
  it('shrinks the mean by √q for 1/√q', () => {
    const law = unitLaw(input({ compensation: 'sqrt' }));
    law.meanY.values.forEach((m, i) => expect(m).toBeCloseTo(Math.sqrt(0.5) * SEED_X[i]!, 14));
    expect(law.scale!.value).toBeCloseTo(Math.SQRT2, 14);
  });
  it('reproduces docs/mathematics.md#reference-values for per-sample matching: E[y] = (8.27, 8.27, 5.89, 0.50)⊙x', () => {
    const law = unitLaw(input({ compensation: 'match' }));
    expect(law.scale).toBeNull();
    expect(law.meanY.values.map((m, i) => (m / SEED_X[i]!).toFixed(2))).toEqual(['8.27', '8.27', '5.89', '0.50']);
  });
  it('uses the C(4, 2) = 6 masks of the fixed model with the n/(n−1) variance', () => {
    const law = unitLaw(input({ model: 'fixed', kept: 2 }));
    expect(law.enumerated).toBe(6);
    expect(law.keep).toBe(0.5);
    const b = SEED_X.map((v, i) => v * W[i]!);
    const spread = b.reduce((s, v) => s + (v - dot / 4) ** 2, 0);
    expect(law.meanZ.value).toBeCloseTo(dot, 14);
    expect(law.varZ.value).toBeCloseTo((4 / 3) * spread, 13);
  });
  it('refuses, in plain words, what it cannot compute', () => {
    expect(validateUnitLaw(input({ model: 'fixed', kept: 0 }))).toMatch(/whole number of units from 1 to 4/);
    expect(validateUnitLaw(input({ w: [1] }))).toMatch(/4 finite numbers/);
    expect(validateUnitLaw(input({ keep: 0 }))).toMatch(/greater than 0/);
    expect(() => unitLaw(input({ x: [] }))).toThrow(RangeError);
  });
  it('is the engine kind "mean"', () => {
    expect(runQuery('mean', input({ compensation: 'none' })).meanZ.value).toBeCloseTo(0.5 * dot, 14);
  });
  it('yields between units, so that the worker can cancel', () => {
    const steps = unitLawSteps(input({ x: Array.from({ length: 16 }, (_, i) => i + 1), w: new Array(16).fill(0.25) }));
    let yields = 0;
    while (steps.next().done !== true) yields++;
    expect(yields).toBe(16);
  });
});

const smallVector = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.tuple(
    fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: n, maxLength: n }),
    fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n, maxLength: n }),
  ),
);

describe('unitLaw against brute force over the masks', () => {
  it('agrees on E[y_i], sd(y_i), E[z] and Var z for both unit models and every compensation (n ≤ 6)', () => {
    fc.assert(
      fc.property(
        smallVector,
        fc.constantFrom(...COMPENSATIONS),
        fc.boolean(),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        ([x, w], compensation, fixed, share) => {
          const kept = fixed ? Math.max(1, Math.round(share * x.length)) : null;
          const keep = kept === null ? share : kept / x.length;
          const law = unitLaw(input({ x, w, keep, model: fixed ? 'fixed' : 'bernoulli', kept, compensation }));
          const brute = bruteUnitLaw({ x, w, keep, kept, compensation });
          const scale = Math.max(1, ...x.map(Math.abs)) * Math.max(1, ...w.map(Math.abs)) * (1 / keep);
          const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * scale * scale);
          law.meanY.values.forEach((m, i) => close(m, brute.meanY[i]!));
          law.sdY!.values.forEach((s, i) => close(s, brute.sdY[i]!));
          close(law.meanZ.value, brute.meanZ);
          close(law.varZ.value, brute.varZ);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('unitLaw above the enumeration limit', () => {
  const x16 = Array.from({ length: 16 }, (_, i) => Math.sin(i + 1));
  const w16 = x16.map((_, i) => Math.cos(3 * i));
  for (const compensation of COMPENSATIONS) {
    it(`agrees between enumeration (n = 16) and the closed forms or the engine (n = 17 with a zero unit) for ${compensation}`, () => {
      const small = unitLaw(input({ x: x16, w: w16, keep: 0.4, compensation }));
      const large = unitLaw(input({ x: [...x16, 0], w: [...w16, 1], keep: 0.4, compensation }));
      expect(small.meanY.method).toBe('enumerate');
      expect(large.meanY.method).toBe('closed-form');
      expect(large.enumerated).toBeNull();
      expect(large.zBins.kind).toBe('normal');
      expect(large.meanZ.value).toBeCloseTo(small.meanZ.value, 10);
      expect(large.varZ.value).toBeCloseTo(small.varZ.value, 10);
      small.meanY.values.forEach((m, i) => expect(large.meanY.values[i]).toBeCloseTo(m, 10));
      // Per-sample matching has no sd(y_i) above the limit; the others agree with enumeration.
      expect(large.sdY === null).toBe(compensation === 'match');
      const sdGap = Math.max(0, ...(large.sdY?.values ?? []).slice(0, 16).map((s, i) => Math.abs(s - small.sdY!.values[i]!)));
      expect(sdGap).toBeLessThan(1e-12);
    });
  }
  it('asks the norm engine for per-sample matching under the fixed model (enumerated there for n ≤ 20), against brute force', () => {
    const x = Array.from({ length: 17 }, (_, i) => 1 + (i % 5));
    const w = x.map((_, i) => ((i * 7) % 5) - 2);
    const law = unitLaw(input({ x, w, keep: 6 / 17, model: 'fixed', kept: 6, compensation: 'match' }));
    const brute = bruteUnitLaw({ x, w, keep: 6 / 17, kept: 6, compensation: 'match' });
    expect(law.meanY.method).toBe('enumerate');
    law.meanY.values.forEach((m, i) => expect(m).toBeCloseTo(brute.meanY[i]!, 10));
    expect(law.meanZ.value).toBeCloseTo(brute.meanZ, 10);
    expect(law.varZ.value).toBeCloseTo(brute.varZ, 9);
  });
  it('samples c* with the norm engine for a fixed-count layer too large for the quadrature, and carries its standard error', () => {
    const n = 500;
    const x = Array.from({ length: n }, (_, i) => Math.cos(i) + 1.5);
    const w = x.map((_, i) => Math.sin(2 * i));
    const kept = 250;
    const law = unitLaw(input({ x, w, keep: 0.5, model: 'fixed', kept, compensation: 'constant' as Compensation, samples: 2000, seed: 3 }));
    expect(law.scale!.method).toBe('sample');
    expect(law.samples).toBe(2000);
    expect(law.seed).toBe(3);
    const exact = Math.hypot(...x) / expectedMaskedNormFixed(x, kept);
    const error = law.scale!.standardError!;
    expect(error).toBeGreaterThan(0);
    expect(Math.abs(law.scale!.value - exact)).toBeLessThan(5 * error);
    expect(law.meanZ.value).toBeCloseTo(law.scale!.value * 0.5 * law.undropped, 12);
    expect(law.meanZ.standardError).toBeCloseTo(error * 0.5 * Math.abs(law.undropped), 12);
    expect(law.meanY.standardErrors).toHaveLength(n);
  });
});
