import { describe, expect, it } from 'vitest';
import {
  meanApproximationTex,
  normalApproximationTex,
  sdApproximationTex,
  squareNormSpreadTex,
  texSignificant,
  type LayersNumbers,
} from './layersDerivation.ts';

/** 192 equal units with ‖x‖ = 0.885 at q = ½: n_eff = 192, ‖x‖/√q = 0.885·√2 = 1.2515790027. */
const EQUAL: LayersNumbers = { norm: 0.885, keep: 0.5, nEff: 192, meanNorm: 1.2507, sdNorm: 0.0452 };

/**
 * The 192-unit state of docs/mathematics.md#reference-values: the delta-method c = 1.415594793 gives 1 − 1/(8 n_eff) = √2/2/…, i.e.
 * n_eff = 1/(8(1 − 1.414213562/1.415594793)) ≈ 128.07, and the exact c = 1.415605053 gives
 * E‖y‖ = ‖x‖/(q·c) = 1.2503482.
 */
const N_EFF_128 = 1 / (8 * (1 - Math.SQRT2 / 1.415594793));
const MATH_STATE: LayersNumbers = { norm: 0.885, keep: 0.5, nEff: N_EFF_128, meanNorm: 0.885 / (0.5 * 1.415605053), sdNorm: 0.0553 };

describe('squareNormSpreadTex', () => {
  it('gives CV(‖y‖²) = √((1−q)/(q·n_eff)) = √(1/192) = 0.0722 for 192 equal units at q = ½', () => {
    const tex = squareNormSpreadTex(EQUAL);
    expect(tex).toContain(String.raw`\frac{0.50}{0.50\cdot 192.0}`);
    expect(tex).toMatch(/= 0\.0722$/);
  });
  it('gives √(0.7/(0.3·10)) = 0.4830 at q = 0.3, n_eff = 10', () => {
    expect(squareNormSpreadTex({ ...EQUAL, keep: 0.3, nEff: 10 })).toMatch(/= 0\.4830$/);
  });
  it('says ‖y‖ = 0 for x = 0 instead of dividing by n_eff = 0', () => {
    expect(squareNormSpreadTex({ ...EQUAL, norm: 0, nEff: 0 })).toContain('every mask');
  });
});

describe('sdApproximationTex', () => {
  it('gives (‖x‖/√q)·½·√(1/192) = 1.2516·½·0.0722 = 0.0452, next to the exact value', () => {
    const tex = sdApproximationTex(EQUAL);
    // 1.2515790027 · 0.5 · 0.0721687836 = 0.0451627
    expect(tex).toContain(String.raw`1.2516\cdot\frac12\cdot 0.0722 = 0.0452`);
    expect(tex).toContain(String.raw`\text{exact: } 0.0452`);
  });
  it('matches docs/mathematics.md#reference-values’ sd ≈ 0.052–0.055 for the 192-unit state (n_eff ≈ 128) to its rounding', () => {
    // 1.2515790·½·√(1/128.07) = 0.0553
    const value = Number(/= (0\.\d{4})\\qquad/.exec(sdApproximationTex(MATH_STATE))?.[1]);
    expect(value).toBe(0.0553);
    expect(value).toBeCloseTo(0.055, 3);
  });
});

describe('meanApproximationTex', () => {
  it('gives 1.25158·(1 − 0.5/(8·0.5·192)) = 1.25076 for 192 equal units', () => {
    // 1.2515790027 · (1 − 1/1536) = 1.2507641...
    const tex = meanApproximationTex(EQUAL);
    expect(tex).toContain(String.raw`1.25158\Big(1 - \frac{0.50}{8\cdot 0.50\cdot 192.0}\Big) = 1.25076`);
    expect(tex).toContain(String.raw`\text{exact: } 1.25070`);
  });
  it('reproduces docs/mathematics.md#reference-values’ E‖y‖ ≈ 1.2503–1.2505 for its 192-unit state, delta method and exact alike', () => {
    const tex = meanApproximationTex(MATH_STATE);
    const [approx, exact] = [...tex.matchAll(/(1\.250\d\d)/g)].slice(-2).map((m) => Number(m[1]));
    for (const v of [approx, exact]) {
      expect(v).toBeGreaterThanOrEqual(1.2503);
      expect(v).toBeLessThanOrEqual(1.2505);
    }
    expect(exact).toBe(1.25035);
  });
});

describe('normalApproximationTex', () => {
  it('standardises (q·1.305)² against q‖x‖² and q(1−q)Σx⁴ with the numbers of docs/mathematics.md#normal-and-edgeworth-approximations', () => {
    // Σx⁴ = ‖x‖⁴/n_eff = 0.613441/128 = 0.0047925; z = (0.6525² − 0.5·0.783225)/√(0.25·0.885⁴/128) = 0.98642.
    const sumFourth = 0.885 ** 4 / 128;
    const z = (0.6525 ** 2 - 0.5 * 0.885 ** 2) / Math.sqrt(0.25 * sumFourth);
    expect(z).toBeCloseTo(0.98642, 4);
    const tex = normalApproximationTex({ ...MATH_STATE, nEff: 128 }, 1.305, 0.838);
    expect(tex).toContain(String.raw`\Phi(0.986) = 0.8380`);
    expect(tex).toContain(String.raw`(0.50\cdot 1.305)^2 - 0.50\cdot 0.7832`);
    expect(tex).toContain('0.004793');
  });
  it('writes a tiny tail probability in scientific notation instead of 0.0000', () => {
    // 1024 Gaussian-like units at q = 0.3: z = −4.283, Φ(z) = 9.2e-6.
    expect(normalApproximationTex({ norm: 0.885, keep: 0.3, nEff: 354.1, meanNorm: 1.614, sdNorm: 0.066 }, 1.305, 9.22e-6)).toContain(
      String.raw`= 9.22\times10^{-6}\end{aligned}`,
    );
  });
  it('needs no approximation when q = 1', () => {
    expect(normalApproximationTex({ ...EQUAL, keep: 1 }, 1.305, 1)).toBe(String.raw`P(\lVert y\rVert \le 1.305) = 1.0000`);
  });
});

describe('texSignificant', () => {
  it('writes ordinary numbers with fixed decimals and tiny ones in scientific notation', () => {
    expect(texSignificant(0.0047883, 4)).toBe('0.004788');
    expect(texSignificant(12.3456, 4)).toBe('12.35');
    expect(texSignificant(1.2345e-8, 3)).toBe(String.raw`1.23\times10^{-8}`);
  });
});
