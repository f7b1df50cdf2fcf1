import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enumerateMasks } from './enumerateMasks.ts';
import { gridNorm, maskSum, middleSum, nextSum, previousSum, spacedSums, toGridUnits } from './gridUnits.ts';
import { buildSplitLaw } from './splitHalves.ts';
import { maskLaw } from './maskLaw.ts';
import { createWorkBudget } from './workBudget.ts';

describe('toGridUnits(x)', () => {
  it('scales before squaring: a_i = (x_i/L)² in [0, 1], total = S of the all-kept mask', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 64 }), (x) => {
        const grid = toGridUnits(x);
        const largest = Math.max(...x.map(Math.abs));
        expect(grid.largest).toBe(largest);
        expect(grid.splitAt).toBe(Math.floor(x.length / 2));
        x.forEach((v, i) => {
          expect(grid.squares[i]).toBe(largest > 0 ? (v / largest) ** 2 : 0);
        });
        expect(grid.total).toBe(maskSum(grid, () => true));
        // ‖x‖ from the sum: (n + 4)·u relative at most.
        const norm = Math.hypot(...x);
        expect(Math.abs(gridNorm(grid, grid.total) - norm)).toBeLessThanOrEqual((x.length + 4) * 2 ** -53 * norm);
      }),
    );
  });

  it('keeps a non-zero entry above 0 with keepNonZero, even 1e-200 next to 1e200', () => {
    expect(toGridUnits([1e200, 1e-200]).squares[1]).toBe(0);
    expect(toGridUnits([1e200, 1e-200], true).squares[1]).toBe(Number.MIN_VALUE);
  });

  it('gives the all-zero vector an all-zero grid', () => {
    expect(toGridUnits([0, 0, 0])).toMatchObject({ squares: new Float64Array(3), total: 0, largest: 0 });
  });

  it('gives gridNorm(S) = ‖m⊙x‖ for subnormal and for 1e-300 entries (no underflow in the squares)', () => {
    const grid = toGridUnits([5e-324, 0]);
    expect(gridNorm(grid, grid.total)).toBe(5e-324);
    const tiny = toGridUnits([1e-300, 2e-300]);
    expect(gridNorm(tiny, tiny.total)).toBeCloseTo(Math.sqrt(5) * 1e-300, 310);
    const seed = toGridUnits([0.1, 0.1, 0.2, 5.0]);
    expect(gridNorm(seed, seed.squares[2]! + seed.squares[3]!)).toBeCloseTo(5.003998401, 9);
  });

  it('forms every mask sum as the enumeration tables and the sorted halves do, bit for bit', () => {
    const x = [0.1, 0.7, 0.2, 5.0, 3.3, 1e-3, 7.77, 1e6, 1e-30];
    const grid = toGridUnits(x);
    const n = x.length;
    const sums = new Set<number>();
    for (let r = 0; r < 2 ** n; r++) sums.add(maskSum(grid, (i) => ((r >> i) & 1) === 1));
    // Meet in the middle: every S_A + S_B is a defined mask sum.
    const law = maskLaw(n, 0.5, null);
    const steps = buildSplitLaw(grid, law, 0.5, null, createWorkBudget(1));
    let step = steps.next();
    while (step.done !== true) step = steps.next();
    const split = step.value;
    for (const a of split.aSums) for (const b of split.bSums) expect(sums.has(a + b)).toBe(true);
    // Enumeration: thresholds at every defined sum put each mask on its own atom.
    const sorted = Float64Array.from([...sums].sort((p, q) => p - q));
    const job = enumerateMasks(grid, sorted);
    while (!job.done) job.advance(1e9);
    const stride = sorted.length + 1;
    for (let k = 0; k <= n; k++) expect(job.counts[k * stride]).toBe(0);
  });
});

describe('the doubles as the ordered set of sums', () => {
  it('steps to neighbouring doubles and bisects between them', () => {
    expect(nextSum(0)).toBe(Number.MIN_VALUE);
    expect(previousSum(Number.MIN_VALUE)).toBe(0);
    expect(nextSum(1)).toBe(1 + Number.EPSILON);
    expect(previousSum(1)).toBe(1 - Number.EPSILON / 2);
    const mid = middleSum(0, 1);
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(1);
    expect(middleSum(1, nextSum(1))).toBe(nextSum(1));
    const levels = spacedSums(1, nextSum(nextSum(nextSum(1))), 8);
    expect(levels).toEqual([1, nextSum(1), nextSum(nextSum(1)), nextSum(nextSum(nextSum(1)))]);
  });
});
