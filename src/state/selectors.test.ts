import { describe, expect, it } from 'vitest';
import { seededWeights } from '../math/index.ts';
import { SEED_STATE } from './explorerState.ts';
import { DROPCONNECT_ROWS, selectWeights } from './selectors.ts';

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
