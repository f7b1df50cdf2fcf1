import { describe, expect, it } from 'vitest';
import { normalApproximation, normalCdf, normalDistribution } from './normalApproximation.ts';

describe('normalCdf', () => {
  it('matches tabulated Φ values to 1e-7', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.8413447461, 7);
    expect(normalCdf(-1.96)).toBeCloseTo(0.0249978952, 7);
  });
});

describe('normalApproximation', () => {
  it('reproduces docs/mathematics.md#normal-and-edgeworth-approximations: P(‖y‖ ≥ 1.305) ≈ 0.311, 0.243, 0.162, 0.114, 0.0029 for n_eff = 32 … 1000', () => {
    const expected: readonly [number, number][] = [[32, 0.311], [64, 0.243], [128, 0.162], [192, 0.114], [1000, 0.0029]];
    for (const [n, above] of expected) {
      const x = new Array<number>(n).fill(0.885 / Math.sqrt(n));
      expect(1 - normalApproximation(x, 0.5, 1.305).normal).toBeCloseTo(above, above < 0.01 ? 4 : 3);
    }
  });
  it('has no skewness term at q = ½ (S and ‖x‖² − S have the same law)', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6];
    const { z, normal, edgeworth } = normalApproximation(x, 0.5, 10);
    // The kurtosis term alone: −φ(z)·γ₂/24·(z³ − 3z), γ₂ = −2Σa⁴/(Σa²)².
    const a = x.map((v) => v * v);
    const g2 = (-2 * a.reduce((s, v) => s + v ** 4, 0)) / a.reduce((s, v) => s + v * v, 0) ** 2;
    const zz = z ?? Number.NaN;
    const phi = Math.exp(-zz * zz / 2) / Math.sqrt(2 * Math.PI);
    expect(edgeworth).toBeCloseTo(normal - (phi * g2 * (zz ** 3 - 3 * zz)) / 24, 12);
  });
});

describe('normalDistribution', () => {
  it('is Φ of the standardised value', () => {
    expect(normalDistribution(3, 1, 2)).toBeCloseTo(0.8413447461, 7);
    expect(normalDistribution(1, 1, 0.1)).toBeCloseTo(0.5, 7);
  });
});
