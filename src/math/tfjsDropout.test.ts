/**
 * An independent check of the convention: TensorFlow.js `tf.dropout(x, rate)` draws each element's
 * keep flag with probability 1 − rate and scales kept values by 1/(1 − rate), i.e. `rate` is the
 * drop probability and the compensation is inverted (docs/mathematics.md#framework-conventions).
 *
 * It runs tfjs-core 4.22 on its own CPU backend (@tensorflow/tfjs-backend-cpu, float32), with
 * tfjs's own dropout formula floor(U + keepProb)/keepProb and its own seeded uniform generator.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { analyze } from './analyze.ts';
import { beforeAll, describe, expect, it } from 'vitest';

let backendReady = false;
beforeAll(async () => {
  backendReady = await tf.setBackend('cpu');
});

/** Exact law of ‖m⊙x‖/q over all 2ⁿ masks, m_i ~ Bernoulli(q). */
function exactNorms(x: readonly number[], q: number): { norm: number; p: number }[] {
  const n = x.length;
  return Array.from({ length: 2 ** n }, (_, code) => {
    let p = 1;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const kept = (code >> i) & 1;
      p *= kept ? q : 1 - q;
      s += kept * x[i]! ** 2;
    }
    return { norm: Math.sqrt(s) / q, p };
  });
}

describe('tf.dropout(x, rate) from @tensorflow/tfjs-core 4.22', () => {
  // Entries chosen so that all 64 masked norms are distinct by far more than float32 rounding.
  const x = [0.3, -1.1, 0.05, 2.0, 0.7, -0.45];
  const rate = 0.3;
  const draws = 4000;
  let norms: number[] = [];
  let zeroShare = 0;
  let worstKeptError = 0;

  beforeAll(() => {
    let zeros = 0;
    norms = Array.from({ length: draws }, (_, t) => {
      // Same seed → same mask, so every call gets its own seed.
      const y = tf.tidy(() => tf.dropout(tf.tensor1d(x), rate, undefined, t + 1).dataSync());
      y.forEach((v, i) => {
        if (v === 0) zeros++;
        else worstKeptError = Math.max(worstKeptError, Math.abs(v / (x[i]! / (1 - rate)) - 1));
      });
      return Math.hypot(...Array.from(y));
    });
    zeroShare = zeros / (draws * x.length);
  });

  it('runs on the CPU backend and scales kept values by 1/(1 − rate) (float32)', () => {
    expect(backendReady).toBe(true);
    expect(tf.getBackend()).toBe('cpu');
    expect(worstKeptError).toBeLessThan(1e-6);
  });

  it('drops each element with probability rate (share of zeros within 4.5 SE of 0.3)', () => {
    const se = Math.sqrt((rate * (1 - rate)) / (draws * x.length));
    expect(Math.abs(zeroShare - rate) / se).toBeLessThan(4.5);
  });

  it('norms follow the exact law of ‖m⊙x‖/q with q = 1 − rate (χ² over the 64 atoms, mean within 4.5 SE)', () => {
    const law = exactNorms(x, 1 - rate);
    const counts = new Array<number>(law.length).fill(0);
    let unmatched = 0;
    for (const v of norms) {
      // float32 outputs: match each norm to the atom within 1e-5 relative (the 64 atoms are ≥ 2e-4 apart, relative).
      const atom = law.findIndex((a) => Math.abs(a.norm - v) <= 1e-5 * Math.max(1, a.norm));
      if (atom < 0) unmatched++;
      else counts[atom]!++;
    }
    expect(unmatched).toBe(0);
    // Pool atoms into the 7 classes of k kept units, where expected counts are large enough for χ².
    const observed = new Array<number>(7).fill(0);
    const expected = new Array<number>(7).fill(0);
    law.forEach((a, code) => {
      const k = [...code.toString(2)].filter((c) => c === '1').length;
      observed[k]! += counts[code]!;
      expected[k]! += a.p * draws;
    });
    const chi2 = observed.reduce((s, o, k) => s + (o - expected[k]!) ** 2 / expected[k]!, 0);
    expect(chi2).toBeLessThan(6 + 4.5 * Math.sqrt(12));
    const mean = law.reduce((s, a) => s + a.p * a.norm, 0);
    const sd = Math.sqrt(law.reduce((s, a) => s + a.p * (a.norm - mean) ** 2, 0));
    const sampleMean = norms.reduce((s, v) => s + v, 0) / draws;
    expect(Math.abs(sampleMean - mean) / (sd / Math.sqrt(draws))).toBeLessThan(4.5);
    // Reading rate as the keep probability instead is rejected by the same data.
    const wrong = exactNorms(x, rate);
    const wrongMean = wrong.reduce((s, a) => s + a.p * a.norm, 0);
    expect(Math.abs(sampleMean - wrongMean) / (sd / Math.sqrt(draws))).toBeGreaterThan(20);
  });

  it("falls, bin by bin, within the confidence bounds of the engine's exact histogram (keep = 1 − rate)", () => {
    const q = 1 - rate;
    const top = Math.hypot(...x) / q;
    const edges = Array.from({ length: 9 }, (_, j) => (top * j) / 8);
    const exact = analyze({ x, keep: q, model: 'bernoulli', compensation: 'inverted', edges, method: 'enumerate' });
    expect(exact.histogram.method).toBe('enumerate');
    const counts = new Array<number>(8).fill(0);
    for (const v of norms) counts[Math.min(7, Math.floor((v / top) * 8 * (1 - 1e-6)))]!++;
    exact.histogram.probabilities.forEach((p, j) => {
      const se = Math.sqrt((p * (1 - p)) / draws);
      expect(Math.abs(counts[j]! / draws - p)).toBeLessThanOrEqual(4.5 * se + 1e-12);
    });
    const sampleMean = norms.reduce((s, v) => s + v, 0) / draws;
    expect(Math.abs(sampleMean - exact.meanNorm.value) / (exact.sdNorm.value / Math.sqrt(draws))).toBeLessThan(4.5);
  });
});
