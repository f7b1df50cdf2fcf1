import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enumerateMasks } from './enumerateMasks.ts';
import { maskSum, nextSum, toGridUnits, type GridUnits } from './gridUnits.ts';
import { createWorkBudget, drive } from './workBudget.ts';

function finish(job: ReturnType<typeof enumerateMasks>): void {
  const steps = drive(job, createWorkBudget(1));
  while (steps.next().done !== true);
}

/** Brute force: every mask r by its bits (no tables), S by its definition (maskSum), j = #{τ ≤ S}. */
function bruteCounts(grid: GridUnits, thresholds: Float64Array) {
  const n = grid.squares.length;
  const stride = thresholds.length + 1;
  const counts = new Float64Array((n + 1) * stride);
  const roots = new Float64Array(n + 1);
  for (let r = 0; r < 2 ** n; r++) {
    const s = maskSum(grid, (i) => ((r >> i) & 1) === 1);
    let k = 0;
    for (let i = 0; i < n; i++) k += (r >> i) & 1;
    const j = thresholds.filter((t) => t <= s).length;
    counts[k * stride + j]! += 1;
    roots[k]! += Math.sqrt(s);
  }
  return { counts, roots };
}

const entry = fc.oneof(fc.constantFrom(0, 1, -1, 0.5, 2, 3), fc.double({ min: -10, max: 10, noNaN: true }));

describe('enumerateMasks(grid, thresholds)', () => {
  it('counts every mask by kept count and interval exactly as brute force does, and sums √S', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 11 }),
        fc.array(fc.double({ min: 0, max: 1.2, noNaN: true }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 2047 }),
        (x, shares, atomMask) => {
          const grid = toGridUnits(x);
          // Thresholds: random levels, an atom exactly (values on edges), 0 and nextSum(total) (none).
          const atom = maskSum(grid, (i) => ((atomMask >> i) & 1) === 1);
          const end = nextSum(grid.total);
          const levels = [...shares.map((s) => s * grid.total), atom, 0, end].map((t) => Math.min(t, end));
          const thresholds = Float64Array.from(levels.sort((a, b) => a - b));
          const job = enumerateMasks(grid, thresholds);
          finish(job);
          const brute = bruteCounts(grid, thresholds);
          expect(Array.from(job.counts)).toEqual(Array.from(brute.counts));
          job.rootSums().forEach((r, k) => expect(Math.abs(r - brute.roots[k]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, brute.roots[k]!)));
        },
      ),
    );
  });

  it('gives the same counts however the work is chunked', () => {
    const grid = toGridUnits([0.3, 1.7, 2.2, 0.9, 4.1, 0.05, 1.1, 3.3, 2.0, 0.7, 1.9, 2.8, 0.4, 1.2]);
    const thresholds = Float64Array.from([0, grid.total / 4, grid.total / 2, grid.total]);
    const whole = enumerateMasks(grid, thresholds);
    finish(whole);
    const pieces = enumerateMasks(grid, thresholds);
    while (!pieces.done) pieces.advance(777);
    expect(Array.from(pieces.counts)).toEqual(Array.from(whole.counts));
  });

  it('counts every mask once when chunks end inside a row and inside a kept-count group (brute force)', () => {
    // n = 13: rows of 2^6 A sub-masks in 7 kept-count groups; 97-mask chunks end at every offset.
    const grid = toGridUnits([0.3, 1.7, 2.2, 0.9, 4.1, 0.05, 1.1, 3.3, 2.0, 0.7, 1.9, 2.8, 0.4]);
    const thresholds = Float64Array.from([0, grid.total / 5, grid.total / 3, grid.total / 2, (2 * grid.total) / 3, nextSum(grid.total)]);
    const job = enumerateMasks(grid, thresholds);
    while (!job.done) job.advance(2 * 97);
    const brute = bruteCounts(grid, thresholds);
    expect(Array.from(job.counts)).toEqual(Array.from(brute.counts));
    job.rootSums().forEach((r, k) => expect(Math.abs(r - brute.roots[k]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, brute.roots[k]!)));
  });
});
