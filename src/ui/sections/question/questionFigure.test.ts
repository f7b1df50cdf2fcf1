import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPENSATIONS, MASK_MODELS } from '../../../math/index.ts';
import { smallState } from '../testStates.ts';
import { questionFigure } from './questionFigure.ts';

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));

/** P(m = 0) by summing q^k(1 − q)^(n−k) over every unit mask with no unit kept (plain loops). */
function bruteAllDropped(n: number, q: number): number {
  let p = 0;
  for (let m = 0; m < 2 ** n; m++) {
    let weight = 1;
    for (let i = 0; i < n; i++) weight *= (m >> i) & 1 ? q : 1 - q;
    if (m === 0) p += weight;
  }
  return p;
}

describe('questionFigure', () => {
  it('shows ‖x‖, ‖m⊙x‖ and ‖y‖ = ‖m⊙x‖/q of the chosen mask, for every model and compensation', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(smallState, fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), fc.boolean(), ({ x, q, n, kept }, bits, chooses) => {
        const mask = chooses ? bits.slice(0, n).map((b) => (b ? 1 : 0) as 0 | 1) : null;
        for (const model of MASK_MODELS) {
          const keep = model === 'fixed' ? kept / n : q;
          for (const compensation of COMPENSATIONS) {
            const figure = questionFigure({ x, mask, keep, model, kept, compensation });
            const shown = mask ?? new Array<0 | 1>(n).fill(1);
            expect(figure.mask).toEqual(shown);
            let masked = 0;
            let all = 0;
            for (let i = 0; i < n; i++) {
              all += x[i]! ** 2;
              if (shown[i] === 1) masked += x[i]! ** 2;
            }
            close(figure.derivation.norm, Math.sqrt(all));
            close(figure.derivation.maskedNorm, Math.sqrt(masked));
            // Always 1/q, the question as asked, whatever the page's compensation.
            close(figure.derivation.compensatedNorm, Math.sqrt(masked) / keep);
            close(figure.ratio ?? Number.NaN, Math.sqrt(masked) / keep / Math.sqrt(all));
            expect(figure.compensationUnused).toBe(compensation !== 'inverted');
            expect(figure.unitMaskInstead).toBe(model === 'dropconnect');
            expect(figure.noKeep).toBe(false);
            const keptUnits = shown.filter((b) => b === 1).length;
            const expected =
              keptUnits === 0 ? 'all-dropped' : masked === 0 ? 'zero-kept' : keptUnits === n ? 'all-kept' : null;
            expect(figure.ending?.kind ?? null).toBe(expected);
            const probability = figure.ending?.kind === 'all-dropped' ? figure.ending.bernoulliProbability : null;
            const error = probability === null ? null : Math.abs(probability - bruteAllDropped(n, keep));
            expect(error === null ? null : error <= 1e-12).toBe(expected === 'all-dropped' ? true : null);
            // The text alternative and the data table carry the same three norms, to the digits shown.
            expect(figure.text.rows).toHaveLength(n + 1);
            expect(figure.text.rows[n]?.[2]).toBe(`${keptUnits} kept`);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
  it('has no figure under the fixed model with k = 0', () => {
    const figure = questionFigure({ x: [1, 2], mask: null, keep: 0.5, model: 'fixed', kept: 0, compensation: 'inverted' });
    expect(figure.noKeep).toBe(true);
  });
});
