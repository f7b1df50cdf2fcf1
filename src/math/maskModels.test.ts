import { describe, expect, it } from 'vitest';
import { COMPENSATION_DESCRIPTORS } from './compensations.ts';
import { MASK_MODEL_DESCRIPTORS, unreachable } from './maskModels.ts';
import { COMPENSATIONS, MASK_MODELS } from './types.ts';

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
