import { describe, expect, it } from 'vitest';
import { sfc32State } from './random.ts';
import { createUnitMaskKernel, drawUnitMasks, unitSums } from './sampleKernels.ts';
import { fillMaskWords, maskWordLaw } from './sampleMaskWords.ts';

/** χ² statistic of observed counts against expected probabilities. */
function chiSquare(counts: readonly number[], probabilities: readonly number[], total: number): number {
  return counts.reduce((s, c, j) => s + (c - total * probabilities[j]!) ** 2 / (total * probabilities[j]!), 0);
}
/** Upper bound for χ²(df) that a correct sampler exceeds with negligible probability (mean + 4.5 sd). */
const chiBound = (df: number): number => df + 4.5 * Math.sqrt(2 * df);

const bits = (v: number): number => {
  let c = 0;
  for (let b = v >>> 0; b; b >>>= 1) c += b & 1;
  return c;
};

describe('maskWordLaw(q): byte alias table', () => {
  it('gives every byte v its exact probability q^|v|(1−q)^(8−|v|) to within 2⁻³² (read off the integer thresholds)', () => {
    for (const q of [0.01, 0.1, 0.3, 1 / 3, 0.6, 0.8, 0.99, 0.999999]) {
      const law = maskWordLaw(q);
      expect(law.mode).toBe('alias');
      const realised = new Array<number>(256).fill(0);
      for (let c = 0; c < 256; c++) {
        const keepOwn = law.thresholds[c]! / 2 ** 31;
        realised[c]! += keepOwn / 256;
        realised[law.aliases[c]!]! += (1 - keepOwn) / 256;
      }
      let worst = 0;
      for (let v = 0; v < 256; v++) worst = Math.max(worst, Math.abs(realised[v]! - q ** bits(v) * (1 - q) ** (8 - bits(v))));
      expect(worst, `q = ${q}`).toBeLessThan(2 ** -32);
    }
    expect(maskWordLaw(1).mode).toBe('all');
    expect(maskWordLaw(0.5).mode).toBe('half');
  });

  it('fillMaskWords bits are Bernoulli(q) and independent across the 32 lanes (χ² on lane pairs)', () => {
    const q = 0.3;
    const law = maskWordLaw(q);
    const state = sfc32State(4);
    const total = 100000;
    const lane = new Array<number>(32).fill(0);
    const pairs = new Array<number>(4).fill(0); // lanes 7 and 8 (two different bytes)
    const words = new Int32Array(100);
    for (let t = 0; t < total; t++) {
      if (t % 100 === 0) fillMaskWords(law, state, words, 100);
      const word = words[t % 100]!;
      for (let l = 0; l < 32; l++) lane[l]! += (word >>> l) & 1;
      pairs[((word >>> 7) & 1) * 2 + ((word >>> 8) & 1)]!++;
    }
    lane.forEach((c) => expect(Math.abs(c / total - q) / Math.sqrt((q * (1 - q)) / total)).toBeLessThan(4.5));
    expect(chiSquare(pairs, [(1 - q) ** 2, (1 - q) * q, q * (1 - q), q * q], total)).toBeLessThan(chiBound(3));
  });
});

describe('drawUnitMasks', () => {
  const squaresOf = (n: number): Float64Array => Float64Array.from({ length: n }, (_, i) => (i + 1) ** 2);

  /** Frequencies of each mask drawn one at a time (n ≤ 32, so the mask is word 0). */
  function maskCounts(n: number, keep: number, kept: number, total: number): Map<number, number> {
    const kernel = createUnitMaskKernel(squaresOf(n), new Float64Array(n), keep, kept, sfc32State(21), false);
    const counts = new Map<number, number>();
    let wrongSums = 0;
    for (let t = 0; t < total; t++) {
      drawUnitMasks(kernel, 1);
      const mask = kernel.maskWords[0]! >>> 0;
      counts.set(mask, (counts.get(mask) ?? 0) + 1);
      // S is the sum of the kept squares, exactly.
      let s = 0;
      for (let i = 0; i < n; i++) if ((mask >>> i) & 1) s += (i + 1) ** 2;
      if (kernel.squaredNorms[0] !== s) wrongSums++;
    }
    expect(wrongSums).toBe(0);
    return counts;
  }

  it('fixed count: every k-subset equally likely (χ² over all C(n, k) subsets, adding and removing)', () => {
    for (const [n, k] of [[5, 2], [6, 5], [6, 1], [7, 3]] as const) {
      const total = 100000;
      const counts = maskCounts(n, 0, k, total);
      const subsets = [...Array(2 ** n).keys()].filter((v) => bits(v) === k);
      expect([...counts.keys()].every((m) => bits(m) === k)).toBe(true);
      const observed = subsets.map((m) => counts.get(m) ?? 0);
      expect(chiSquare(observed, observed.map(() => 1 / subsets.length), total), `n = ${n}, k = ${k}`).toBeLessThan(chiBound(subsets.length - 1));
    }
  });

  it('fixed count with few candidates (k = n − 1, n = 40: units found by rank): uniform marginals', () => {
    const n = 40;
    const kernel = createUnitMaskKernel(squaresOf(n), new Float64Array(n), 0, n - 1, sfc32State(8), false);
    const total = 40000;
    for (let done = 0; done < total; done += 1000) drawUnitMasks(kernel, 1000);
    const dropped = Array.from(unitSums(kernel, kernel.keptTable), (c) => total - c);
    expect(dropped.reduce((s, c) => s + c, 0)).toBe(total); // exactly one dropped per mask
    expect(chiSquare(dropped, dropped.map(() => 1 / n), total)).toBeLessThan(chiBound(n - 1));
  });

  it('Bernoulli: mask probabilities q^k(1−q)^(n−k) (χ² over all 2⁵ masks) for q ∈ {0.5, 0.27, 1}', () => {
    for (const q of [0.5, 0.27]) {
      const total = 100000;
      const counts = maskCounts(5, q, -1, total);
      const observed = [...Array(32).keys()].map((m) => counts.get(m) ?? 0);
      const expected = [...Array(32).keys()].map((m) => q ** bits(m) * (1 - q) ** (5 - bits(m)));
      expect(chiSquare(observed, expected, total)).toBeLessThan(chiBound(31));
    }
    expect([...maskCounts(5, 1, -1, 10).keys()]).toEqual([31]);
  });

  it('per-unit kept counts match the masks drawn, also with 4-unit tables (n > 1024)', () => {
    const n = 1100;
    const kernel = createUnitMaskKernel(Float64Array.from({ length: n }, () => 1), new Float64Array(n), 0.4, -1, sfc32State(2), false);
    expect(kernel.lanes).toBe(4);
    const direct = new Float64Array(n);
    for (let t = 0; t < 300; t++) {
      drawUnitMasks(kernel, 1);
      let kept = 0;
      for (let i = 0; i < n; i++) {
        const bit = (kernel.maskWords[i >>> 5]! >>> (i & 31)) & 1;
        direct[i]! += bit;
        kept += bit;
      }
      expect(kernel.squaredNorms[0]).toBe(kept);
    }
    expect(Array.from(unitSums(kernel, kernel.keptTable))).toEqual(Array.from(direct));
  });
});
