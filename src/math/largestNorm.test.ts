import { describe, expect, it } from 'vitest';
import { analyze, defaultEdges } from './analyze.ts';
import { seededWeights } from './dropConnect.ts';
import { dropConnectMeanNormLower, largestMaskedNorm } from './largestNorm.ts';

/** max over masks with exactly k kept (null: any mask) of ‖m⊙x‖, by brute force. */
function bruteLargest(x: number[], kept: number | null): number {
  let best = 0;
  for (let m = 0; m < 2 ** x.length; m++) {
    let s = 0;
    let k = 0;
    x.forEach((v, i) => {
      if ((m >> i) & 1) {
        s += v * v;
        k++;
      }
    });
    if (kept === null || k === kept) best = Math.max(best, Math.sqrt(s));
  }
  return best;
}

describe('largestMaskedNorm(x, kept)', () => {
  it('keeps the k largest |x_i| under the fixed model (the all-kept mask has probability 0)', () => {
    expect(largestMaskedNorm([3, 4], 1)).toBe(4);
    const x = [0.5, -2, 1, 0.25, 3, -1.5];
    for (let k = 1; k <= x.length; k++) expect(largestMaskedNorm(x, k)).toBeCloseTo(bruteLargest(x, k), 14);
    expect(largestMaskedNorm(x, null)).toBeCloseTo(bruteLargest(x, null), 14);
  });
});

describe('maxNorm and the default range follow the masks that can occur', () => {
  it('fixed model, k < n: (3, 4) with k = 1 reaches 2·4 = 8, not 10 (audit item 2)', () => {
    const x = [3, 4];
    const edges = defaultEdges(x, 0.5, 'inverted', 10, undefined, 1);
    expect(edges.at(-1)).toBe(8);
    const r = analyze({ x, keep: 0.5, model: 'fixed', kept: 1, compensation: 'inverted', edges });
    expect(r.maxNorm).toBe(8);
    expect(r.histogram.probabilities.at(-1)).toBe(0.5);
  });

  it('twelve equal units with k = 1: max ‖y‖ = 12·|x_i|, every mask in the top bin', () => {
    const x = Array.from({ length: 12 }, () => 1);
    const edges = defaultEdges(x, 1 / 12, 'inverted', 10, undefined, 1);
    expect(edges.at(-1)).toBeCloseTo(12, 12);
    expect(analyze({ x, keep: 1 / 12, model: 'fixed', kept: 1, compensation: 'inverted', edges }).histogram.probabilities.at(-1)).toBe(1);
  });

  it("'constant' takes its range from c*, not from 1/q (audit item 3: 10.012 against 9.718)", () => {
    const x = [0.1, 0.1, 0.2, 5];
    for (const keep of [0.5, 0.05]) {
      const edges = defaultEdges(x, keep, 'constant', 10);
      const r = analyze({ x, keep, model: 'bernoulli', compensation: 'constant', edges });
      // c*·‖x‖ with c* = ‖x‖/E‖m⊙x‖ from the brute-force mean over all 16 masks.
      let mean = 0;
      for (let m = 0; m < 16; m++) {
        let s = 0;
        let k = 0;
        x.forEach((v, i) => ((m >> i) & 1 ? ((s += v * v), k++) : 0));
        mean += keep ** k * (1 - keep) ** (4 - k) * Math.sqrt(s);
      }
      const top = (bruteLargest(x, null) * bruteLargest(x, null)) / mean;
      expect(Math.abs(edges.at(-1)! / top - 1)).toBeLessThan(1e-12);
      expect(r.histogram.probabilities.at(-1)).toBeGreaterThan(0);
    }
  });

  it("DropConnect 'constant': the range ends at the largest ‖u‖ when d·n ≤ 16 (exact c*), and its top bin holds mass", () => {
    for (const [x, keep] of [[[0.1, 0.1, 0.2, 5], 0.5], [[0.1, 0.1, 0.2, 5], 0.05], [[1, -2, 3, 0.5], 0.8]] as const) {
      const weights = seededWeights(4, 4, 1);
      const edges = defaultEdges(x, keep, 'constant', 10, weights);
      const r = analyze({ x, keep, model: 'dropconnect', compensation: 'constant', edges, weights });
      expect(r.method).toBe('enumerate');
      // r.maxNorm = max over weight masks of c*·‖(M⊙W)x‖ with the enumerated c*.
      expect(Math.abs(edges.at(-1)! / r.maxNorm - 1)).toBeLessThan(1e-12);
      expect(r.histogram.probabilities.at(-1)).toBeGreaterThan(0);
    }
  });

  it("DropConnect 'constant', d·n up to 20: never below the largest ‖u‖, and within one bin of it (was 20 % above, top bins empty)", () => {
    const cases = [
      { x: [0.3, 1.7, 2.2, 0.9, 4.1], keep: 0.3, rows: 4 },
      { x: [1, -2, 3, 0.5, 1], keep: 0.5, rows: 4 },
      { x: [1, 2, 3, 4, 5], keep: 0.8, rows: 4 },
      { x: [0.3, 1.7, 2.2, 0.9, 4.1, 1, 1, 1, 2, 3], keep: 0.5, rows: 2 },
    ];
    for (const { x, keep, rows } of cases) {
      const weights = seededWeights(rows, x.length, 1);
      const edges = defaultEdges(x, keep, 'constant', 10, weights);
      const r = analyze({ x, keep, model: 'dropconnect', compensation: 'constant', edges, weights });
      expect(r.method).toBe('enumerate');
      expect(edges.at(-1)!).toBeGreaterThanOrEqual(r.maxNorm * (1 - 1e-12));
      expect(edges.at(-1)! / r.maxNorm).toBeLessThan(1.1);
      expect(r.histogram.probabilities.at(-1)).toBeGreaterThan(0);
      // The bound under it: E‖(M⊙W)x‖ itself is never exceeded.
      expect(dropConnectMeanNormLower(x, weights, keep)).toBeLessThanOrEqual(r.meanMaskedNorm.value * (1 + 1e-12));
    }
  });

  it("DropConnect 'constant', sampled (n = 64): the range stays above every ‖u‖", () => {
    const x = Array.from({ length: 64 }, (_, i) => Math.sin(i + 1));
    const weights = seededWeights(4, 64, 1);
    const edges = defaultEdges(x, 0.5, 'constant', 10, weights);
    const largest = defaultEdges(x, 0.5, 'none', 10, weights).at(-1)!;
    // c* ≤ 1/q, and the range is max‖(M⊙W)x‖ times an upper bound on c*.
    expect(edges.at(-1)!).toBeLessThanOrEqual(largest / 0.5);
    const lower = dropConnectMeanNormLower(x, weights, 0.5);
    expect(lower).toBeGreaterThan(0);
    expect(Math.abs(edges.at(-1)! - (largest * defaultEdges(x, 1, 'match', 1, weights).at(-1)!) / lower)).toBeLessThanOrEqual(1e-12 * edges.at(-1)!);
  });
});
