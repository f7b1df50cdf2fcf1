import { describe, expect, it } from 'vitest';
import { seededWeights } from '../math/index.ts';
import { SEED_STATE } from './explorerState.ts';
import { DROPCONNECT_ROWS, selectMaskRows, selectNorm, selectVector, selectWeights } from './selectors.ts';

describe('selectWeights', () => {
  it('is the seeded w and W for n and the weights seed, the same object until either changes', () => {
    const state = { ...SEED_STATE, source: { kind: 'explicit', values: [0.1, 0.1, 0.2, 5] }, weightsSeed: 7 } as const;
    const first = selectWeights(state);
    expect(first.downstream).toEqual(seededWeights(1, 4, 7).values);
    expect(first.matrix).toEqual(seededWeights(DROPCONNECT_ROWS, 4, 7));
    expect(selectWeights({ ...state, keep: 0.3 })).toBe(first);
    const reseeded = selectWeights({ ...state, weightsSeed: 8 });
    expect(reseeded).not.toBe(first);
    expect(reseeded.matrix).toEqual(seededWeights(DROPCONNECT_ROWS, 4, 8));
  });
});

describe('selectors read by two states at once (the live store and a frozen section\'s snapshot)', () => {
  it('give each state the same objects on every call, however the calls alternate', () => {
    const live = { ...SEED_STATE, source: { kind: 'generated', spec: { kind: 'uniform', units: 384, seed: 7, norm: 0.885 } } } as const;
    const frozen = { ...SEED_STATE, source: { kind: 'generated', spec: { kind: 'uniform', units: 12, seed: 7, norm: 0.885 } }, keep: 0.3 } as const;
    const first = {
      vector: [selectVector(live), selectVector(frozen)],
      weights: [selectWeights(live), selectWeights(frozen)],
      masks: [selectMaskRows(live), selectMaskRows(frozen)],
    };
    expect(first.vector[0]).toHaveLength(384);
    expect(first.masks[1]).toHaveLength(2 ** 12);
    for (let round = 0; round < 3; round++) {
      expect(selectVector(live)).toBe(first.vector[0]);
      expect(selectVector(frozen)).toBe(first.vector[1]);
      expect(selectWeights(live)).toBe(first.weights[0]);
      expect(selectWeights(frozen)).toBe(first.weights[1]);
      expect(selectMaskRows(live)).toBe(first.masks[0]);
      expect(selectMaskRows(frozen)).toBe(first.masks[1]);
      expect(selectNorm(live)).toBe(selectNorm(live));
    }
  });
});
