import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { bruteMaskedNorm, brutePercentile } from './bruteForce.ts';
import { runQuery } from './engine.ts';
import { layerMoments, layersSteps, SPREAD_UNITS, spreadCurve, thresholdPercentile } from './layers.ts';
import { isQuestionLayer } from './questionLayer.ts';
import { normalApproximation } from './normalApproximation.ts';
import { generateVector } from './vectorSpec.ts';

/** E‖m⊙x‖/q by brute force over all 2ⁿ masks. */
const bruteMeanNorm = (x: readonly number[], q: number) => bruteMaskedNorm(x, q) / q;

describe('layerMoments', () => {
  it('gives the question’s E‖y‖ = 5.157196642 and sd from E‖y‖² = ‖x‖²/q', () => {
    const m = layerMoments([0.1, 0.1, 0.2, 5], 0.5);
    expect(m.meanNorm).toBeCloseTo(5.157196642, 8);
    expect(m.meanNorm).toBeCloseTo(bruteMeanNorm([0.1, 0.1, 0.2, 5], 0.5), 12);
    expect(m.sdNorm).toBeCloseTo(Math.sqrt(25.06 / 0.5 - m.meanNorm ** 2), 12);
    expect(m.nEff).toBeCloseTo(628.0036 / 625.0018, 12);
  });
  it('agrees with brute force for a 10-unit vector at q = 0.3', () => {
    const x = [1, -2, 0.5, 3, 0, 1.5, -0.7, 2.2, 0.1, 1];
    const m = layerMoments(x, 0.3);
    expect(m.meanNorm).toBeCloseTo(bruteMeanNorm(x, 0.3), 12);
    expect(m.relativeSpread).toBeCloseTo(m.sdNorm / m.meanNorm, 14);
    expect(m.approximateSpread).toBeCloseTo(0.5 * Math.sqrt(0.7 / (0.3 * m.nEff)), 14);
  });
  it('has no spread for x = 0 or q = 1', () => {
    expect(layerMoments([0, 0], 0.5).relativeSpread).toBe(0);
    expect(layerMoments([1, 2], 1).sdNorm).toBeLessThan(1e-7);
  });
});

describe('spreadCurve', () => {
  it('covers n = 4 … 4096 and, for equal units, follows ½√((1−q)/(q n)) more closely as n grows', () => {
    const curve = spreadCurve('equal', 1, 0.5);
    expect(curve.map((p) => p.units)).toEqual(SPREAD_UNITS);
    expect(SPREAD_UNITS[0]).toBe(4);
    expect(SPREAD_UNITS.at(-1)).toBe(4096);
    for (const p of curve) expect(p.nEff).toBeCloseTo(p.units, 8);
    const last = curve.at(-1);
    expect(last?.approximateSpread).toBeCloseTo(0.5 / 64, 12);
    expect(Math.abs((last?.relativeSpread ?? 0) / (last?.approximateSpread ?? 1) - 1)).toBeLessThan(1e-3);
  });
  it('stays flat for a vector with one dominant unit (n_eff ≈ 1 whatever n)', () => {
    for (const p of spreadCurve('dominant', 1, 0.5)) expect(p.nEff).toBeLessThan(1.02);
  });
});

describe('thresholdPercentile', () => {
  const x12 = [0.3, -0.1, 0.25, 0.05, 0.4, -0.2, 0.15, 0.1, -0.35, 0.2, 0.05, 0.3];
  const request = (x: readonly number[], keep: number, threshold: number, seed = 1, samples = 200_000) => ({ x, keep, threshold, seed, samples });
  it('is exact by enumeration for n ≤ 16 and counts ‖y‖ = t as ≤ t', () => {
    const result = thresholdPercentile(request(x12, 0.5, 1.0));
    expect(result?.estimate.method).toBe('enumerate');
    expect(result?.estimate.value).toBeCloseTo(brutePercentile(x12, 0.5, 1.0), 12);
    // Equal units: ‖y‖ takes the values √k·‖x‖/(q√n) exactly; t on an atom includes it.
    expect(thresholdPercentile(request([1, 1, 1, 1], 0.5, Math.sqrt(2) / 0.5))?.estimate.value).toBeCloseTo(11 / 16, 12);
  });
  it('is exact by the split method for 16 < n ≤ 28', () => {
    const x = Array.from({ length: 20 }, (_, i) => Math.sin(i + 1));
    const result = thresholdPercentile(request(x, 0.4, 5));
    expect(result?.estimate.method).toBe('split');
    const exact = analyze({ x, keep: 0.4, model: 'bernoulli', compensation: 'inverted', edges: [0, 5 + 1e-9, 100], method: 'enumerate' });
    expect(result?.estimate.value).toBeCloseTo(exact.histogram.probabilities[0] ?? Number.NaN, 12);
  });
  it('is sampled for n > 28 with the count and seed asked, within 4 standard errors of the exact value', () => {
    const x = Array.from({ length: 30 }, (_, i) => Math.cos(0.7 * i) + 1.2);
    const result = thresholdPercentile(request(x, 0.5, 11, 3, 50_000));
    expect(result?.estimate.method).toBe('sample');
    expect(result?.samples).toBe(50_000);
    expect(result?.seed).toBe(3);
    const exact = analyze({ x, keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges: [0, 11 + 1e-9, 100], method: 'split' });
    const p = exact.histogram.probabilities[0] ?? Number.NaN;
    const se = result?.estimate.standardError ?? 0;
    expect(se).toBeGreaterThan(0);
    expect(Math.abs((result?.estimate.value ?? 0) - p)).toBeLessThan(4 * se);
  });
  it('answers 1 beyond the largest ‖y‖ and never throws on bad input', () => {
    expect(thresholdPercentile(request([1, 2], 0.5, 100))?.estimate.value).toBe(1);
    expect(thresholdPercentile(request([], 0.5, 1))).toBeNull();
    expect(thresholdPercentile(request([1, Number.NaN], 0.5, 1))).toBeNull();
    expect(thresholdPercentile(request([1, 2], 0, 1))).toBeNull();
    expect(thresholdPercentile(request([0, 0], 0.5, 1))?.estimate.value).toBe(1);
  });
  it('carries the one normal and Edgeworth approximation', () => {
    const result = thresholdPercentile(request(x12, 0.5, 1.0));
    const approx = normalApproximation(x12, 0.5, 1.0);
    expect(result?.normal).toBe(approx.normal);
    expect(result?.edgeworth).toBe(approx.edgeworth);
    expect(result?.z).toBe(approx.z);
  });
});

describe('the layers kind', () => {
  const x = generateVector({ kind: 'uniform', units: 192, seed: 7, norm: 0.885 });
  const input = { x, keep: 0.5, threshold: 1.305, samples: 20_000, seed: 1, spread: { kind: 'uniform' as const, seed: 7 } };
  it('yields between steps for a sampled layer and ends with moments, spread and percentile', () => {
    const steps = layersSteps(input);
    const fractions: number[] = [];
    const partials: unknown[] = [];
    let step = steps.next();
    while (step.done !== true) {
      fractions.push(step.value.fraction);
      // Partial answers never carry a percentile they do not know yet.
      if (step.value.partial !== undefined) partials.push(step.value.partial.percentile);
      step = steps.next();
    }
    const out = step.value;
    expect(out.moments).toEqual(layerMoments(x, 0.5));
    expect(out.spread).toEqual(spreadCurve('uniform', 7, 0.5));
    const p = out.percentile;
    expect(p !== null && p !== 'pending' && p.estimate.method === 'sample' && p.samples === 20_000).toBe(true);
    expect(partials.length).toBeGreaterThan(0);
    expect(partials.every((v) => v === 'pending')).toBe(true);
    expect(fractions.every((f, i) => i === 0 || f >= (fractions[i - 1] ?? 0))).toBe(true);
    const yields = fractions.length;
    expect(yields).toBeGreaterThan(2);
  });
  it('computes no percentile without a threshold', () => {
    expect(runQuery('layers', { ...input, threshold: null }).percentile).toBeNull();
  });
  it('knows the question’s layer: 192 units, ‖x‖ = 0.885, q = ½', () => {
    expect(isQuestionLayer(x, 0.5)).toBe(true);
    expect(isQuestionLayer(x, 0.4)).toBe(false);
    expect(isQuestionLayer([0.1, 0.1, 0.2, 5], 0.5)).toBe(false);
    expect(isQuestionLayer(x.map((v) => 2 * v), 0.5)).toBe(false);
  });
});
