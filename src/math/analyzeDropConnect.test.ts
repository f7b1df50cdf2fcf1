import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { seededWeights, type DropConnectWeights } from './dropConnect.ts';
import type { Compensation } from './types.ts';

/** Brute force over every weight mask M (bits decoded directly): u = (M⊙W)x, ‖y‖, probability. */
function bruteDropConnect(x: number[], weights: DropConnectWeights, q: number, compensation: Compensation, edges: number[]) {
  const n = x.length;
  const d = weights.rows;
  const bits = d * n;
  const test = Array.from({ length: d }, (_, j) => x.reduce((a, v, i) => a + weights.values[j * n + i]! * v, 0));
  const testNorm = Math.hypot(...test);
  const masks: { u: number[]; r: number; p: number }[] = [];
  for (let t = 0; t < 2 ** bits; t++) {
    let kept = 0;
    const u = Array.from({ length: d }, (_, j) => {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        if ((t >> (j * n + i)) & 1) {
          kept++;
          sum += weights.values[j * n + i]! * x[i]!;
        }
      }
      return sum;
    });
    masks.push({ u, r: Math.hypot(...u), p: q ** kept * (1 - q) ** (bits - kept) });
  }
  const meanMasked = masks.reduce((a, m) => a + m.p * m.r, 0);
  const c = testNorm / meanMasked;
  const s = { inverted: 1 / q, none: 1, sqrt: 1 / Math.sqrt(q), constant: c, match: Number.NaN }[compensation];
  const ys = masks.map((m) => {
    const factor = compensation === 'match' ? (m.r > 0 ? testNorm / m.r : 0) : s;
    return { y: m.u.map((v) => factor * v), norm: compensation === 'match' ? (m.r > 0 ? testNorm : 0) : s * m.r, p: m.p };
  });
  const B = edges.length - 1;
  const slack = 1e-12 * Math.max(Math.abs(edges[0]!), Math.abs(edges[B]!));
  const sorted = [...ys].sort((a, b) => a.norm - b.norm);
  const quantile = (strict: boolean) => {
    let cumulative = 0;
    for (let i = 0; i < sorted.length; i++) {
      cumulative += sorted[i]!.p;
      const last = i === sorted.length - 1 || sorted[i + 1]!.norm !== sorted[i]!.norm;
      if (last && (strict ? cumulative > 0.5 + 1e-14 : cumulative >= 0.5 - 1e-14)) return sorted[i]!.norm;
    }
    return sorted[sorted.length - 1]!.norm;
  };
  const mean = ys.reduce((a, t) => a + t.p * t.norm, 0);
  const meanVector = test.map((_, j) => ys.reduce((a, t) => a + t.p * t.y[j]!, 0));
  return {
    testNorm,
    c,
    mean,
    meanSquare: ys.reduce((a, t) => a + t.p * t.norm ** 2, 0),
    meanVector,
    firstVariance: ys.reduce((a, t) => a + t.p * t.y[0]! ** 2, 0) - meanVector[0]! ** 2,
    pAbove: ys.filter((t) => t.norm > testNorm * (1 + 1e-12)).reduce((a, t) => a + t.p, 0),
    median: quantile(false),
    medianUpper: quantile(true),
    probabilities: edges.slice(1).map((_, j) =>
      ys.filter((t) => t.norm >= edges[j]! - slack && (j < B - 1 ? t.norm < edges[j + 1]! - slack : t.norm <= edges[B]! + slack)).reduce((a, t) => a + t.p, 0),
    ),
  };
}

const close = (actual: number, expected: number, relative = 1e-11) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + 1e-14);

describe('analyze: DropConnect by enumeration of all 2^(d·n) weight masks', () => {
  const x = [0.8, -1.3, 0.4, 2.1];
  const weights = seededWeights(3, 4, 9);
  const edges = [0, 0.4, 0.9, 1.3, 1.8, 2.4, 3.1, 4.5];

  it.each<Compensation>(['inverted', 'none', 'sqrt', 'constant', 'match'])('matches brute force for %s', (compensation) => {
    const q = 0.6;
    const brute = bruteDropConnect(x, weights, q, compensation, edges);
    const r = analyze({ x, keep: q, model: 'dropconnect', compensation, edges, weights });
    expect(r.method).toBe('enumerate');
    expect(r.outputs).toBe(3);
    close(r.norm, brute.testNorm);
    close(r.constantScale.value, brute.c);
    close(r.meanNorm.value, brute.mean);
    close(r.rmsNorm.value ** 2, brute.meanSquare);
    close(r.pAboveNorm.value, brute.pAbove);
    close(r.medianNorm.value, brute.median);
    close(r.medianUpperNorm!.value, brute.medianUpper);
    r.histogram.probabilities.forEach((p, j) => close(p, brute.probabilities[j]!));
    r.meanVector.values.forEach((v, j) => close(v, brute.meanVector[j]!));
    close(r.downstream.mean.value, brute.meanVector[0]!);
    close(r.downstream.variance.value, brute.firstVariance, 1e-10);
  });

  it('samples within the errors of the exact values', () => {
    const exact = analyze({ x, keep: 0.6, model: 'dropconnect', compensation: 'constant', edges, weights });
    const sampled = analyze({ x, keep: 0.6, model: 'dropconnect', compensation: 'constant', edges, weights, method: 'sample', samples: 200_000, seed: 5 });
    expect(sampled.method).toBe('sample');
    const c = sampled.constantScale;
    expect(Math.abs(c.value - exact.constantScale.value)).toBeLessThanOrEqual(4.5 * c.standardError!);
    sampled.histogram.probabilities.forEach((p, j) => {
      expect(Math.abs(p - exact.histogram.probabilities[j]!)).toBeLessThanOrEqual(4.5 * sampled.histogram.standardErrors![j]! + 1e-12);
    });
    expect(Math.abs(sampled.meanNorm.value - exact.meanNorm.value)).toBeLessThanOrEqual(4.5 * sampled.meanNorm.standardError!);
  });

  it('keeps E[u] = Wx and Var u₁ in closed form under inverted scaling', () => {
    const r = analyze({ x, keep: 0.5, model: 'dropconnect', compensation: 'inverted', edges, weights });
    expect(r.meanVector.method).toBe('closed-form');
    r.bias.values.forEach((b) => expect(b).toBeCloseTo(0, 14));
    const first = x.reduce((a, v, i) => a + (weights.values[i]! * v) ** 2, 0);
    expect(r.downstream.variance.value).toBeCloseTo(first, 12); // s²q(1−q)Σ W_1i² x_i² with s = 2, q = ½
    expect(r.pAllDropped).toBeCloseTo(0.5 ** 12, 15);
  });
});
