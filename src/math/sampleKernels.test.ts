import { describe, expect, it } from 'vitest';
import { sfc32Next, sfc32State } from './random.ts';
import { createUnitMaskKernel, drawUnitMasks, fixedCountMethod, matchUnitSums, type FixedCountMethod } from './sampleKernels.ts';
import { fillMaskWords, maskWordLaw } from './sampleMaskWords.ts';
import { fixKeptCount } from './testdata/previousFixedCount.ts';

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

  it('the packed int32 table decides u < T exactly as the float thresholds, at u = T − 1 and u = T for every column (T = 2³¹ included)', () => {
    let full = 0;
    for (const q of [0.01, 0.3, 0.8, 0.99, 0.999999]) {
      const law = maskWordLaw(q);
      for (let c = 0; c < 256; c++) {
        const threshold = law.thresholds[c]!;
        expect(law.table[2 * c + 1]).toBe(law.aliases[c]);
        if (threshold === 2 ** 31) full++;
        for (const u of [threshold - 1, threshold, 0, 2 ** 31 - 1]) {
          if (u < 0 || u >= 2 ** 31) continue;
          const own = (((u - law.table[2 * c]!) | 0) >> 31) === -1;
          expect(own, `q = ${q}, column ${c}, u = ${u}`).toBe(u < threshold);
        }
      }
    }
    expect(full).toBeGreaterThan(0); // the wrapped threshold was exercised
  });

  it('fillMaskWords gives, bit for bit, the words of the alias draw written with the float thresholds (same seed)', () => {
    for (const q of [0.05, 0.27, 0.8, 0.99]) {
      const law = maskWordLaw(q);
      const state = sfc32State(11);
      const words = new Int32Array(3000);
      fillMaskWords(law, state, words, words.length);
      // The reference: sfc32 (random.ts) step by step, u < T in floating point.
      let [a, b, c, d] = Array.from(sfc32State(11));
      const next = () => {
        const t = (((a! + b!) | 0) + d!) | 0;
        d = (d! + 1) | 0;
        a = b! ^ (b! >>> 9);
        b = (c! + (c! << 3)) | 0;
        c = (((c! << 21) | (c! >>> 11)) + t) | 0;
        return t;
      };
      for (let w = 0; w < words.length; w++) {
        const columns = next();
        let word = 0;
        for (let g = 0; g < 4; g++) {
          const column = (columns >>> (8 * g)) & 255;
          const u = next() >>> 1;
          word |= (u < law.thresholds[column]! ? column : law.aliases[column]!) << (8 * g);
        }
        expect(words[w], `q = ${q}, word ${w}`).toBe(word);
      }
    }
  });

  it('fillMaskWords at q = ½ gives the sfc32 words themselves and at q = 1 all-kept words, continuing the stream', () => {
    const half = new Int32Array(2000);
    const state = sfc32State(5);
    fillMaskWords(maskWordLaw(0.5), state, half, 1000);
    fillMaskWords(maskWordLaw(0.5), state, half.subarray(1000), 1000);
    const reference = sfc32State(5);
    for (let w = 0; w < half.length; w++) expect(half[w], `word ${w}`).toBe(sfc32Next(reference) | 0);
    const all = new Int32Array(40);
    fillMaskWords(maskWordLaw(1), state, all, 33);
    expect(Array.from(all.subarray(0, 33)).every((word) => word === -1)).toBe(true);
    expect(all[33]).toBe(0);
    expect(Array.from(state)).toEqual(Array.from(reference));
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

  /** Frequencies of each mask drawn one at a time (n ≤ 32, so the mask is word 0), checking S exactly. */
  function maskCounts(n: number, keep: number, kept: number, total: number, seed = 21, method?: FixedCountMethod): Map<number, number> {
    const kernel = createUnitMaskKernel(squaresOf(n), new Float64Array(n), keep, kept, sfc32State(seed), false, method);
    const counts = new Map<number, number>();
    let wrongSums = 0;
    for (let t = 0; t < total; t++) {
      drawUnitMasks(kernel, 1);
      const mask = kernel.maskWords[0]! >>> 0;
      counts.set(mask, (counts.get(mask) ?? 0) + 1);
      // S is the sum of the kept squares, exactly (integers).
      let s = 0;
      for (let i = 0; i < n; i++) if ((mask >>> i) & 1) s += (i + 1) ** 2;
      if (kernel.squaredNorms[0] !== s) wrongSums++;
    }
    expect(wrongSums).toBe(0);
    return counts;
  }

  it.each(['shuffle', 'repair'] as const)('fixed count (%s): every k-subset equally likely (χ² over all C(n, k) subsets, picking kept or dropped units)', (method) => {
    for (const [n, k] of [[5, 2], [6, 5], [6, 1], [7, 3], [6, 3], [7, 4]] as const) {
      const total = 60000;
      const counts = maskCounts(n, 0, k, total, 21, method);
      const subsets = [...Array(2 ** n).keys()].filter((v) => bits(v) === k);
      expect([...counts.keys()].every((m) => bits(m) === k)).toBe(true);
      const observed = subsets.map((m) => counts.get(m) ?? 0);
      expect({ n, k, below: chiSquare(observed, observed.map(() => 1 / subsets.length), total) < chiBound(subsets.length - 1) }).toEqual({ n, k, below: true });
    }
  });

  it('fixed count: the same law as the previous sampler (Bernoulli mask repaired to k units) on the same seeds (χ² homogeneity)', () => {
    const [n, k, total] = [7, 3, 40000];
    const current = maskCounts(n, 0, k, total, 5, 'shuffle');
    const state = sfc32State(5);
    const law = maskWordLaw(k / n);
    const words = new Int32Array(1);
    const previous = new Map<number, number>();
    for (let t = 0; t < total; t++) {
      fillMaskWords(law, state, words, 1);
      words[0] = words[0]! & ((1 << n) - 1);
      fixKeptCount(words, n, k, state);
      previous.set(words[0]!, (previous.get(words[0]!) ?? 0) + 1);
    }
    const subsets = [...Array(2 ** n).keys()].filter((v) => bits(v) === k);
    // Two samples of equal size: Σ (a − b)²/(a + b) is χ² with C(n, k) − 1 degrees of freedom.
    const statistic = subsets.reduce((sum, m) => {
      const a = current.get(m) ?? 0;
      const b = previous.get(m) ?? 0;
      return a + b > 0 ? sum + (a - b) ** 2 / (a + b) : sum;
    }, 0);
    expect(statistic).toBeLessThan(chiBound(subsets.length - 1));
  });

  it.each(['shuffle', 'repair'] as const)('fixed count (%s) at n = 40 (k = 39, 3, 20) and n = 1100 (4-unit tables): S counts exactly k units, uniform marginals', (method) => {
    for (const [n, k, total] of [[40, 39, 20000], [40, 3, 20000], [40, 20, 20000], [1100, 700, 3000]] as const) {
      const kernel = createUnitMaskKernel(Float64Array.from({ length: n }, () => 1), new Float64Array(n), 0, k, sfc32State(8), false, method);
      const keptCounts = new Array<number>(n).fill(0);
      for (let t = 0; t < total; t++) {
        drawUnitMasks(kernel, 1);
        expect(kernel.squaredNorms[0]).toBe(k);
        for (let i = 0; i < n; i++) keptCounts[i]! += (kernel.maskWords[i >>> 5]! >>> (i & 31)) & 1;
      }
      // Marginal counts of a fixed-size subset vary less than multinomial ones: the bound is conservative.
      const statistic = chiSquare(keptCounts, keptCounts.map(() => 1 / n), total * k);
      expect({ n, k, below: statistic < chiBound(n - 1) }).toEqual({ n, k, below: true });
    }
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

  it('Bernoulli, every path: the words of fillMaskWords on the same seed and S equal to the direct sum, bit for bit', () => {
    // q = ½ and q = 0.8 at n = 200 take the inline loops; n = 1100 the 4-unit tables; matching the
    // matched loop (q = ½ its own, which draws the words twice).
    for (const [n, q, matching] of [[200, 0.5, false], [200, 0.8, false], [1100, 0.3, false], [70, 0.8, true], [70, 0.5, true]] as const) {
      const squares = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1) ** 2);
      const kernel = createUnitMaskKernel(squares, squares, q, -1, sfc32State(3), matching);
      const state = sfc32State(3);
      const law = maskWordLaw(q);
      const words = new Int32Array(kernel.words);
      for (let t = 0; t < 50; t++) {
        drawUnitMasks(kernel, 1);
        fillMaskWords(law, state, words, kernel.words);
        if (n % 32 !== 0) words[kernel.words - 1] = words[kernel.words - 1]! & ((1 << n % 32) - 1);
        expect(Array.from(kernel.maskWords)).toEqual(Array.from(words));
        let direct = 0;
        for (let i = 0; i < n; i++) if ((words[i >>> 5]! >>> (i & 31)) & 1) direct += squares[i]!;
        expect(Math.abs(kernel.squaredNorms[0]! - direct)).toBeLessThanOrEqual(1e-13 * direct);
      }
    }
  });

  it('fixed count (repair): the masks of fillMaskWords + fixKeptCount (the reference) on the same seed, in chunks, bit for bit', () => {
    // k/n = ½ (random words), 0.8 (alias bytes), near 1 and 0 (the rank path), n = 1100 (4-unit tables).
    for (const [n, k] of [[192, 96], [192, 154], [40, 39], [40, 2], [1100, 880], [33, 17]] as const) {
      const squares = Float64Array.from({ length: n }, (_, i) => (i + 1) ** 2);
      const kernel = createUnitMaskKernel(squares, new Float64Array(n), 0, k, sfc32State(11), false, 'repair');
      const state = sfc32State(11);
      const law = maskWordLaw(k / n);
      const words = new Int32Array(kernel.words);
      for (const chunk of [1, 37, 200, 5]) {
        drawUnitMasks(kernel, chunk);
        for (let t = 0; t < chunk; t++) {
          fillMaskWords(law, state, words, kernel.words);
          if (n % 32 !== 0) words[kernel.words - 1] = words[kernel.words - 1]! & ((1 << n % 32) - 1);
          fixKeptCount(words, n, k, state);
          let direct = 0; // integer squares: every summation order gives this exactly
          for (let i = 0; i < n; i++) if ((words[i >>> 5]! >>> (i & 31)) & 1) direct += squares[i]!;
          expect({ n, k, t, s: kernel.squaredNorms[t] }).toEqual({ n, k, t, s: direct });
        }
        expect(Array.from(kernel.maskWords)).toEqual(Array.from(words));
        expect(Array.from(kernel.state)).toEqual(Array.from(state));
      }
    }
  });

  it('matching: per-unit Σ m_i/√S and Σ m_i/S equal those accumulated from the masks drawn', () => {
    const n = 1100;
    const squares = Float64Array.from({ length: n }, (_, i) => 1 + (i % 7));
    const kernel = createUnitMaskKernel(squares, squares, 0.4, -1, sfc32State(2), true);
    expect(kernel.lanes).toBe(4);
    const first = new Float64Array(n);
    const second = new Float64Array(n);
    for (let t = 0; t < 200; t++) {
      drawUnitMasks(kernel, 1);
      const s = kernel.squaredNorms[0]!;
      for (let i = 0; i < n; i++) {
        if ((kernel.maskWords[i >>> 5]! >>> (i & 31)) & 1) {
          first[i]! += 1 / Math.sqrt(s);
          second[i]! += 1 / s;
        }
      }
    }
    const sums = matchUnitSums(kernel);
    for (let i = 0; i < n; i++) {
      expect(Math.abs(sums.first[i]! - first[i]!)).toBeLessThanOrEqual(1e-12 * first[i]!);
      expect(Math.abs(sums.second[i]! - second[i]!)).toBeLessThanOrEqual(1e-12 * second[i]!);
    }
  });
  it('matching at q = ½ (the loop that draws each word twice), in chunks: S, Z and the per-unit sums of the words of fillMaskWords on the same seed', () => {
    for (const n of [200, 64]) {
      const squares = Float64Array.from({ length: n }, (_, i) => 1 + (i % 5));
      const downstream = Float64Array.from({ length: n }, (_, i) => (i % 3) - 1);
      const kernel = createUnitMaskKernel(squares, downstream, 0.5, -1, sfc32State(9), true);
      expect(kernel.lanes).toBe(8);
      const state = sfc32State(9);
      const law = maskWordLaw(0.5);
      const words = new Int32Array(kernel.words);
      const first = new Float64Array(n);
      const second = new Float64Array(n);
      for (const chunk of [1, 37, 5]) {
        drawUnitMasks(kernel, chunk);
        for (let t = 0; t < chunk; t++) {
          fillMaskWords(law, state, words, kernel.words);
          if (n % 32 !== 0) words[kernel.words - 1] = words[kernel.words - 1]! & ((1 << n % 32) - 1);
          let s = 0; // integer squares and products: every summation order gives these exactly
          let z = 0;
          for (let i = 0; i < n; i++) {
            if ((words[i >>> 5]! >>> (i & 31)) & 1) {
              s += squares[i]!;
              z += downstream[i]!;
            }
          }
          expect({ n, t, s: kernel.squaredNorms[t], z: kernel.downstreamSums[t] }).toEqual({ n, t, s, z });
          for (let i = 0; i < n; i++) {
            if ((words[i >>> 5]! >>> (i & 31)) & 1) {
              first[i]! += 1 / Math.sqrt(s);
              second[i]! += 1 / s;
            }
          }
        }
        expect(Array.from(kernel.maskWords)).toEqual(Array.from(words));
        expect(Array.from(kernel.state)).toEqual(Array.from(state));
      }
      const sums = matchUnitSums(kernel);
      for (let i = 0; i < n; i++) {
        expect(Math.abs(sums.first[i]! - first[i]!)).toBeLessThanOrEqual(1e-12 * first[i]!);
        expect(Math.abs(sums.second[i]! - second[i]!)).toBeLessThanOrEqual(1e-12 * second[i]!);
      }
    }
  });
});

describe('fixedCountMethod', () => {
  it('repairs a Bernoulli(½) mask near q = ½, where the shuffle would draw n/2 integers, and shuffles for few kept or dropped units', () => {
    expect(fixedCountMethod(192, 96)).toBe('repair');
    expect(fixedCountMethod(1024, 512)).toBe('repair');
    expect(fixedCountMethod(192, 154)).toBe('repair');
    expect(fixedCountMethod(192, 173)).toBe('shuffle');
    expect(fixedCountMethod(192, 3)).toBe('shuffle');
    expect(fixedCountMethod(1024, 1014)).toBe('shuffle');
  });
});
