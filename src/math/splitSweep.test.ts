import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enumerateMasks } from './enumerateMasks.ts';
import { enumerateQuantile } from './enumerateMedian.ts';
import { maskSum, nextSum, toGridUnits, type GridUnits } from './gridUnits.ts';
import { binomial, maskLaw, type MaskLaw } from './maskLaw.ts';
import { buildSplitLaw } from './splitHalves.ts';
import { splitQuantile } from './splitMedian.ts';
import { sweepIntervals } from './splitSweep.ts';
import { createWorkBudget, drive } from './workBudget.ts';

function run<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** Brute force over every mask r (bits, no tables): its sum by definition (maskSum) and mass under the law. */
function bruteAtoms(grid: GridUnits, law: MaskLaw): { sum: number; mass: number }[] {
  const n = grid.squares.length;
  const atoms: { sum: number; mass: number }[] = [];
  for (let r = 0; r < 2 ** n; r++) {
    const sum = maskSum(grid, (i) => ((r >> i) & 1) === 1);
    let k = 0;
    for (let i = 0; i < n; i++) k += (r >> i) & 1;
    if (law.maskMass[k]! > 0) atoms.push({ sum, mass: law.maskMass[k]! });
  }
  return atoms.sort((a, b) => a.sum - b.sum);
}

function bruteQuantile(atoms: { sum: number; mass: number }[], target: number, strict: boolean): number {
  let mass = 0;
  for (let i = 0; i < atoms.length; i++) {
    mass += atoms[i]!.mass;
    const last = i === atoms.length - 1 || atoms[i + 1]!.sum !== atoms[i]!.sum;
    if (last && (strict ? mass > target : mass >= target)) return atoms[i]!.sum;
  }
  return atoms[atoms.length - 1]!.sum;
}

const entry = fc.oneof(fc.constantFrom(0, 1, -1, 0.5, 2, 3), fc.double({ min: -10, max: 10, noNaN: true }));
const keep = fc.oneof(fc.constantFrom(0.5, 1, 0.25, 0.8), fc.double({ min: 0.01, max: 1, noNaN: true }));
/** A law: Bernoulli(q) or exactly k kept (k = 0 … n). */
const lawFor = (n: number, q: number, kept: number | null): MaskLaw => maskLaw(n, q, kept === null ? null : Math.min(kept, n));

describe('meet in the middle (buildSplitLaw + sweepIntervals)', () => {
  it('gives every interval mass of brute force: Bernoulli to 1e-12, fixed count as exact integers', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 11 }),
        keep,
        fc.option(fc.integer({ min: 0, max: 11 })),
        fc.array(fc.double({ min: 0, max: 1.1, noNaN: true }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 2047 }),
        (x, q, kept, shares, atomMask) => {
          const grid = toGridUnits(x);
          const law = lawFor(x.length, q, kept);
          const atom = maskSum(grid, (i) => ((atomMask >> i) & 1) === 1);
          const end = nextSum(grid.total);
          const thresholds = Float64Array.from(
            [...shares.map((s) => Math.min(end, s * grid.total)), atom, 0, end].sort((a, b) => a - b),
          );
          const budget = createWorkBudget(1);
          const split = run(buildSplitLaw(grid, law, q, kept === null ? null : Math.min(kept, x.length), budget));
          const sweep = sweepIntervals(split, thresholds);
          run(drive(sweep, budget));
          const masses = sweep.masses();
          const expected = new Float64Array(thresholds.length + 1);
          for (const a of bruteAtoms(grid, law)) {
            const j = thresholds.filter((t) => t <= a.sum).length;
            expected[j]! += a.mass;
          }
          // Fixed count: exact integer counts (tolerance 0); Bernoulli: 1e-12 relative.
          const tolerance = (m: number): number => (kept !== null ? 0 : 1e-12 * m + 1e-300);
          expected.forEach((m, j) => expect(Math.abs(masses[j]! - m)).toBeLessThanOrEqual(tolerance(m)));
          const sum = masses.reduce((a, b) => a + b, 0);
          expect(Math.abs(sum - law.totalMass)).toBeLessThanOrEqual(1e-12 * law.totalMass);
        },
      ),
    );
  });

  it('gives the fixed-count total C(n, k) for every k (k = 0 and k = n included)', () => {
    const grid = toGridUnits([1, 2, 2, 0, 3, 1, 5]);
    for (let k = 0; k <= 7; k++) {
      const split = run(buildSplitLaw(grid, maskLaw(7, k / 7, k), k / 7, k, createWorkBudget(1)));
      const sweep = sweepIntervals(split, Float64Array.from([nextSum(grid.total)]));
      run(drive(sweep, createWorkBudget(1)));
      expect(Array.from(sweep.masses())).toEqual([binomial(7, k), 0]);
    }
  });
});

describe('meet in the middle against enumeration at n = 22 (windows of many 1024-sub-mask blocks)', () => {
  it('gives the interval masses of enumerateMasks for 1 to 9 thresholds (every fill of the last pass), Bernoulli and fixed count', () => {
    const x = Array.from({ length: 22 }, (_, i) => Math.cos(i + 2) * (1 + (i % 3)));
    const grid = toGridUnits(x);
    for (let count = 1; count <= 9; count++) {
      const thresholds = Float64Array.from({ length: count }, (_, j) => ((j + 1) / (count + 1)) * grid.total);
      const pass = enumerateMasks(grid, thresholds);
      run(drive(pass, createWorkBudget(1)));
      for (const kept of [null, 9]) {
        const q = 0.3;
        const law = maskLaw(22, q, kept);
        const split = run(buildSplitLaw(grid, law, q, kept, createWorkBudget(1)));
        const sweep = sweepIntervals(split, thresholds);
        run(drive(sweep, createWorkBudget(1)));
        const masses = sweep.masses();
        for (let j = 0; j <= count; j++) {
          let expected = 0;
          for (let k = 0; k <= 22; k++) expected += law.maskMass[k]! * pass.counts[k * (count + 1) + j]!;
          expect(Math.abs(masses[j]! - expected)).toBeLessThanOrEqual(kept === null ? 1e-12 * expected : 0);
        }
      }
    }
  });
});

describe('quantiles by enumeration and by meet in the middle', () => {
  it('give the lower and upper medians of brute force exactly', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 11 }), keep, fc.option(fc.integer({ min: 0, max: 11 })), (x, q, keptOption) => {
        const kept = keptOption === null ? null : Math.min(keptOption, x.length);
        const grid = toGridUnits(x);
        const law = lawFor(x.length, q, kept);
        const atoms = bruteAtoms(grid, law);
        const half = law.totalMass / 2;
        const budget = createWorkBudget(1);
        const split = run(buildSplitLaw(grid, law, q, kept, budget));
        for (const strict of [false, true]) {
          const expected = bruteQuantile(atoms, half, strict);
          expect(run(enumerateQuantile(grid, law, half, strict, budget)).sum).toBe(expected);
          const bracket = { low: 0, high: grid.total, massLow: 0, massHigh: law.totalMass };
          expect(run(splitQuantile(split, half, strict, bracket, budget)).sum).toBe(expected);
        }
      }),
    );
  });

  it('find quantiles among millions of masks (n = 22) identically', () => {
    const x = Array.from({ length: 22 }, (_, i) => Math.sin(i + 1) * (1 + (i % 5)));
    const grid = toGridUnits(x);
    const law = maskLaw(22, 0.3, null);
    const budget = createWorkBudget(1);
    const split = run(buildSplitLaw(grid, law, 0.3, null, budget));
    for (const target of [0.5, 0.1, 0.9]) {
      const a = run(enumerateQuantile(grid, law, target, false, budget));
      const b = run(splitQuantile(split, target, false, { low: 0, high: grid.total, massLow: 0, massHigh: 1 }, budget));
      expect(b.sum).toBe(a.sum);
      expect(Math.abs(b.massAtOrBelow - a.massAtOrBelow)).toBeLessThan(1e-12);
    }
  });
});
