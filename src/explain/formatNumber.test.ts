import { describe, expect, it } from 'vitest';
import { analyze } from '../math/engine.ts';
import { decimalsForError, formatCount, formatEstimateValue, formatFixed, formatKeep, formatProbability, methodBadge, parseProbability } from './formatNumber.ts';

describe('formatFixed(value, decimals)', () => {
  it('rounds to the digits shown and uses a true minus sign', () => {
    expect(formatFixed(5.003998401, 3)).toBe('5.004');
    expect(formatFixed(10.0079968, 3)).toBe('10.008');
    expect(formatFixed(-1.25, 1)).toBe('−1.3');
  });
  it('never shows a negative zero', () => {
    expect(formatFixed(-0.0001, 2)).toBe('0.00');
    expect(formatFixed(-0, 0)).toBe('0');
  });
});

describe('formatCount(n)', () => {
  it('groups thousands with commas, as the page always wrote counts', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(65536)).toBe('65,536');
    expect(formatCount(2 ** 40)).toBe('1,099,511,627,776');
  });
});

describe('formatKeep(q)', () => {
  it('shows at least two decimals and no more than the value needs', () => {
    expect(formatKeep(0.5)).toBe('0.50');
    expect(formatKeep(0.125)).toBe('0.125');
    expect(formatKeep(1)).toBe('1.00');
  });
});

describe('formatProbability(p)', () => {
  it('shows four significant digits', () => {
    expect(formatProbability(0.0625)).toBe('0.0625');
    expect(formatProbability(1 / 3)).toBe('0.3333');
    expect(formatProbability(0)).toBe('0');
  });
  it('writes small probabilities with a typographic power of ten, and reads them back', () => {
    expect(formatProbability(6.2604e-4)).toBe('6.260×10⁻⁴');
    expect(formatProbability(5.563e-309)).toBe('5.563×10⁻³⁰⁹');
    for (const p of [0.5, 6.2604e-4, 1.5e-12, 3e-300]) expect(parseProbability(formatProbability(p))).toBeCloseTo(Number(p.toPrecision(4)), 15);
    expect(parseProbability(formatProbability(3e-300)) / 3e-300).toBeCloseTo(1, 12);
  });
});

describe('formatEstimateValue(estimate, decimals)', () => {
  it('shows an exact value at the requested decimals', () => {
    expect(formatEstimateValue({ value: 5.157196642 }, 3)).toBe('5.157');
  });
  it('shows a sampled value to two significant digits of its standard error', () => {
    expect(decimalsForError(0.00213)).toBe(4);
    expect(formatEstimateValue({ value: 1.250361, standardError: 0.00213 }, 3)).toBe('1.2504 ± 0.0021');
  });
});

describe('methodBadge(result)', () => {
  /** How many of the 2ⁿ masks keep exactly k units, by counting bits (brute force). */
  const masksKeeping = (n: number, k: number) => {
    let count = 0;
    for (let bits = 0; bits < 2 ** n; bits += 1) {
      let ones = 0;
      for (let b = bits; b !== 0; b &= b - 1) ones += 1;
      if (ones === k) count += 1;
    }
    return count;
  };
  const edges = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  it('counts every mask of a Bernoulli model: 2ⁿ', () => {
    const result = analyze({ x: [0.1, 0.1, 0.2, 5], keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges, method: 'enumerate' });
    expect(methodBadge(result)).toBe('Exact: all 16 masks (2⁴) enumerated');
  });
  it('counts only the masks that can occur under the fixed model: C(n, k) with k kept', () => {
    for (const [n, k, method] of [[4, 2, 'enumerate'], [12, 3, 'enumerate'], [24, 12, 'split']] as const) {
      const x = Array.from({ length: n }, (_, i) => 1 + i / 7);
      const result = analyze({ x, keep: k / n, model: 'fixed', kept: k, compensation: 'inverted', edges, method });
      const count = masksKeeping(n, k).toLocaleString('en-US');
      expect(methodBadge(result)).toBe(
        method === 'enumerate'
          ? `Exact: all ${count} masks with ${k} of ${n} units kept (C(${n}, ${k})) enumerated`
          : `Exact: ${count} masks with ${k} of ${n} units kept (C(${n}, ${k})), split in two halves (meet in the middle)`,
      );
    }
  });
});
