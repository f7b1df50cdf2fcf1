import { describe, expect, it } from 'vitest';
import { seededWeights, type UnitLawInput } from '../math/index.ts';
import { SEED_STATE, type ExplorerState } from './explorerState.ts';
import { selectMeanQueries, unitModelOf } from './meanQueries.ts';

const X = [0.1, 0.1, 0.2, 5];
const base: ExplorerState = { ...SEED_STATE, source: { kind: 'explicit', values: X }, weightsSeed: 3 };
const inputOf = (state: ExplorerState) => selectMeanQueries(state)[0]!.input as UnitLawInput;

describe('selectMeanQueries', () => {
  it('asks for the mean kind with x, q, the unit model, k, the compensation and the page’s seeded w', () => {
    const [only, ...rest] = selectMeanQueries(base);
    expect(rest).toEqual([]);
    expect(only?.kind).toBe('mean');
    const input = inputOf(base);
    expect(input.x).toBe(X);
    expect(input.w).toEqual(seededWeights(1, 4, 3).values);
    expect(input).toMatchObject({ keep: base.keep, model: 'bernoulli', kept: null, compensation: base.compensation });
  });
  it('shows Bernoulli masks at the same q under DropConnect, and q = k/n with k under the fixed model', () => {
    expect(inputOf({ ...base, model: 'dropconnect', keep: 0.3 })).toMatchObject({ model: 'bernoulli', keep: 0.3, kept: null });
    expect(inputOf({ ...base, model: 'fixed', kept: 3, keep: 0.75 })).toMatchObject({ model: 'fixed', keep: 0.75, kept: 3 });
    expect(unitModelOf('fixed')).toBe('fixed');
  });
  it('resends nothing for display state, nor for a new sampling seed where nothing is sampled', () => {
    const first = selectMeanQueries(base);
    expect(selectMeanQueries({ ...base, bins: base.bins + 1, notation: 'drop' })).toBe(first);
    expect(selectMeanQueries({ ...base, seed: base.seed + 1 })).toBe(first);
    expect(selectMeanQueries({ ...base, weightsSeed: 4 })).not.toBe(first);
  });
  it('follows the sampling seed where the kernel samples: a large layer under per-sample matching', () => {
    const large: ExplorerState = { ...base, source: { kind: 'explicit', values: new Array(24).fill(1) }, compensation: 'match' };
    const first = selectMeanQueries(large);
    const reseeded = selectMeanQueries({ ...large, seed: large.seed + 1 });
    expect(reseeded).not.toBe(first);
    expect(inputOf({ ...large, seed: large.seed + 1 }).seed).toBe(large.seed + 1);
  });
});
