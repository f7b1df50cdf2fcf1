import { describe, expect, it } from 'vitest';
import { bernoulliMaskProbability, listMasks, maskRows } from './maskTable.ts';

const SEED = [0.1, 0.1, 0.2, 5.0];

/** Brute force: decode mask r independently of listMasks, norm by direct summation. */
function bruteForce(x: readonly number[], q: number) {
  const n = x.length;
  const out: { key: string; p: number; masked: number }[] = [];
  for (let r = 0; r < 2 ** n; r++) {
    const bits = r.toString(2).padStart(n, '0').split('').map(Number);
    let p = 1;
    let s = 0;
    bits.forEach((b, i) => {
      p *= b ? q : 1 - q;
      if (b) s += (x[i] as number) ** 2;
    });
    out.push({ key: bits.join(''), p, masked: Math.sqrt(s) });
  }
  return out;
}

describe('listMasks(x, q)', () => {
  it('lists all 2^n masks of the seed vector, in binary order, matching brute force', () => {
    const rows = listMasks(SEED, 0.5);
    const brute = bruteForce(SEED, 0.5);
    expect(rows).toHaveLength(16);
    rows.forEach((row, r) => {
      const b = brute[r]!;
      expect(row.mask.join('')).toBe(b.key);
      expect(row.kept).toBe(b.key.split('').filter((c) => c === '1').length);
      expect(row.probability).toBeCloseTo(b.p, 15);
      expect(row.maskedNorm).toBeCloseTo(b.masked, 14);
      expect(row.compensatedNorm).toBeCloseTo(b.masked / 0.5, 14);
    });
  });

  it("gives the question's mask (0, 0, 1, 1) the norms 5.004 and 10.008", () => {
    const row = listMasks(SEED, 0.5).find((r) => r.mask.join(',') === '0,0,1,1')!;
    expect(row.maskedNorm.toFixed(3)).toBe('5.004');
    expect(row.compensatedNorm.toFixed(3)).toBe('10.008');
    expect(row.maskedNorm).toBeCloseTo(Math.hypot(0.2, 5.0), 14);
  });

  it.each([0.05, 0.3, 0.5, 0.77, 1])('has probabilities summing to 1 and E‖y‖² = ‖x‖²/q at q = %s', (q) => {
    const rows = listMasks(SEED, q);
    const total = rows.reduce((s, r) => s + r.probability, 0);
    const meanSquare = rows.reduce((s, r) => s + r.probability * r.compensatedNorm ** 2, 0);
    const normSquared = SEED.reduce((s, v) => s + v * v, 0);
    expect(Math.abs(total - 1)).toBeLessThan(1e-12);
    expect(Math.abs(meanSquare - normSquared / q) / (normSquared / q)).toBeLessThan(1e-12);
  });

  it('treats 0^0 as 1 so that q = 1 keeps every unit with probability 1', () => {
    expect(bernoulliMaskProbability(1, 4, 4)).toBe(1);
    expect(bernoulliMaskProbability(1, 3, 4)).toBe(0);
  });

  it('refuses n outside 1…12 and q outside (0, 1]', () => {
    expect(() => listMasks([], 0.5)).toThrow(RangeError);
    expect(() => listMasks(new Array(13).fill(1), 0.5)).toThrow(RangeError);
    expect(() => listMasks(SEED, 0)).toThrow(RangeError);
    expect(() => listMasks(SEED, 1.2)).toThrow(RangeError);
  });
});

describe('maskRows({ x, keep, model, kept, compensation })', () => {
  it('lists the C(n, k) fixed-count masks, each with probability 1/C(n, k)', () => {
    const rows = maskRows({ x: SEED, keep: 0.5, model: 'fixed', kept: 2, compensation: 'inverted' });
    expect(rows.map((r) => r.mask.join(''))).toEqual(['0011', '0101', '0110', '1001', '1010', '1100']);
    rows.forEach((r) => {
      expect(r.probability).toBe(1 / 6);
      expect(r.compensatedNorm).toBeCloseTo(2 * r.maskedNorm, 14);
    });
  });

  it('applies each compensation: 1/√q, none, c*, and per-sample matching (0 for the all-dropped mask)', () => {
    const norm = Math.hypot(...SEED);
    const sqrt = maskRows({ x: SEED, keep: 0.25, model: 'bernoulli', compensation: 'sqrt' });
    sqrt.forEach((r) => expect(r.compensatedNorm).toBeCloseTo(2 * r.maskedNorm, 14));
    const none = maskRows({ x: SEED, keep: 0.25, model: 'bernoulli', compensation: 'none' });
    none.forEach((r) => expect(r.compensatedNorm).toBe(r.maskedNorm));
    const constant = maskRows({ x: SEED, keep: 0.5, model: 'bernoulli', compensation: 'constant', constantScale: 1.9 });
    constant.forEach((r) => expect(r.scale).toBe(1.9));
    const match = maskRows({ x: SEED, keep: 0.5, model: 'bernoulli', compensation: 'match' });
    expect(match[0]!.compensatedNorm).toBe(0);
    expect(match[0]!.scale).toBe(0);
    match.slice(1).forEach((r) => {
      expect(r.compensatedNorm).toBe(norm);
      expect(r.scale).toBeCloseTo(norm / r.maskedNorm, 12);
    });
    expect(match.reduce((a, r) => a + r.probability, 0)).toBeCloseTo(1, 15);
  });
});

