import { describe, expect, it } from 'vitest';
import { layerMoments, layerSpec, SPREAD_UNITS, spreadCurve } from './layersMoments.ts';
import { bruteMaskedNorm } from '../math/testing.ts';

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
    const curve = spreadCurve('dominant', 1, 0.5);
    for (const p of curve) expect(p.nEff).toBeLessThan(1.02);
  });
});

describe('layerSpec', () => {
  it("keeps kind, seed and norm of a generated source and falls back to the 192-unit layer's kind (uniform, ‖x‖ = 0.885)", () => {
    expect(layerSpec({ kind: 'generated', spec: { kind: 'uniform', units: 8, seed: 3, norm: 2 } }, 64)).toEqual({ kind: 'uniform', units: 64, seed: 3, norm: 2 });
    expect(layerSpec({ kind: 'explicit', values: [1, 2] }, 192)).toEqual({ kind: 'uniform', seed: 7, norm: 0.885, units: 192 });
  });
});
