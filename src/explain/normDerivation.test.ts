import { describe, expect, it } from 'vitest';
import { effectiveUnitsTex, jensenBoundsTex, meanSquareNormTex, positionBetweenBounds } from './normDerivation.ts';

/** The seed: x = (0.1, 0.1, 0.2, 5.0), q = ½; E‖y‖ = 5.15719664210019 (reference, exact). */
const SEED = { normSquared: 0.01 + 0.01 + 0.04 + 25, keep: 0.5, meanNorm: 5.15719664210019, sumFourth: 1e-4 + 1e-4 + 16e-4 + 625 };

describe('meanSquareNormTex', () => {
  it('substitutes ‖x‖² = 25.06 and q = 0.50: E‖y‖² = 50.12', () => {
    expect(meanSquareNormTex(SEED)).toContain(String.raw`\frac{25.0600}{0.50} = 50.1200`);
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
});

describe('effectiveUnitsTex', () => {
  it('gives n_eff = 1.0048 for the seed (docs/mathematics.md#reference-values)', () => {
    expect(effectiveUnitsTex(SEED)).toMatch(/= 1\.0048$/);
  });
  it('gives n for n equal units', () => {
    expect(effectiveUnitsTex({ normSquared: 4, sumFourth: 4 })).toMatch(/= 4\.0000$/);
  });
});

describe('positionBetweenBounds', () => {
  it('places the seed’s E‖y‖ near the lower bound (spiky vector)', () => {
    const t = positionBetweenBounds(SEED)!;
    expect(t).toBeCloseTo((5.15719664210019 - Math.sqrt(25.06)) / (Math.sqrt(25.06) / Math.sqrt(0.5) - Math.sqrt(25.06)), 12);
    expect(t).toBeLessThan(0.1);
  });
  it('is undefined when the bounds meet (q = 1)', () => {
    expect(positionBetweenBounds({ ...SEED, keep: 1, meanNorm: Math.sqrt(25.06) })).toBeNull();
  });
});
