import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallState } from '../testStates.ts';
import { type AnalysisResult, type Compensation, COMPENSATIONS, MASK_MODELS, type MaskModel, seededWeights } from '../../../math/index.ts';
import { analyze } from '../../../math/engine.ts';
import { manyMasksNumbers, masksFigure, type TableModel } from './masksFigure.ts';

const popcount = (m: number) => m.toString(2).replace(/0/g, '').length;
const binomial = (n: number, k: number): number => (k === 0 ? 1 : (binomial(n - 1, k - 1) * n) / k);
const norm = (v: readonly number[]) => Math.sqrt(v.reduce((s, a) => s + a * a, 0));

/** E‖m⊙x‖ by plain loops over every unit mask (no Gray code, no quadrature). */
function bruteMaskedNorm(x: readonly number[], model: TableModel, q: number, kept: number): { mean: number; count: number } {
  const n = x.length;
  let mean = 0;
  let count = 0;
  for (let mask = 0; mask < 2 ** n; mask++) {
    const k = popcount(mask);
    if (model === 'fixed' && k !== kept) continue;
    const p = model === 'fixed' ? 1 / binomial(n, kept) : q ** k * (1 - q) ** (n - k);
    mean += p * norm(x.map((v, i) => ((mask >> i) & 1 ? v : 0)));
    count++;
  }
  return { mean, count };
}

function engine(x: number[], keep: number, model: MaskModel, kept: number, compensation: Compensation): AnalysisResult {
  return analyze({
    x, keep: model === 'fixed' ? kept / x.length : keep, model, ...(model === 'fixed' ? { kept } : {}), compensation,
    edges: [0, 1, 100], method: 'auto', ...(model === 'dropconnect' ? { weights: seededWeights(2, x.length, 1) } : {}),
  });
}

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe('masksFigure', () => {
  it('lists the masks and averages E‖m⊙x‖, E‖m⊙x‖/q equal to brute force, for all 15 models × compensations', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(
        smallState,
        ({ x, q, n, kept }) => {
          for (const model of MASK_MODELS) {
            const keep = model === 'fixed' ? kept / n : q;
            for (const compensation of COMPENSATIONS) {
              const result = engine(x, q, model, kept, compensation);
              const figure = masksFigure({ x, keep, model, kept, norm: norm(x) }, result);
              // The listed model: its own for unit models, Bernoulli unit masks under DropConnect.
              expect(figure.listed.model).toBe(model === 'fixed' ? 'fixed' : 'bernoulli');
              expect(figure.showsUnitMasksInstead).toBe(model === 'dropconnect');
              for (const average of [figure.listed, figure.other]) {
                const qOf = average.model === 'fixed' ? kept / n : keep;
                const brute = bruteMaskedNorm(x, average.model, qOf, kept);
                expect(average.q).toBe(qOf);
                expect(average.rows).toHaveLength(brute.count);
                close(average.rows.reduce((s, r) => s + r.probability, 0), 1);
                close(average.derivation.meanMaskedNorm, brute.mean);
                close(average.meanMaskedNorm.value, brute.mean);
                close(average.meanNorm.value, brute.mean / qOf);
                expect(average.meanNorm.method).toBe(average.meanMaskedNorm.method);
              }
              // One provenance: the engine's method whenever its result is for the listed masks.
              expect(figure.listed.meanMaskedNorm).toEqual(model === 'dropconnect' ? { value: figure.listed.meanMaskedNorm.value, method: 'closed-form' } : result.meanMaskedNorm);
              close(figure.excessPercent ?? Number.NaN, (bruteMaskedNorm(x, figure.listed.model, figure.listed.q, kept).mean / figure.listed.q / norm(x) - 1) * 100);
              // Too many masks: the engine's numbers for unit models, none for DropConnect.
              const many = manyMasksNumbers(result);
              const bruteMany = bruteMaskedNorm(x, figure.listed.model, keep, kept).mean;
              expect(many === null ? null : [many.masked.value, many.divided.value].map((v, i) => Math.abs(v - bruteMany / (i === 0 ? 1 : keep)) < 1e-9))
                .toEqual(model === 'dropconnect' ? null : [true, true]);
            }
          }
        },
      ),
      { numRuns: 10 },
    );
  });

  it('reproduces the accepted answer, 2.5991 with the engine’s provenance, and names the other model', () => {
    const x = [0.1, 0.1, 0.2, 5];
    const result = engine(x, 0.5, 'fixed', 2, 'inverted');
    const figure = masksFigure({ x, keep: 0.5, model: 'fixed', kept: 2, norm: norm(x) }, result);
    expect(figure.listed.meanMaskedNorm.value.toFixed(4)).toBe('2.5991');
    expect(figure.listed.meanMaskedNorm.method).toBe(result.meanMaskedNorm.method);
    expect(figure.countText).toBe('the C(4, 2) = 6 masks that keep exactly 2');
    expect(figure.otherText).toContain('Real dropout at q = 0.50 draws all 16 masks');
    expect(figure.otherText).toContain('E‖y‖ = 5.1572');
    expect(figure.groupsByKeptCount).toBe(false);
  });

  it('falls back to the closed form, and says so, while the engine’s result is for another state', () => {
    const x = [0.1, 0.1, 0.2, 5];
    const figure = masksFigure({ x, keep: 0.5, model: 'bernoulli', kept: 2, norm: norm(x) }, null);
    expect(figure.listed.meanMaskedNorm.method).toBe('closed-form');
    close(figure.listed.meanMaskedNorm.value, bruteMaskedNorm(x, 'bernoulli', 0.5, 2).mean);
  });
});
