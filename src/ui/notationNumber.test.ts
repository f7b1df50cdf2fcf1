import { describe, expect, it } from 'vitest';
import { createExplorerStore } from '../state/explorerStore.ts';
import { KEEP_STEP, SEED_STATE } from '../state/explorerState.ts';
import { minKept } from '../state/withOneKeep.ts';
import { complement, keepRange } from './notationNumber.ts';

/** A store at n units (all 1) under the fixed model with k kept. */
function fixedStore(units: number, kept: number) {
  const store = createExplorerStore(SEED_STATE);
  store.getState().setVector(new Array<number>(units).fill(1));
  store.getState().setModel('fixed');
  store.getState().setKept(kept);
  return store;
}

describe('keepRange', () => {
  it('moves k by exactly one per step under the fixed model, in both notations, for every n ≤ 40 and k', () => {
    for (let units = 1; units <= 40; units++) {
      const range = keepRange('fixed', units);
      expect(range.min).toBe(minKept(units) / units);
      for (let kept = minKept(units); kept < units; kept++) {
        const store = fixedStore(units, kept);
        expect(store.getState().kept).toBe(kept);
        // Keep notation: q + step.
        store.getState().setKeep(Number((store.getState().keep + range.step).toFixed(12)));
        expect(store.getState().kept).toBe(kept + 1);
        // Drop notation: p − step is the same q + step, read back through the complement.
        const back = fixedStore(units, kept + 1);
        back.getState().setKeep(complement(complement(back.getState().keep) + range.step));
        expect(back.getState().kept).toBe(kept);
      }
    }
  });
  it('is the page-wide KEEP_STEP grid for Bernoulli masks and DropConnect', () => {
    for (const model of ['bernoulli', 'dropconnect'] as const) {
      expect(keepRange(model, 4)).toEqual({ min: expect.any(Number), max: 1, step: KEEP_STEP });
    }
  });
});
