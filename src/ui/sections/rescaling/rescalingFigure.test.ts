import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallState } from '../testStates.ts';
import { type AnalysisResult, type Compensation, COMPENSATIONS, MASK_MODELS, type MaskModel, seededWeights } from '../../../math/index.ts';
import { analyze } from '../../../math/engine.ts';
import { rescalingFigure } from './rescalingFigure.ts';

const popcount = (m: number) => m.toString(2).replace(/0/g, '').length;
const binomial = (n: number, k: number): number => (k === 0 ? 1 : (binomial(n - 1, k - 1) * n) / k);
const norm = (v: readonly number[]) => Math.sqrt(v.reduce((s, a) => s + a * a, 0));

/** E‖m⊙x‖ and P(m⊙x = 0) by plain loops over every unit mask. */
function brute(x: readonly number[], fixed: boolean, q: number, kept: number) {
  const n = x.length;
  let mean = 0;
  let zero = 0;
  for (let mask = 0; mask < 2 ** n; mask++) {
    const k = popcount(mask);
    if (fixed && k !== kept) continue;
    const p = fixed ? 1 / binomial(n, kept) : q ** k * (1 - q) ** (n - k);
    const length = norm(x.map((v, i) => ((mask >> i) & 1 ? v : 0)));
    mean += p * length;
    if (length === 0) zero += p;
  }
  return { mean, zero };
}

function engine(x: number[], keep: number, model: MaskModel, kept: number, compensation: Compensation): AnalysisResult {
  return analyze({
    x, keep, model, ...(model === 'fixed' ? { kept } : {}), compensation,
    edges: [0, 1, 100], method: 'auto', ...(model === 'dropconnect' ? { weights: seededWeights(2, x.length, 1) } : {}),
  });
}

describe('rescalingFigure', () => {
  it('gives E‖m⊙x‖, c* = ‖x‖/E‖m⊙x‖ and P(all dropped) equal to brute force, for all 15 models × compensations', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(
        smallState,
        ({ x, q, n, kept }) => {
          for (const model of MASK_MODELS) {
            const keep = model === 'fixed' ? kept / n : q;
            const b = brute(x, model === 'fixed', keep, kept);
            for (const compensation of COMPENSATIONS) {
              const result = engine(x, keep, model, kept, compensation);
              const figure = rescalingFigure({ x, keep, model, kept }, [result]);
              expect(Math.abs((figure.maskedNorm?.value ?? Number.NaN) - b.mean)).toBeLessThan(1e-9);
              expect(Math.abs((figure.constantScale ?? Number.NaN) - norm(x) / b.mean)).toBeLessThan(1e-8 * (norm(x) / b.mean));
              // Unit models: the engine's provenance; DropConnect: the Bernoulli closed form, and no unit P₀.
              expect(figure.maskedNorm?.method).toBe(model === 'dropconnect' ? 'closed-form' : result.meanMaskedNorm.method);
              expect(figure.constantForUnitMasksInstead).toBe(model === 'dropconnect');
              expect(figure.pAllDropped === null ? null : Math.abs(figure.pAllDropped - b.zero) < 1e-12).toBe(model === 'dropconnect' ? null : true);
              const low = 1 / Math.sqrt(keep);
              const high = 1 / keep;
              // The bounds meet at q = 1 (k = n): no position.
              expect(figure.position === null ? null : Math.abs(figure.position - (norm(x) / b.mean - low) / (high - low)) < 1e-8)
                .toBe(keep === 1 ? null : true);
            }
          }
        },
      ),
      { numRuns: 10 },
    );
  });

  it('waits for the engine (no number) under a unit model until a result for this state is ready', () => {
    const x = [0.1, 0.1, 0.2, 5];
    const figure = rescalingFigure({ x, keep: 0.5, model: 'fixed', kept: 2 }, [engine(x, 0.75, 'fixed', 3, 'inverted')]);
    expect(figure.maskedNorm).toBeNull();
    expect(figure.constantScale).toBeNull();
    expect(figure.pAllDropped).toBeNull();
  });

  it('names the masks: exactly k of n kept, Bernoulli, or DropConnect’s', () => {
    const x = [0.1, 0.1, 0.2, 5];
    expect(rescalingFigure({ x, keep: 0.5, model: 'fixed', kept: 2 }, []).modelWords).toBe('exactly 2 of 4 kept');
    expect(rescalingFigure({ x, keep: 0.5, model: 'bernoulli', kept: 2 }, []).modelWords).toBe('Bernoulli masks');
    expect(rescalingFigure({ x, keep: 0.5, model: 'dropconnect', kept: 2 }, []).modelWords).toContain('DropConnect');
  });
});
