import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropConnectClosedForms, seededWeights, type DropConnectWeights } from './dropConnect.ts';

/** Moments of u = s·(M⊙W)x by visiting all 2^(d·n) weight masks. */
function enumerate(x: readonly number[], weights: DropConnectWeights, q: number, s: number) {
  const n = x.length;
  const d = weights.rows;
  const bits = d * n;
  const mean = new Array<number>(d).fill(0);
  const second = new Array<number>(d).fill(0);
  let meanSquareNorm = 0;
  let expectedMaskedNorm = 0;
  for (let code = 0; code < 2 ** bits; code++) {
    let p = 1;
    const u: number[] = [];
    for (let j = 0; j < d; j++) {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const kept = Math.floor(code / 2 ** (j * n + i)) % 2;
        p *= kept ? q : 1 - q;
        sum += kept * weights.values[j * n + i]! * x[i]!;
      }
      u.push(sum);
    }
    expectedMaskedNorm += p * Math.hypot(...u);
    u.forEach((v, j) => {
      mean[j] = mean[j]! + p * s * v;
      second[j] = second[j]! + p * (s * v) ** 2;
      meanSquareNorm += p * (s * v) ** 2;
    });
  }
  return { mean, variance: second.map((m2, j) => m2 - mean[j]! ** 2), meanSquareNorm, expectedMaskedNorm };
}

/** Collects a message when |value − exact| > 1e-12·(|exact| + scale). */
function compare(failures: string[], label: string, value: number, exact: number, scale: number): void {
  if (!(Math.abs(value - exact) <= 1e-12 * (Math.abs(exact) + scale))) failures.push(`${label}: ${value} vs ${exact}`);
}

describe('dropConnectClosedForms', () => {
  it('matches enumeration of all 2^(d·n) weight masks (d·n ≤ 12) for inverted, none, sqrt and a given c*', () => {
    const shape = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }));
    fc.assert(
      fc.property(
        shape.chain(([d, n]) =>
          fc.tuple(
            fc.array(fc.integer({ min: -50, max: 50 }).map((k) => k / 8), { minLength: n, maxLength: n }),
            fc.array(fc.integer({ min: -50, max: 50 }).map((k) => k / 16), { minLength: d * n, maxLength: d * n }),
            fc.constant(d),
          ),
        ),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        ([x, values, rows], q) => {
          const weights = { rows, values };
          const test = x.length === 0 ? [] : Array.from({ length: rows }, (_, j) => x.reduce((s, v, i) => s + values[j * x.length + i]! * v, 0));
          const scales = { inverted: 1 / q, none: 1, sqrt: 1 / Math.sqrt(q), constant: 1.37 } as const;
          const failures: string[] = [];
          const close = (label: string, value: number, exact: number, scale: number): void => compare(failures, label, value, exact, scale);
          for (const [compensation, s] of Object.entries(scales) as [keyof typeof scales, number][]) {
            const cf = dropConnectClosedForms({ x, weights, keep: q, compensation, constantScale: 1.37 });
            const exact = enumerate(x, weights, q, s);
            const scale = s * x.reduce((t, v) => t + Math.abs(v), 0) * 4;
            cf.testOutput.forEach((v, j) => close(`Wx ${j}`, v, test[j]!, scale));
            close('‖Wx‖', cf.testNorm, Math.hypot(...test), scale);
            cf.meanVector!.forEach((v, j) => close(`${compensation} E u_${j}`, v, exact.mean[j]!, scale));
            cf.varianceVector!.forEach((v, j) => close(`${compensation} Var u_${j}`, v, exact.variance[j]!, scale * scale));
            close(`${compensation} E‖u‖²`, cf.meanSquareNorm!, exact.meanSquareNorm, scale * scale);
          }
          expect(failures).toEqual([]);
        },
      ),
      { numRuns: 150, seed: 31337 },
    );
  });

  it('constant: with c* = ‖Wx‖/E‖(M⊙W)x‖ from enumeration, E‖u‖² ≥ ‖Wx‖² (Jensen)', () => {
    const x = [0.5, -1.25, 2];
    const weights = seededWeights(2, 3, 9);
    const q = 0.4;
    const exact = enumerate(x, weights, q, 1);
    const cf0 = dropConnectClosedForms({ x, weights, keep: q, compensation: 'inverted' });
    const constantScale = cf0.testNorm / exact.expectedMaskedNorm;
    const cf = dropConnectClosedForms({ x, weights, keep: q, compensation: 'constant', constantScale });
    expect(cf.meanSquareNorm!).toBeGreaterThanOrEqual(cf.testNorm ** 2);
    const failures: string[] = [];
    compare(failures, 'E‖u‖²', cf.meanSquareNorm!, enumerate(x, weights, q, constantScale).meanSquareNorm, 1);
    expect(failures).toEqual([]);
  });

  it('reports null moments for match, and for constant without c*', () => {
    const weights = seededWeights(2, 2, 1);
    for (const cf of [
      dropConnectClosedForms({ x: [1, 2], weights, keep: 0.5, compensation: 'match' }),
      dropConnectClosedForms({ x: [1, 2], weights, keep: 0.5, compensation: 'constant' }),
    ]) {
      expect(cf.meanVector).toBeNull();
      expect(cf.varianceVector).toBeNull();
      expect(cf.meanSquareNorm).toBeNull();
      expect(cf.testOutput).toHaveLength(2);
    }
  });

  it('rejects weights whose size is not rows × n', () => {
    expect(() => dropConnectClosedForms({ x: [1, 2], weights: { rows: 2, values: [1, 2, 3] }, keep: 0.5, compensation: 'inverted' })).toThrow(RangeError);
  });
});

describe('seededWeights(rows, units, seed)', () => {
  it('is reproducible, differs between seeds, and has entries of variance 1/n', () => {
    const a = seededWeights(40, 250, 5);
    expect(seededWeights(40, 250, 5)).toEqual(a);
    expect(seededWeights(40, 250, 6).values).not.toEqual(a.values);
    expect(a.rows).toBe(40);
    expect(a.values).toHaveLength(10000);
    const mean = a.values.reduce((s, v) => s + v, 0) / a.values.length;
    const variance = a.values.reduce((s, v) => s + (v - mean) ** 2, 0) / (a.values.length - 1);
    // 10000 normal draws: SE(mean) = √(1/250/10000), SE(variance) ≈ (1/250)·√(2/9999).
    expect(Math.abs(mean) / Math.sqrt(1 / 250 / 10000)).toBeLessThan(4.5);
    expect(Math.abs(variance - 1 / 250) / ((1 / 250) * Math.sqrt(2 / 9999))).toBeLessThan(4.5);
  });
});
