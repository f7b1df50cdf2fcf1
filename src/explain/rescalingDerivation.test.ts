import { describe, expect, it } from 'vitest';
import { bruteMaskedNorm } from '../math/testing.ts';
import {
  constantMeanTex,
  constantScaleOf,
  constantScaleTex,
  scaleApproximationTex,
  scaleBoundsTex,
  scalePosition,
  vectorTex,
} from './rescalingDerivation.ts';

const X = [0.1, 0.1, 0.2, 5.0];


const SEED = { x: X, keep: 0.5, maskedNorm: bruteMaskedNorm(X, 0.5) };

describe('constantScaleOf', () => {
  it('gives c* = 1.94136340020377 for the question’s vector at q = ½ (docs/mathematics.md#reference-values)', () => {
    expect(SEED.maskedNorm).toBeCloseTo(2.578598321, 9);
    expect(constantScaleOf(SEED)).toBeCloseTo(1.94136340020377, 12);
  });
  it('is 1/q for x = 0', () => {
    expect(constantScaleOf({ x: [0, 0], keep: 0.25, maskedNorm: 0 })).toBe(4);
  });
});

describe('constantScaleTex', () => {
  it('substitutes ‖x‖ = 5.0060 and E‖m⊙x‖ = 2.5786', () => {
    expect(constantScaleTex(SEED)).toContain(String.raw`\frac{5.0060}{2.5786} = 1.9414`);
  });
});

describe('scaleBoundsTex and scalePosition', () => {
  it('puts 1/√q = 1.4142 ≤ c* = 1.9414 ≤ 1/q = 2.0000 in order', () => {
    expect(scaleBoundsTex(SEED)).toContain(String.raw`1.4142 \le 1.9414 \le 2.0000`);
  });
  it('places the spiky seed near 1/q: (1.94136 − √2)/(2 − √2) = 0.8999', () => {
    expect(scalePosition(SEED)).toBeCloseTo((1.94136340020377 - Math.SQRT2) / (2 - Math.SQRT2), 10);
  });
  it('moves c* toward 1/√q as the vector spreads out (every unit equal)', () => {
    const equal = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const spread = scalePosition({ x: equal, keep: 0.5, maskedNorm: bruteMaskedNorm(equal, 0.5) }) ?? 1;
    expect(spread).toBeGreaterThan(0);
    expect(spread).toBeLessThan(0.1);
  });
  it('keeps c* within [1/√q, 1/q] for other vectors and q', () => {
    for (const [x, q] of [[[3, -1, 0.5], 0.3], [[1, 2, 3, 4, 5], 0.8], [[0, 7], 0.1]] as const) {
      const c = constantScaleOf({ x, keep: q, maskedNorm: bruteMaskedNorm(x, q) });
      expect(c).toBeGreaterThanOrEqual(1 / Math.sqrt(q) - 1e-12);
      expect(c).toBeLessThanOrEqual(1 / q + 1e-12);
    }
  });
  it('is null when the bounds meet at q = 1', () => {
    expect(scalePosition({ x: X, keep: 1, maskedNorm: bruteMaskedNorm(X, 1) })).toBeNull();
  });
});

describe('constantMeanTex', () => {
  it('shrinks the mean: E[y] = c*·q·x = 0.9707·x = (0.0971, 0.0971, 0.1941, 4.8534) ≠ x', () => {
    const tex = constantMeanTex(SEED);
    expect(tex).toContain(String.raw`1.9414\cdot 0.50\cdot x = 0.9707\,x`);
    expect(tex).toContain(String.raw`\big(0.0971, 0.0971, 0.1941, 4.8534\big) \ne x`);
  });
});

describe('scaleApproximationTex', () => {
  it('gives the delta-method value 1.4142/(1 − 0.5/(4·1.005)) = 1.6151, far from the exact 1.9414 for the spiky seed', () => {
    // n_eff = 25.06²/625.0018 = 1.004797…; √2/(1 − 0.5/(4·1.004797)) = 1.414214/0.875597 = 1.615141
    const tex = scaleApproximationTex(SEED);
    expect(tex).toContain(String.raw`8\cdot 0.50\cdot 1.005`);
    expect(tex).toContain(String.raw`= 1.6151\qquad\text{exact: } 1.9414`);
  });
});

describe('vectorTex', () => {
  it('lists short vectors in full and shortens long ones', () => {
    expect(vectorTex([1, 2], 1)).toBe(String.raw`\big(1.0, 2.0\big)`);
    expect(vectorTex([1, 2, 3, 4, 5, 6, 7], 0)).toBe(String.raw`\big(1, 2, 3, \ldots, 7\big)`);
  });
});
