import { describe, expect, it } from 'vitest';
import { normalisedSquares } from './expectedNorm.ts';
import { expm1MinusLinear, maskedNormSpread } from './maskedNormSpread.ts';

/** sd ‖m⊙x‖ over all 2ⁿ Bernoulli masks in 40-digit arithmetic (mpmath, grouped subset sums). */
const BRUTE_FORCE: readonly { x: number[]; q: number; sd: number }[] = [
  { x: [0.1, 0.1, 0.2, 5], q: 0.5, sd: 2.4250424117276044 },
  { x: [3, 4], q: 0.3, sd: 1.9528440797974629 },
  { x: [1, 1e-8], q: 0.5, sd: 0.4999999975 },
  { x: Array.from({ length: 16 }, (_, i) => 1 + i * 1e-3), q: 0.99, sd: 0.05119737777360247 },
  { x: [1e6, -2e6, 3e6, 1e6, 5e5], q: 0.999, sd: 48095.809787833336 },
];

describe('maskedNormSpread(shares, q)', () => {
  it('matches a 40-digit brute force to 2e-15 relative, within its own error bound', () => {
    for (const { x, q, sd } of BRUTE_FORCE) {
      const { norm, shares } = normalisedSquares(x);
      const spread = maskedNormSpread(shares, q);
      const error = Math.abs(spread.relativeSd * norm - sd);
      expect(error / sd).toBeLessThan(2e-15);
      expect(error).toBeLessThanOrEqual(spread.relativeSdBound * norm);
      expect(spread.relativeSdBound * norm).toBeLessThan(1e-14 * sd);
    }
  });

  it('is exactly 0 for q = 1 and for x = 0', () => {
    expect(maskedNormSpread(normalisedSquares([3, 4]).shares, 1)).toEqual({ relativeSd: 0, relativeSdBound: 0 });
    expect(maskedNormSpread(new Float64Array(0), 0.5).relativeSd).toBe(0);
  });

  it('keeps its relative accuracy where the subtraction formula loses half the digits (n = 4096)', () => {
    // Near-equal units: sd/‖x‖ ≈ ½√((1−q)/(q n_eff)) ≈ 0.011; E‖y‖² − (E‖y‖)² would lose 4 digits.
    const x = Array.from({ length: 4096 }, (_, i) => 1 + 0.25 * Math.sin(i));
    const { shares } = normalisedSquares(x);
    const spread = maskedNormSpread(shares, 0.5);
    expect(spread.relativeSdBound / spread.relativeSd).toBeLessThan(1e-12);
  });
});

describe('expm1MinusLinear(v)', () => {
  it('is e^v − 1 − v to full precision near 0, where expm1(v) − v cancels', () => {
    expect(expm1MinusLinear(1e-5)).toBeCloseTo(5.000016666708333e-11, 25);
    expect(Math.abs(expm1MinusLinear(1e-5) / 5.0000166667083334e-11 - 1)).toBeLessThan(4e-16);
    expect(Math.abs(expm1MinusLinear(-0.3) / 0.04081822068171786 - 1)).toBeLessThan(4e-16);
    expect(expm1MinusLinear(2)).toBe(Math.expm1(2) - 2);
  });
});
