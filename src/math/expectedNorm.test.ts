import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedMaskedNorm, expectedMaskedNormFixed } from './expectedNorm.ts';

/** Neumaier-compensated sum, so the enumerated reference is accurate to ~1e-16. */
function accurateSum(values: Iterable<number>): number {
  let sum = 0;
  let compensation = 0;
  for (const v of values) {
    const next = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - next + v : v - next + sum;
    sum = next;
  }
  return sum + compensation;
}

/** E‖m⊙x‖ by visiting all 2ⁿ masks with weight q^k(1−q)^(n−k). */
function enumerateBernoulli(x: readonly number[], q: number): number {
  const n = x.length;
  const terms: number[] = [];
  for (let mask = 0; mask < 2 ** n; mask++) {
    let p = 1;
    const kept: number[] = [];
    for (let i = 0; i < n; i++) {
      if ((mask >> i) & 1) {
        p *= q;
        kept.push(x[i] as number);
      } else p *= 1 - q;
    }
    if (p > 0) terms.push(p * Math.hypot(...kept));
  }
  return accurateSum(terms);
}

/** E‖m⊙x‖ over the C(n, k) subsets of size k, each equally likely. */
function enumerateFixed(x: readonly number[], k: number): number {
  const n = x.length;
  const norms: number[] = [];
  for (let mask = 0; mask < 2 ** n; mask++) {
    const kept: number[] = [];
    for (let i = 0; i < n; i++) if ((mask >> i) & 1) kept.push(x[i] as number);
    if (kept.length === k) norms.push(Math.hypot(...kept));
  }
  return accurateSum(norms) / norms.length;
}

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

/** Entries ±m·10^e with e over 12 decades, some exactly zero. */
const entry = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  {
    weight: 9,
    arbitrary: fc
      .tuple(fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: -6, max: 6 }), fc.boolean())
      .map(([m, e, negative]) => (negative ? -1 : 1) * m * 10 ** e),
  },
);
const vector = fc.array(entry, { minLength: 1, maxLength: 12 }).filter((x) => x.some((v) => v !== 0));
const keep = fc.oneof(fc.constant(1), fc.constant(0.01), fc.double({ min: 0.01, max: 1, noNaN: true }));

describe('expectedMaskedNorm(x, q), Bernoulli masks', () => {
  it('matches enumeration of all 2ⁿ masks to 1e-12 relative (n ≤ 12, q ∈ [0.01, 1], 12 decades)', () => {
    fc.assert(
      fc.property(vector, keep, (x, q) => {
        const error = relative(expectedMaskedNorm(x, q), enumerateBernoulli(x, q));
        expect(error).toBeLessThan(1e-12);
      }),
      { numRuns: 300, seed: 20240601 },
    );
  });

  it('gives 2.57859832105009 for the seed (0.1, 0.1, 0.2, 5.0) at q = ½ (docs/mathematics.md#reference-values)', () => {
    const x = [0.1, 0.1, 0.2, 5.0];
    expect(relative(expectedMaskedNorm(x, 0.5), 2.57859832105009)).toBeLessThan(1e-13);
    expect(relative(expectedMaskedNorm(x, 0.5), enumerateBernoulli(x, 0.5))).toBeLessThan(1e-14);
  });

  it('is ‖x‖ at q = 1, 0 for x = 0, and skips zero entries', () => {
    expect(relative(expectedMaskedNorm([3, 0, 4], 1), 5)).toBeLessThan(4e-15);
    expect(expectedMaskedNorm([0, 0], 0.3)).toBe(0);
    expect(expectedMaskedNorm([3, 0, 4, 0], 0.3)).toBe(expectedMaskedNorm([3, 4], 0.3));
  });

  it('is scale-equivariant without overflow (x·1e200, x·1e-200)', () => {
    const x = [0.1, 0.1, 0.2, 5.0];
    const base = expectedMaskedNorm(x, 0.4);
    expect(relative(expectedMaskedNorm(x.map((v) => v * 1e200), 0.4), base * 1e200)).toBeLessThan(1e-14);
    expect(relative(expectedMaskedNorm(x.map((v) => v * 1e-200), 0.4), base * 1e-200)).toBeLessThan(1e-14);
  });

  it('is exact for equal entries at large n: a Binomial expectation of √K (n = 192 and 10000)', () => {
    for (const n of [192, 10000]) {
      const q = 0.5;
      // E‖m⊙x‖ = c·E√K, K ~ Binomial(n, q), for x_i = c. Unnormalised pmf by the ratio recurrence
      // outward from the mode (no log-factorial rounding), normalised by its own sum.
      const mode = Math.floor((n + 1) * q);
      const weight = new Float64Array(n + 1);
      weight[mode] = 1;
      for (let k = mode; k < n; k++) weight[k + 1] = (weight[k]! * (n - k) * q) / ((k + 1) * (1 - q));
      for (let k = mode; k > 0; k--) weight[k - 1] = (weight[k]! * k * (1 - q)) / ((n - k + 1) * q);
      const total = accurateSum(weight);
      const terms = Array.from(weight, (w, k) => (w / total) * Math.sqrt(k));
      const exact = 0.01 * accurateSum(terms);
      expect(relative(expectedMaskedNorm(new Array<number>(n).fill(0.01), q), exact)).toBeLessThan(1e-12);
    }
  });

  it('lies in [q‖x‖, √q‖x‖] and matches the delta method to O(n_eff⁻²) for a spread vector, n = 10000', () => {
    const n = 10000;
    const x = Array.from({ length: n }, (_, i) => 1 + Math.sin(i * 1.7));
    const q = 0.3;
    const norm = Math.hypot(...x);
    const nEff = accurateSum(x.map((v) => v * v)) ** 2 / accurateSum(x.map((v) => v ** 4));
    const value = expectedMaskedNorm(x, q);
    expect(value).toBeGreaterThan(q * norm);
    expect(value).toBeLessThan(Math.sqrt(q) * norm);
    const delta = Math.sqrt(q) * norm * (1 - (1 - q) / (8 * q * nEff));
    expect(relative(value, delta)).toBeLessThan(10 / nEff ** 2);
  });
});

describe('expectedMaskedNormFixed(x, k), exactly k of n kept', () => {
  it('matches enumeration of the C(n, k) subsets to 1e-12 relative (n ≤ 12, every k)', () => {
    fc.assert(
      fc.property(vector, fc.double({ min: 0, max: 1, noNaN: true }), (x, share) => {
        const k = Math.round(share * x.length);
        const exact = enumerateFixed(x, k);
        const value = expectedMaskedNormFixed(x, k);
        const error = exact === 0 ? Math.abs(value) : relative(value, exact);
        expect(error).toBeLessThan(1e-12);
      }),
      { numRuns: 300, seed: 20240602 },
    );
  });

  it('gives the average of the six masks’ norms for the seed with k = 2 (2.599105526)', () => {
    const x = [0.1, 0.1, 0.2, 5.0];
    const six: number[] = [];
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) six.push(Math.hypot(x[i]!, x[j]!));
    const average = accurateSum(six) / 6;
    expect(relative(expectedMaskedNormFixed(x, 2), average)).toBeLessThan(1e-14);
    expect(Math.abs(expectedMaskedNormFixed(x, 2) - 2.599105526)).toBeLessThan(5e-10);
  });

  it('gives 0 for k = 0, ‖x‖ for k = n, and ‖x‖₁/n for k = 1', () => {
    const x = [0.1, 0.1, 0.2, 5.0];
    expect(expectedMaskedNormFixed(x, 0)).toBe(0);
    expect(relative(expectedMaskedNormFixed(x, 4), Math.hypot(...x))).toBeLessThan(1e-15);
    expect(relative(expectedMaskedNormFixed(x, 1), 5.4 / 4)).toBeLessThan(1e-14);
  });

  it('matches enumeration at n = 192 for k ∈ {1, 2, 3, 189, 190, 191}', () => {
    const n = 192;
    const x = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : Math.cos(i * 0.37) * 10 ** ((i % 5) - 2)));
    const a = x.map((v) => v * v);
    const total = accurateSum(a);
    for (const k of [1, 2, 3]) {
      // Sum over all k-subsets {i < j < l} of ‖x_K‖ and of ‖x without K‖ (the complement, n − k kept).
      const kept: number[] = [];
      const complement: number[] = [];
      const visit = (s: number): void => {
        kept.push(Math.sqrt(s));
        complement.push(Math.sqrt(Math.max(0, total - s)));
      };
      for (let i = 0; i < n; i++) {
        if (k === 1) visit(a[i]!);
        else
          for (let j = i + 1; j < n; j++) {
            if (k === 2) visit(a[i]! + a[j]!);
            else for (let l = j + 1; l < n; l++) visit(a[i]! + a[j]! + a[l]!);
          }
      }
      expect(relative(expectedMaskedNormFixed(x, k), accurateSum(kept) / kept.length)).toBeLessThan(1e-12);
      expect(relative(expectedMaskedNormFixed(x, n - k), accurateSum(complement) / complement.length)).toBeLessThan(1e-10);
    }
  });

  it('n = 192, k = 96: inside [q‖x‖, √q‖x‖], near the finite-population delta method', () => {
    const n = 192;
    const x = Array.from({ length: n }, (_, i) => 0.2 + Math.abs(Math.sin(i * 2.1)));
    const a = x.map((v) => v * v);
    const total = accurateSum(a);
    const q = 0.5;
    const value = expectedMaskedNormFixed(x, 96);
    expect(value).toBeGreaterThan(q * Math.sqrt(total));
    expect(value).toBeLessThan(Math.sqrt(q * total));
    const mean = total / n;
    const varianceS = ((q * (1 - q) * n) / (n - 1)) * accurateSum(a.map((v) => (v - mean) ** 2));
    const delta = Math.sqrt(q * total) - varianceS / (8 * (q * total) ** 1.5);
    expect(relative(value, delta)).toBeLessThan(1e-5);
  });
});
