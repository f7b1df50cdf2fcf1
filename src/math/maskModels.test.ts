import { describe, expect, it } from 'vitest';
import { COMPENSATION_DESCRIPTORS, isPerSample, scalarScale, scaleFromMean } from './compensations.ts';
import { keepsCount, MASK_MODEL_DESCRIPTORS, masksWeights, unitLawKind, unreachable } from './maskModels.ts';
import { COMPENSATIONS, MASK_MODELS, type Compensation, type MaskModel } from './types.ts';

describe('MASK_MODEL_DESCRIPTORS and COMPENSATION_DESCRIPTORS', () => {
  it('describe every model and compensation once, under its own id', () => {
    expect(Object.keys(MASK_MODEL_DESCRIPTORS).sort()).toEqual([...MASK_MODELS].sort());
    for (const m of MASK_MODELS) expect(MASK_MODEL_DESCRIPTORS[m].id).toBe(m);
    expect(Object.keys(COMPENSATION_DESCRIPTORS).sort()).toEqual([...COMPENSATIONS].sort());
    for (const c of COMPENSATIONS) expect(COMPENSATION_DESCRIPTORS[c].id).toBe(c);
  });

  it('name DropConnect’s output u against Wx, and the unit models’ y against x', () => {
    expect(MASK_MODEL_DESCRIPTORS.dropconnect).toMatchObject({ output: 'u', reference: 'Wx', masks: 'weights' });
    expect(MASK_MODEL_DESCRIPTORS.bernoulli).toMatchObject({ output: 'y', reference: 'x', masks: 'units' });
    expect(MASK_MODEL_DESCRIPTORS.fixed.keepFromCount).toBe(true);
  });

  it('call only 1/q unbiased, and only ×q at test a test-time factor', () => {
    expect(COMPENSATIONS.filter((c) => COMPENSATION_DESCRIPTORS[c].unbiased)).toEqual(['inverted']);
    expect(COMPENSATIONS.map((c) => COMPENSATION_DESCRIPTORS[c].testFactor(0.3))).toEqual(
      COMPENSATIONS.map((c) => (c === 'none' ? 0.3 : 1)),
    );
  });

  it('unreachable throws with what was not handled', () => {
    expect(() => unreachable('fourth' as never, 'mask model')).toThrow('unhandled mask model: fourth');
  });
});

describe('ids as data: a place that misses a model or a compensation does not compile', () => {
  it('an exhaustive switch over Compensation without a case is a type error at its never-check', () => {
    const scaleOf = (c: Compensation): number => {
      switch (c) {
        case 'inverted':
        case 'none':
        case 'sqrt':
        case 'constant':
          return 1;
        default:
          // @ts-expect-error 'match' is not handled, so c is 'match' here, not never.
          return unreachable(c, 'compensation');
      }
    };
    expect(() => scaleOf('match')).toThrow('unhandled compensation: match');
  });

  it('a descriptor table without a model is a type error', () => {
    // @ts-expect-error 'dropconnect' is missing from the table.
    const partial: { readonly [m in MaskModel]: boolean } = { bernoulli: false, fixed: true };
    expect(Object.keys(partial)).toHaveLength(2);
  });

  it('the kernels read the descriptors: per sample, from the mean, weights, counts', () => {
    expect(COMPENSATIONS.filter(isPerSample)).toEqual(['match']);
    expect(COMPENSATIONS.filter(scaleFromMean)).toEqual(['constant']);
    expect(COMPENSATIONS.map((c) => scalarScale(c, 0.25, 3))).toEqual([4, 1, 2, null, 3]);
    expect(MASK_MODELS.filter(masksWeights)).toEqual(['dropconnect']);
    expect(MASK_MODELS.filter(keepsCount)).toEqual(['fixed']);
    expect(MASK_MODELS.map(unitLawKind)).toEqual(['bernoulli', 'fixed', 'bernoulli']);
  });
});
