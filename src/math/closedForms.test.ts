import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closedForms, type ClosedFormInput } from './closedForms.ts';
import { compensationScale } from './compensations.ts';
import { COMPENSATIONS, type Compensation } from './types.ts';

/** Every mask with its probability under the model: Bernoulli(q) i.i.d. or uniform k-subsets. */
function masks(n: number, model: 'bernoulli' | 'fixed', q: number, k: number): { mask: number[]; p: number }[] {
  const all: { mask: number[]; p: number }[] = [];
  const subsets = model === 'fixed' ? binomial(n, k) : 0;
  for (let code = 0; code < 2 ** n; code++) {
    const mask = Array.from({ length: n }, (_, i) => (code >> i) & 1);
    const kept = mask.reduce((s, m) => s + m, 0);
    if (model === 'fixed') {
      if (kept === k) all.push({ mask, p: 1 / subsets });
    } else {
      all.push({ mask, p: q ** kept * (1 - q) ** (n - kept) });
    }
  }
  return all;
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let j = 0; j < k; j++) c = (c * (n - j)) / (j + 1);
  return c;
}

/** All ClosedForms fields by brute force over the masks, straight from the definitions. */
function bruteForce(input: ClosedFormInput & { kept: number }) {
  const { x, model, compensation, downstream: w } = input;
  const n = x.length;
  const q = model === 'fixed' ? input.kept / n : input.keep;
  const all = masks(n, model, q, input.kept);
  const norm = Math.hypot(...x);
  const sum4 = x.reduce((s, v) => s + v ** 4, 0);
  const expectation = (f: (mask: number[]) => number): number => all.reduce((s, { mask, p }) => s + p * f(mask), 0);
  const maskedNorm = (mask: number[]): number => Math.hypot(...x.map((v, i) => v * mask[i]!));
  const expectedMasked = expectation(maskedNorm);
  const constantScale = norm / expectedMasked;
  const scaleOf = (mask: number[]): number => {
    if (compensation === 'match') return maskedNorm(mask) > 0 ? norm / maskedNorm(mask) : 0;
    return { inverted: 1 / q, none: 1, sqrt: 1 / Math.sqrt(q), constant: constantScale }[compensation];
  };
  const y = (mask: number[]): number[] => x.map((v, i) => scaleOf(mask) * mask[i]! * v);
  const z = (mask: number[]): number => y(mask).reduce((s, v, i) => s + v * w[i]!, 0);
  const downstreamMean = expectation(z);
  return {
    norm,
    nEff: norm ** 4 / sum4,
    pAllDropped: expectation((mask) => (maskedNorm(mask) === 0 ? 1 : 0)),
    expectedMaskedNorm: expectedMasked,
    constantScale,
    meanNorm: expectation((mask) => Math.hypot(...y(mask))),
    meanSquareNorm: expectation((mask) => y(mask).reduce((s, v) => s + v * v, 0)),
    meanVector: x.map((_, i) => expectation((mask) => y(mask)[i]!)),
    downstreamMean,
    downstreamVariance: expectation((mask) => (z(mask) - downstreamMean) ** 2),
    downstreamSecondMoment: expectation((mask) => z(mask) ** 2),
    undroppedDownstream: x.reduce((s, v, i) => s + v * w[i]!, 0),
    q,
  };
}

const close = (value: number, exact: number, scale: number, tolerance = 1e-10): void => {
  expect(Math.abs(value - exact)).toBeLessThanOrEqual(tolerance * (Math.abs(exact) + scale));
};

const entry = fc
  .tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -3, max: 3 }), fc.boolean())
  .map(([m, e, negative]) => (negative ? -1 : 1) * m * 10 ** e);
const vectorAndWeights = fc
  .array(fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 8, arbitrary: entry }), { minLength: 1, maxLength: 9 })
  .filter((x) => x.some((v) => v !== 0))
  .chain((x) => fc.tuple(fc.constant(x), fc.array(fc.integer({ min: -128, max: 128 }).map((k) => k / 64), { minLength: x.length, maxLength: x.length })));

describe('closedForms(input)', () => {
  it('matches brute-force enumeration in every field, every model and compensation', () => {
    fc.assert(
      fc.property(
        vectorAndWeights,
        fc.constantFrom(...COMPENSATIONS),
        fc.constantFrom('bernoulli' as const, 'fixed' as const),
        fc.double({ min: 0.02, max: 1, noNaN: true }),
        ([x, w], compensation, model, share) => {
          const kept = Math.max(1, Math.round(share * x.length));
          const input = { x, keep: share, model, kept, compensation, downstream: w };
          const exact = bruteForce(input);
          const cf = closedForms(input);
          const n = x.length;
          const yScale = exact.norm * Math.max(1, exact.constantScale, 1 / exact.q);
          const zScale = yScale * Math.hypot(...w);
          close(cf.norm, exact.norm, 0);
          close(cf.nEff, exact.nEff, 0);
          close(cf.pAllDropped, exact.pAllDropped, 1e-300);
          close(cf.expectedMaskedNorm, exact.expectedMaskedNorm, 0);
          close(cf.constantScale, exact.constantScale, 0);
          close(cf.undroppedDownstream, exact.undroppedDownstream, zScale);
          expect(cf.scale).toBe(compensation === 'match' ? null : compensationScale(compensation, exact.q, cf.constantScale));
          close(cf.meanNorm!, exact.meanNorm, 0);
          close(cf.meanSquareNorm!, exact.meanSquareNorm, 0);
          // Per-sample matching under the fixed model has no closed form for E[y] and z.
          const unavailable = compensation === 'match' && model === 'fixed';
          expect([cf.meanVector === null, cf.downstreamMean === null, cf.downstreamVariance === null]).toEqual([unavailable, unavailable, unavailable]);
          if (unavailable) return;
          for (let i = 0; i < n; i++) close(cf.meanVector![i]!, exact.meanVector[i]!, yScale);
          close(cf.downstreamMean!, exact.downstreamMean, zScale);
          close(cf.downstreamVariance!, exact.downstreamVariance, exact.downstreamSecondMoment + zScale * zScale * 1e-6);
        },
      ),
      { numRuns: 400, seed: 424242 },
    );
  });

  it('the seed at q = ½ with per-sample rescaling gives E[y] = (8.27, 8.27, 5.89, 0.50)⊙x (docs/mathematics.md#reference-values)', () => {
    const x = [0.1, 0.1, 0.2, 5.0];
    const input = { x, keep: 0.5, model: 'bernoulli' as const, kept: 0, compensation: 'match' as const, downstream: [1, 2, 3, 4] };
    const cf = closedForms(input);
    const exact = bruteForce(input);
    const ratios = cf.meanVector!.map((v, i) => v / x[i]!);
    expect(ratios.map((r) => r.toFixed(2))).toEqual(['8.27', '8.27', '5.89', '0.50']);
    ratios.forEach((r, i) => expect(Math.abs(r - exact.meanVector[i]! / x[i]!)).toBeLessThan(1e-12));
  });

  it('inverted: ‖x‖ ≤ E‖y‖ ≤ ‖x‖/√q, E[y] = x, E‖y‖² = ‖x‖²/q, and 1/√q ≤ c* ≤ 1/q', () => {
    fc.assert(
      fc.property(vectorAndWeights, fc.double({ min: 0.02, max: 1, noNaN: true }), fc.boolean(), ([x, w], share, fixed) => {
        const n = x.length;
        const kept = Math.max(1, Math.round(share * n));
        const cf = closedForms({ x, keep: share, model: fixed ? 'fixed' : 'bernoulli', kept, compensation: 'inverted', downstream: w });
        const q = fixed ? kept / n : share;
        const slack = 1 + 1e-12;
        expect(cf.meanNorm!).toBeGreaterThanOrEqual(cf.norm / slack);
        expect(cf.meanNorm!).toBeLessThanOrEqual((cf.norm / Math.sqrt(q)) * slack);
        expect(cf.constantScale).toBeGreaterThanOrEqual(1 / Math.sqrt(q) / slack);
        expect(cf.constantScale).toBeLessThanOrEqual((1 / q) * slack);
        cf.meanVector!.forEach((v, i) => close(v, x[i]!, 0, 1e-14));
        close(cf.meanSquareNorm!, (cf.norm * cf.norm) / q, 0, 1e-14);
      }),
      { numRuns: 200, seed: 77 },
    );
  });

  it('fixed model: Cov(m_i, m_j) = −q(1−q)/(n−1) by enumeration, hence Var(w·y) with the n/(n−1) correction', () => {
    for (const [n, k] of [[4, 2], [6, 1], [7, 5], [9, 4]] as const) {
      const q = k / n;
      const all = masks(n, 'fixed', q, k);
      const e = (f: (m: number[]) => number): number => all.reduce((s, { mask, p }) => s + p * f(mask), 0);
      const covariance = e((m) => m[0]! * m[1]!) - e((m) => m[0]!) * e((m) => m[1]!);
      expect(Math.abs(covariance - (-q * (1 - q)) / (n - 1))).toBeLessThan(1e-14);
      expect(Math.abs(e((m) => m[2]!) - q)).toBeLessThan(1e-14);
    }
  });

  it('x = 0: n_eff = 0, c* = 1/q, P0 = 1, every moment 0', () => {
    for (const compensation of COMPENSATIONS as readonly Compensation[]) {
      const cf = closedForms({ x: [0, 0, 0], keep: 0.25, model: 'bernoulli', compensation, downstream: [1, 1, 1] });
      expect(cf.nEff).toBe(0);
      expect(cf.constantScale).toBe(4);
      expect(cf.pAllDropped).toBe(1);
      expect(cf.meanNorm).toBe(0);
      expect(cf.meanSquareNorm).toBe(0);
      expect(cf.downstreamMean).toBe(0);
      expect(cf.downstreamVariance).toBe(0);
    }
  });

  it('works at n = 192 (fixed k = 96) and n = 10000 (Bernoulli, per-sample matching included)', () => {
    const x = Array.from({ length: 10000 }, (_, i) => Math.abs(Math.sin(i)) + 0.01);
    const w = Array.from({ length: 10000 }, (_, i) => Math.cos(i * 0.3));
    const big = closedForms({ x, keep: 0.5, model: 'bernoulli', compensation: 'match', downstream: w });
    // Spread vector: per-sample matching scales by ≈ 1/√q, so E[y] ≈ √q⁻¹·q·x = √q·x.
    expect(Math.abs(big.meanVector![5]! / x[5]! - Math.sqrt(0.5)) / Math.sqrt(0.5)).toBeLessThan(0.01);
    expect(big.downstreamVariance!).toBeGreaterThan(0);
    const small = closedForms({ x: x.slice(0, 192), keep: 0.5, model: 'fixed', kept: 96, compensation: 'constant', downstream: w.slice(0, 192) });
    close(small.meanNorm!, small.norm, 0, 1e-14); // c* makes E‖y‖ = ‖x‖ exactly
  });
});
