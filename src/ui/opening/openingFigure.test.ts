import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnalysisResult, type MaskModel } from '../../math/index.ts';
import { analyze } from '../../math/engine.ts';
import { openingFigure } from './openingFigure.ts';

/** Every mask of n units with its probability under Bernoulli(q), or uniform over the k-subsets. */
function masks(n: number, q: number, kept: number | null): { mask: number; p: number }[] {
  const all = [...Array(2 ** n).keys()].map((mask) => {
    const k = [...Array(n).keys()].filter((i) => (mask >> i) & 1).length;
    return { mask, k, p: q ** k * (1 - q) ** (n - k) };
  });
  if (kept === null) return all;
  const subsets = all.filter((m) => m.k === kept);
  return subsets.map((m) => ({ mask: m.mask, p: 1 / subsets.length }));
}

/** E‖y‖ and E‖y‖² of y = m⊙x/q by brute force, and E[y]. */
function brute(x: readonly number[], q: number, kept: number | null) {
  let mean = 0;
  let meanSquare = 0;
  const meanVector = x.map(() => 0);
  for (const { mask, p } of masks(x.length, q, kept)) {
    const y = x.map((v, i) => (((mask >> i) & 1) === 1 ? v / q : 0));
    const square = y.reduce((s, v) => s + v * v, 0);
    mean += p * Math.sqrt(square);
    meanSquare += p * square;
    y.forEach((v, i) => (meanVector[i] = (meanVector[i] ?? 0) + p * v));
  }
  return { mean, meanSquare, meanVector };
}

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe('openingFigure', () => {
  it('E‖y‖² = ‖x‖²/q, ‖x‖/√q and E‖y‖ (from a matching 1/q result) agree with brute force, inside [‖x‖, ‖x‖/√q], for both unit models', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom<MaskModel>('bernoulli', 'fixed'),
        fc.integer({ min: 1, max: 19 }),
        (x, model, twentieths) => {
          const n = x.length;
          const kept = model === 'fixed' ? Math.max(1, Math.round((twentieths / 20) * n)) : null;
          const q = kept === null ? twentieths / 20 : kept / n;
          const request = { x, keep: q, model, compensation: 'inverted', edges: [0, 1, 100] } as const;
          const result = analyze(kept === null ? request : { ...request, kept });
          const figure = openingFigure({ x, keep: q, model, kept: kept ?? 0, results: [null, result] });
          const truth = brute(x, q, kept);
          close(figure.meanSquare, truth.meanSquare);
          close(figure.rms, Math.sqrt(truth.meanSquare));
          close(figure.norm, Math.hypot(...x));
          expect(figure.mean).not.toBeNull();
          close(figure.mean?.value ?? Number.NaN, truth.mean);
          // E[y] = x, the first claim, holds exactly for both models.
          truth.meanVector.forEach((v, i) => close(v, x[i] ?? Number.NaN));
          // The third claim: ‖x‖ ≤ E‖y‖ ≤ ‖x‖/√q.
          expect(truth.mean).toBeGreaterThanOrEqual(figure.norm * (1 - 1e-12) - 1e-12);
          expect(truth.mean).toBeLessThanOrEqual(figure.rms * (1 + 1e-12) + 1e-12);
          expect(figure.kept).toBe(kept);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('takes E‖y‖ only from a 1/q result for the same state: not from another compensation, q, model or vector', () => {
    const x = [0.1, 0.1, 0.2, 5];
    const base = { x, keep: 0.5, model: 'bernoulli', edges: [0, 1, 20] } as const;
    const of = (r: AnalysisResult) => openingFigure({ x, keep: 0.5, model: 'bernoulli', kept: 2, results: [r] }).mean;
    expect(of(analyze({ ...base, compensation: 'sqrt' }))).toBeNull();
    expect(of(analyze({ ...base, keep: 0.25, compensation: 'inverted' }))).toBeNull();
    expect(of(analyze({ ...base, x: [0.1, 0.1, 0.2, 4], compensation: 'inverted' }))).toBeNull();
    expect(of(analyze({ ...base, model: 'fixed', kept: 2, compensation: 'inverted' }))).toBeNull();
    expect(of(analyze({ ...base, compensation: 'inverted' }))?.value).toBeCloseTo(brute(x, 0.5, null).mean, 12);
  });

  it('under DropConnect answers for Bernoulli unit dropout and shows no engine E‖y‖ (the engine computed ‖u‖)', () => {
    const x = [0.1, 0.1, 0.2, 5];
    const result = analyze({ x, keep: 0.5, model: 'dropconnect', compensation: 'inverted', edges: [0, 1, 20] });
    const figure = openingFigure({ x, keep: 0.5, model: 'dropconnect', kept: 2, results: [result] });
    expect(figure).toMatchObject({ unitModel: 'bernoulli', otherModel: true, mean: null, kept: null });
    close(figure.meanSquare, brute(x, 0.5, null).meanSquare);
  });
});
