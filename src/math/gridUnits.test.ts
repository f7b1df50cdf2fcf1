import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridNorm, toGridUnits } from './gridUnits.ts';

describe('toGridUnits(x)', () => {
  it('quantises x_i² to integers whose total stays ≤ 2^52, scaled back by unitNorm', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 64 }), (x) => {
        const grid = toGridUnits(x, true);
        const largest = Math.max(...x.map(Math.abs));
        // W_i ≈ resolution·(x_i/L)², resolution = (L/unitNorm)² = 2^(52 − ⌈log2 n⌉).
        const resolution = largest > 0 ? 2 ** (52 - Math.ceil(Math.log2(x.length))) : 0;
        expect(grid.largest).toBe(largest);
        expect(largest > 0 ? grid.resolution : resolution).toBe(resolution);
        let total = 0;
        x.forEach((v, i) => {
          const w = grid.squares[i]!;
          expect(Number.isInteger(w)).toBe(true);
          expect(w === 0).toBe(v === 0);
          total += w;
          // Within half a grid unit of the truth, or raised to one unit.
          expect(v === 0 ? 0 : Math.abs(w - resolution * (v / largest) ** 2)).toBeLessThanOrEqual(1);
        });
        expect(total).toBe(grid.total);
        expect(grid.total).toBeLessThanOrEqual(2 ** 52);
      }),
    );
  });

  it('rounds entries below half a unit to 0 unless keepNonZero', () => {
    expect(Array.from(toGridUnits([1, 1e-9]).squares)).toEqual([2 ** 51, 0]);
    expect(Array.from(toGridUnits([1, 1e-9], true).squares)).toEqual([2 ** 51, 1]);
  });

  it('gives the all-zero vector an all-zero grid', () => {
    expect(toGridUnits([0, 0, 0])).toMatchObject({ squares: new Float64Array(3), total: 0, largest: 0 });
  });

  it('gives gridNorm(S) = ‖m⊙x‖ even for subnormal entries', () => {
    const grid = toGridUnits([5e-324, 0]);
    expect(gridNorm(grid, grid.total)).toBe(5e-324);
    const seed = toGridUnits([0.1, 0.1, 0.2, 5.0]);
    expect(gridNorm(seed, seed.squares[2]! + seed.squares[3]!)).toBeCloseTo(5.003998401, 9);
  });

  it('keeps every subset sum an exact integer whatever the order of summation', () => {
    const grid = toGridUnits([0.1, 0.1, 0.2, 5.0, 3.3, 1e-3, 7.77]);
    const w = Array.from(grid.squares);
    const forward = w.reduce((a, b) => a + b, 0);
    const backward = [...w].reverse().reduce((a, b) => a + b, 0);
    expect(forward).toBe(backward);
    expect(Number.isSafeInteger(forward)).toBe(true);
  });
});
