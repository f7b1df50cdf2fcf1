import { describe, expect, it } from 'vitest';
import { analyze, chooseMethod, defaultEdges, validateRequest } from './analyze.ts';
import { seededWeights } from './dropConnect.ts';
import type { AnalysisRequest } from './types.ts';

const base: AnalysisRequest = { x: [0.1, 0.1, 0.2, 5], keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges: [0, 5, 11] };
const units = (n: number): number[] => Array.from({ length: n }, (_, i) => 1 + (i % 3));

describe('chooseMethod(request)', () => {
  it('enumerates up to n = 20, splits up to n = 36, samples beyond', () => {
    expect(chooseMethod({ ...base, x: units(20) })).toBe('enumerate');
    expect(chooseMethod({ ...base, x: units(21) })).toBe('split');
    expect(chooseMethod({ ...base, x: units(36) })).toBe('split');
    expect(chooseMethod({ ...base, x: units(37) })).toBe('sample');
    expect(chooseMethod({ ...base, model: 'fixed', x: units(30), kept: 10, keep: 1 / 3 })).toBe('split');
  });

  it("gives 'match' a closed-form distribution and DropConnect enumeration while d·n ≤ 20", () => {
    expect(chooseMethod({ ...base, x: units(500), compensation: 'match' })).toBe('closed-form');
    expect(chooseMethod({ ...base, model: 'dropconnect', x: units(5) })).toBe('enumerate');
    expect(chooseMethod({ ...base, model: 'dropconnect', x: units(6) })).toBe('sample');
    expect(chooseMethod({ ...base, model: 'dropconnect', x: units(6), weights: seededWeights(3, 6, 1) })).toBe('enumerate');
  });

  it('keeps a forced method', () => {
    expect(chooseMethod({ ...base, method: 'split' })).toBe('split');
    expect(chooseMethod({ ...base, method: 'sample' })).toBe('sample');
  });
});

describe('validateRequest(request)', () => {
  it.each<[Partial<AnalysisRequest>, RegExp]>([
    [{ x: [] }, /at least one unit/],
    [{ x: [1, Number.NaN] }, /finite number/],
    [{ keep: 0 }, /greater than 0 and at most 1/],
    [{ keep: 1.2 }, /greater than 0 and at most 1/],
    [{ model: 'fixed', kept: 0, keep: 0 }, /keep probability/],
    [{ model: 'fixed', kept: 5 }, /whole number of units from 1 to 4/],
    [{ model: 'fixed', kept: 1 }, /keep must equal kept\/n = 1\/4/],
    [{ model: 'fixed', keep: 0.1 }, /whole number of units from 1 to 4, got 0/],
    [{ kept: 2 }, /only to the fixed model/],
    [{ edges: [0] }, /at least two finite edges/],
    [{ edges: [0, 2, 2] }, /strictly increasing/],
    [{ method: 'enumerate', x: units(25) }, /enumerate handles n ≤ 24/],
    [{ method: 'split', x: units(41) }, /split handles n ≤ 40/],
    [{ method: 'closed-form' }, /closed-form gives the distribution of ‖y‖ only for the match compensation/],
    [{ model: 'dropconnect', method: 'split' }, /DropConnect's distribution/],
    [{ model: 'dropconnect', method: 'enumerate', x: units(6) }, /rows × n ≤ 20/],
    [{ samples: 0 }, /samples must be a whole number/],
    [{ seed: -1 }, /seed must be a whole number/],
    [{ downstream: [1, 2] }, /downstream weights need 4 finite numbers/],
    [{ model: 'dropconnect', weights: { rows: 2, values: [1, 2, 3] } }, /rows × 4 = 8 finite numbers/],
  ])('explains %j in plain words, and analyze throws RangeError with them', (change, message) => {
    const request = { ...base, ...change } as AnalysisRequest;
    const problem = validateRequest(request);
    expect(problem).toMatch(message);
    expect(() => analyze(request)).toThrow(RangeError);
    expect(() => analyze(request)).toThrow(problem!);
  });

  it('accepts a valid request', () => {
    expect(validateRequest(base)).toBeNull();
    expect(validateRequest({ ...base, model: 'fixed', kept: 2 })).toBeNull();
  });
});

describe('defaultEdges(x, keep, compensation, bins)', () => {
  it('covers [0, max‖y‖] in equal bins, the last edge exactly the all-kept norm', () => {
    expect(defaultEdges([3, 4], 0.5, 'inverted', 4)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(defaultEdges([3, 4], 0.25, 'sqrt', 2)).toEqual([0, 5, 10]);
    expect(defaultEdges([3, 4], 0.25, 'none', 2)).toEqual([0, 2.5, 5]);
    expect(defaultEdges([3, 4], 0.25, 'match', 1)).toEqual([0, 5]);
    // 'constant' reaches c*·‖x‖: E‖m⊙x‖ = (0 + 3 + 4 + 5)/4 = 3, c* = 5/3, so 25/3 (not 1/q·‖x‖ = 10).
    expect(defaultEdges([3, 4], 0.5, 'constant', 1)[1]).toBeCloseTo(25 / 3, 14);
    // Fixed model with k = 1: the largest unit alone, 4/q.
    expect(defaultEdges([3, 4], 0.5, 'inverted', 2, undefined, 1)).toEqual([0, 4, 8]);
    expect(defaultEdges([0, 0], 0.5, 'inverted', 2)).toEqual([0, 0.5, 1]);
  });

  it('reaches the largest ‖(M⊙W)x‖ over all weight masks for DropConnect (brute force)', () => {
    const x = [0.5, -1, 2];
    const weights = seededWeights(2, 3, 4);
    let largest = 0;
    for (let mask = 0; mask < 64; mask++) {
      let squares = 0;
      for (let j = 0; j < 2; j++) {
        let u = 0;
        for (let i = 0; i < 3; i++) if ((mask >> (j * 3 + i)) & 1) u += weights.values[j * 3 + i]! * x[i]!;
        squares += u * u;
      }
      largest = Math.max(largest, Math.sqrt(squares));
    }
    const edges = defaultEdges(x, 0.5, 'inverted', 2, weights);
    expect(edges[2]).toBeCloseTo(largest / 0.5, 12);
  });
});
