import { describe, expect, it } from 'vitest';
import { binOf, equalEdges, exactDownstreamBins, normalDownstreamBins } from './downstreamBins.ts';

describe('exactDownstreamBins', () => {
  it('puts all the mass of the atoms in the bins, on a range that covers them and w·x', () => {
    const bins = exactDownstreamBins([0, 1, 2, 3], [0.1, 0.2, 0.3, 0.4], 5, 10);
    expect(bins.kind).toBe('exact');
    expect(bins.edges).toHaveLength(11);
    expect(bins.edges[0]).toBe(0);
    expect(bins.edges[10]).toBe(5);
    expect(bins.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 15);
    expect(bins.probabilities[0]).toBeCloseTo(0.1, 15);
    expect(bins.probabilities[2]).toBeCloseTo(0.2, 15);
  });
  it('ignores atoms of probability 0 for the range', () => {
    const bins = exactDownstreamBins([0, 100], [1, 0], 1, 4);
    expect(bins.edges.at(-1)).toBe(1);
  });
  it('widens a single point to a unit interval', () => {
    const bins = exactDownstreamBins([2], [1], 2, 4);
    expect(bins.edges).toEqual([1.5, 1.75, 2, 2.25, 2.5]);
    expect(bins.probabilities).toEqual([0, 0, 1, 0]);
  });
});

describe('binOf', () => {
  it('counts a value within 1e-12 of an edge as on it, and the last edge in the last bin', () => {
    const edges = equalEdges(0, 1, 4);
    expect(binOf(0.5 - 1e-15, edges)).toBe(2);
    expect(binOf(0.5 - 1e-9, edges)).toBe(1);
    expect(binOf(1, edges)).toBe(3);
    expect(binOf(0, edges)).toBe(0);
  });
});

describe('normalDownstreamBins', () => {
  it('gives the normal’s mass within ±4 sd (0.999937) for the approximation', () => {
    const bins = normalDownstreamBins(2, 9, 2, 40);
    expect(bins.kind).toBe('normal');
    expect(1 - bins.outside).toBeCloseTo(0.999936657516, 6);
    expect(bins.edges[0]).toBeCloseTo(-10, 12);
  });
  it('gives a point mass when the variance is 0', () => {
    const bins = normalDownstreamBins(3, 0, 3, 8);
    expect(bins.probabilities.reduce((s, p) => s + p, 0)).toBe(1);
    expect(bins.outside).toBe(0);
  });
});
