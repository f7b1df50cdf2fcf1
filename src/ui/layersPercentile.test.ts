import { describe, expect, it } from 'vitest';
import { analyze } from '../math/index.ts';
import { brutePercentile } from '../math/testing.ts';
import { percentileSamples, thresholdPercentile } from './layersPercentile.ts';


describe('thresholdPercentile', () => {
  const x12 = [0.3, -0.1, 0.25, 0.05, 0.4, -0.2, 0.15, 0.1, -0.35, 0.2, 0.05, 0.3];
  it('is exact by enumeration for n ≤ 16 and counts ‖y‖ = t as ≤ t', () => {
    const result = thresholdPercentile(x12, 0.5, 1.0, 1);
    expect(result?.estimate.method).toBe('enumerate');
    expect(result?.estimate.value).toBeCloseTo(brutePercentile(x12, 0.5, 1.0), 12);
    // Equal units: ‖y‖ takes the values √k·‖x‖/(q√n) exactly; t on an atom includes it.
    const equal = [1, 1, 1, 1];
    const atom = Math.sqrt(2) / 0.5;
    expect(thresholdPercentile(equal, 0.5, atom, 1)?.estimate.value).toBeCloseTo(11 / 16, 12);
  });
  it('is exact by the split method for 16 < n ≤ 28', () => {
    const x = Array.from({ length: 20 }, (_, i) => Math.sin(i + 1));
    const result = thresholdPercentile(x, 0.4, 5, 1);
    expect(result?.estimate.method).toBe('split');
    const exact = analyze({ x, keep: 0.4, model: 'bernoulli', compensation: 'inverted', edges: [0, 5 + 1e-9, 100], method: 'enumerate' });
    expect(result?.estimate.value).toBeCloseTo(exact.histogram.probabilities[0] ?? Number.NaN, 12);
  });
  it('is sampled for n > 28, within 4 standard errors of the exact value', () => {
    const x = Array.from({ length: 30 }, (_, i) => Math.cos(0.7 * i) + 1.2);
    const result = thresholdPercentile(x, 0.5, 11, 3);
    expect(result?.estimate.method).toBe('sample');
    expect(result?.samples).toBe(percentileSamples(30));
    const exact = analyze({ x, keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges: [0, 11 + 1e-9, 100], method: 'split' });
    const p = exact.histogram.probabilities[0] ?? Number.NaN;
    const se = result?.estimate.standardError ?? 0;
    expect(se).toBeGreaterThan(0);
    expect(Math.abs((result?.estimate.value ?? 0) - p)).toBeLessThan(4 * se);
  });
  it('answers 1 beyond the largest ‖y‖ and never throws on bad input', () => {
    expect(thresholdPercentile([1, 2], 0.5, 100, 1)?.estimate.value).toBe(1);
    expect(thresholdPercentile([], 0.5, 1, 1)).toBeNull();
    expect(thresholdPercentile([1, Number.NaN], 0.5, 1, 1)).toBeNull();
    expect(thresholdPercentile([1, 2], 0, 1, 1)).toBeNull();
    expect(thresholdPercentile([0, 0], 0.5, 1, 1)?.estimate.value).toBe(1);
  });
});
