import { describe, expect, it } from 'vitest';
import { effectiveUnitsTex, jensenBoundsTex, meanSquareNormTex, positionBetweenBounds, type NormNumbers } from './normDerivation.ts';

/** The seed: x = (0.1, 0.1, 0.2, 5.0), q = ½; E‖y‖ = 5.15719664210019 (reference, exact); n_eff = 25.06²/625.0018. */
const NORM = Math.sqrt(25.06);
const SEED: NormNumbers = {
  model: 'bernoulli', compensation: 'inverted', keep: 0.5, norm: NORM, scale: 2, meanNorm: 5.15719664210019,
  rmsNorm: NORM / Math.sqrt(0.5), meanVectorNorm: NORM, pAllDropped: 0.0625, nEff: (25.06 * 25.06) / 625.0018,
};

describe('meanSquareNormTex', () => {
  it('substitutes ‖x‖² = 25.06 and q = 0.50: E‖y‖² = 50.12', () => {
    expect(meanSquareNormTex(SEED)).toContain(String.raw`\frac{25.0600}{0.50} = 50.1200`);
  });
  it('writes q‖x‖² without compensation and ‖x‖²(1 − P₀) for per-sample matching', () => {
    expect(meanSquareNormTex({ ...SEED, compensation: 'none', scale: 1, rmsNorm: Math.sqrt(12.53) })).toContain(
      String.raw`q\,\lVert x\rVert^2 = 0.50\cdot 25.0600 = 12.5300`,
    );
    expect(meanSquareNormTex({ ...SEED, compensation: 'match', scale: null, rmsNorm: Math.sqrt(25.06 * 0.9375) })).toContain(
      String.raw`(1 - 0.0625) = 23.4938`,
    );
  });
});

describe('jensenBoundsTex', () => {
  it('puts ‖x‖ = 5.006 ≤ E‖y‖ = 5.157 ≤ ‖x‖/√q = 7.080 in order, with linked terms', () => {
    const tex = jensenBoundsTex(SEED);
    expect(tex).toContain(String.raw`5.0060 \le 5.1572 \le 7.0795`);
    expect(tex).toContain('term=norm');
    expect(tex).toContain('term=mean');
    expect(tex).toContain('term=rms');
  });
  it('writes ‖E u‖ ≤ E‖u‖ ≤ √E‖u‖² for DropConnect without 1/q', () => {
    const tex = jensenBoundsTex({ ...SEED, model: 'dropconnect', compensation: 'sqrt' });
    expect(tex).toContain(String.raw`\lVert \mathbb{E}\,u\rVert`);
    expect(tex).toContain(String.raw`\sqrt{\mathbb{E}\,\lVert u\rVert^2}`);
    expect(tex).not.toContain('term=norm');
  });
});

describe('effectiveUnitsTex', () => {
  it('gives n_eff = 1.0048 for the seed', () => {
    expect(effectiveUnitsTex(SEED)).toMatch(/= 1\.0048$/);
  });
});

describe('positionBetweenBounds', () => {
  it('places the seed’s E‖y‖ near the lower bound (spiky vector)', () => {
    const t = positionBetweenBounds(SEED)!;
    expect(t).toBeCloseTo((5.15719664210019 - NORM) / (NORM / Math.sqrt(0.5) - NORM), 12);
    expect(t).toBeLessThan(0.1);
  });
  it('is undefined when the bounds meet (q = 1)', () => {
    expect(positionBetweenBounds({ ...SEED, keep: 1, meanNorm: NORM, rmsNorm: NORM })).toBeNull();
  });
});
