import { describe, expect, it } from 'vitest';
import { bruteUnitLaw } from './bruteUnitLaw.ts';
import { downstreamMoments } from './downstreamMoments.ts';

const SEED_X = [0.1, 0.1, 0.2, 5.0];
const W = [0.7, -1.3, 0.45, 0.52];

describe('downstreamMoments', () => {
  for (const keep of [0.5, 0.3, 0.9]) {
    it(`gives E[z] = w·x and Var z = (1−q)/q Σ w_i²x_i², as brute force over all 16 Bernoulli masks, at q = ${keep}`, () => {
      const brute = bruteUnitLaw({ x: SEED_X, w: W, keep, kept: null, compensation: 'inverted' });
      const m = downstreamMoments({ x: SEED_X, w: W, keep, model: 'bernoulli' });
      expect(m.undropped).toBeCloseTo(brute.meanZ, 12);
      expect(m.variance).toBeCloseTo(brute.varZ, 12);
    });
  }
  for (const kept of [1, 2, 3]) {
    it(`gives the n/(n−1) finite-population form, as brute force over the C(4, ${kept}) fixed-count masks`, () => {
      const brute = bruteUnitLaw({ x: SEED_X, w: W, keep: kept / 4, kept, compensation: 'inverted' });
      const m = downstreamMoments({ x: SEED_X, w: W, keep: kept / 4, model: 'fixed' });
      expect(m.undropped).toBeCloseTo(brute.meanZ, 12);
      expect(m.variance).toBeCloseTo(brute.varZ, 12);
    });
  }
  it('gives Var z = 0 for one unit under the fixed model (every mask keeps it)', () => {
    expect(downstreamMoments({ x: [2], w: [3], keep: 1, model: 'fixed' }).variance).toBe(0);
  });
});
