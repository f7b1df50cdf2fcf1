import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { focusedEdges } from './focusedEdges.ts';
import { generateVector } from './vectorSpec.ts';

describe('focusedEdges(x, q, compensation, bins)', () => {
  // 400 non-negative units: ‖y‖ concentrates around ‖x‖/√q with sd/mean ≈ 3 %.
  const x = generateVector({ kind: 'uniform', units: 400, seed: 3, norm: 1 });
  const q = 0.5;
  const edges = focusedEdges(x, q, 'inverted', 40);
  const result = analyze({ x, keep: q, model: 'bernoulli', compensation: 'inverted', edges, samples: 20000, seed: 2 });

  it('spans the whole support [0, ‖x‖/q], so the bins hold all the probability', () => {
    expect(edges[0]).toBe(0);
    expect(edges.at(-1)).toBeCloseTo(1 / q, 12);
    expect(edges.every((e, i) => i === 0 || e > edges[i - 1]!)).toBe(true);
    const total = result.histogram.probabilities.reduce((s, p) => s + p, 0);
    expect(Math.abs(total - 1)).toBeLessThan(1e-12);
  });

  it('puts the inner bins on E‖y‖ ± 6 sd (closed forms), where the mass is', () => {
    const mean = result.meanNorm.value;
    const sd = result.sdNorm.value;
    expect(result.meanNorm.method).toBe('closed-form');
    expect(edges[1]).toBeCloseTo(Math.max(0, mean - 6 * sd), 9);
    expect(edges.at(-2)).toBeCloseTo(Math.min(1 / q, mean + 6 * sd), 9);
    const p = result.histogram.probabilities;
    expect((p[0] ?? 1) + (p.at(-1) ?? 1)).toBeLessThan(1e-3);
  });

  it('keeps equal bins over the support for small, spiky or per-sample-matched vectors', () => {
    const plain = (e: readonly number[], bins: number) => e.length === bins + 1 && Math.abs((e[1] ?? 0) * bins - (e.at(-1) ?? 0)) < 1e-12;
    expect(plain(focusedEdges([0.1, 0.1, 0.2, 5], q, 'inverted', 10), 10)).toBe(true);
    expect(plain(focusedEdges(generateVector({ kind: 'dominant', units: 64, seed: 1, norm: 1 }), q, 'inverted', 20), 20)).toBe(true);
    expect(plain(focusedEdges(x, q, 'match', 20), 20)).toBe(true);
  });
});
