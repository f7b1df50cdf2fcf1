import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';
import { createEdgeHistogram } from './sampleHistogram.ts';
import { addMoment, centralMoments, createMomentState } from './sampleMoments.ts';
import { createNormQuantileSketch, FINE_CELLS, medianRanks, PILOT_SIZE } from './sampleQuantiles.ts';

describe('createNormQuantileSketch', () => {
  it('returns exact order statistics while at most PILOT_SIZE values have been added', () => {
    const random = createRandom(1);
    const sketch = createNormQuantileSketch(10);
    const values: number[] = [];
    for (let k = 0; k < PILOT_SIZE - 1; k++) {
      const v = 10 * random.nextFloat();
      values.push(v);
      sketch.add(v);
    }
    values.sort((a, b) => a - b);
    for (const rank of [1, 2, 100, 2047, 4095]) expect(sketch.orderStatistic(rank)).toBe(values[rank - 1]);
  });

  it('beyond the pilot: order statistics of a continuous law within one fine cell, atoms exact', () => {
    const random = createRandom(2);
    const sketch = createNormQuantileSketch(3);
    const values: number[] = [];
    const count = 50000;
    for (let k = 0; k < count; k++) {
      // 30 % on the atom 2.5, the rest ≈ N(1, 0.01²).
      const v = random.nextFloat() < 0.3 ? 2.5 : 1 + 0.01 * random.normal();
      values.push(v);
      sketch.add(v);
    }
    values.sort((a, b) => a - b);
    const window = values[Math.floor(0.999 * count)]! - values[Math.floor(0.001 * count)]!;
    for (const rank of [5000, 17500, 25000, 34000]) {
      const exact = values[rank - 1]!;
      const error = Math.abs(sketch.orderStatistic(rank) - exact);
      expect(error).toBeLessThanOrEqual(exact === 2.5 ? 0 : (2 * window) / FINE_CELLS);
    }
    expect(sketch.orderStatistic(count)).toBe(2.5);
    expect(sketch.orderStatistic(1)).toBe(values[0]);
  });

  it('median ranks: ⌈N/2⌉ and the order-statistic interval around it', () => {
    expect(medianRanks(1)).toEqual({ median: 1, low: 1, high: 1 });
    const { median, low, high } = medianRanks(10000);
    expect(median).toBe(5000);
    expect(low).toBe(Math.floor((10000 - 1.959963984540054 * 100) / 2));
    expect(high).toBe(Math.ceil(1 + (10000 + 1.959963984540054 * 100) / 2));
  });
});

describe('createEdgeHistogram', () => {
  it('bins [e_j, e_{j+1}), closes the last bin, and counts values within 1e-12·max|e| of an edge as on it', () => {
    for (const edges of [[0, 1, 2, 3, 4], [0, 0.5, 2, 2.1, 4]]) {
      const h = createEdgeHistogram(edges);
      const inside = [0.25, 0.75, 1.5, 2.05, 3.5];
      for (const v of inside) h.add(v);
      const expected = new Array<number>(4).fill(0);
      for (const v of inside) expected[edges.findIndex((e, j) => v >= e && v < edges[j + 1]!)]!++;
      expect(Array.from(h.counts)).toEqual(expected);
      // On an interior edge (exactly, or off by rounding either way): the bin that starts there.
      for (const [j, v] of [[1, edges[1]!], [2, edges[2]! * (1 - 1e-15)], [3, edges[3]! * (1 + 1e-15)]] as const) {
        const before = h.counts[j]!;
        h.add(v);
        expect(h.counts[j]).toBe(before + 1);
      }
      // The top edge belongs to the last bin, also slightly above by rounding; beyond it nothing counts.
      const last = h.counts[3]!;
      h.add(4);
      h.add(4 * (1 + 1e-14));
      expect(h.counts[3]).toBe(last + 2);
      const total = h.counts.reduce((s, c) => s + c, 0);
      h.add(4.001);
      h.add(-0.001);
      expect(h.counts.reduce((s, c) => s + c, 0)).toBe(total);
    }
    expect(() => createEdgeHistogram([0, 1, 1])).toThrow(RangeError);
    expect(createEdgeHistogram([1]).counts).toHaveLength(0);
  });
});

describe('streaming moments', () => {
  it('match a two-pass computation to 1e-9 relative even with a large offset (1e8 + noise)', () => {
    const random = createRandom(3);
    const state = createMomentState();
    const values: number[] = [];
    for (let k = 0; k < 20000; k++) {
      const v = 1e8 + random.normal() + 0.5 * random.nextFloat() ** 3;
      values.push(v);
      addMoment(state, v);
    }
    const n = values.length;
    // Two-pass reference on the exactly representable offsets v − 1e8.
    const offsets = values.map((v) => v - 1e8);
    const meanOffset = offsets.reduce((s, u) => s + u, 0) / n;
    const central = (k: number): number => offsets.reduce((s, u) => s + (u - meanOffset) ** k, 0) / n;
    const moments = centralMoments(state);
    expect(Math.abs(moments.mean - 1e8 - meanOffset)).toBeLessThan(3e-8); // one ulp of 1e8 is 1.5e-8
    for (const [k, value] of [[2, moments.m2], [3, moments.m3], [4, moments.m4]] as const) {
      expect(Math.abs(value - central(k))).toBeLessThan(1e-9 * central(2) ** (k / 2));
    }
  });
});
