import { describe, expect, it } from 'vitest';
import { analysisSteps, analyze, defaultEdges } from './analyze.ts';
import { closedForms } from './closedForms.ts';
import { createSampler } from './sample.ts';
import type { AnalysisProgress, AnalysisRequest, AnalysisResult, Estimate } from './types.ts';
import { generateVector } from './vectorSpec.ts';

const SEED = [0.1, 0.1, 0.2, 5.0];
const seedRequest: AnalysisRequest = { x: SEED, keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges: defaultEdges(SEED, 0.5, 'inverted', 10) };

function steps(request: AnalysisRequest): { reports: AnalysisProgress[]; result: AnalysisResult } {
  const generator = analysisSteps(request);
  const reports: AnalysisProgress[] = [];
  for (;;) {
    const step = generator.next();
    if (step.done === true) return { reports, result: step.value };
    reports.push(step.value);
  }
}

const within = (estimate: Estimate, value: number) => {
  expect(estimate.interval, `${estimate.method} has an interval`).toBeDefined();
  expect(value).toBeGreaterThanOrEqual(estimate.interval![0]);
  expect(value).toBeLessThanOrEqual(estimate.interval![1]);
};

describe('analyze: the numbers of the question and its answer', () => {
  it('six fixed-count masks (k = 2): E‖m⊙x‖ = 2.5991055255, E‖y‖ = 5.1982110510', () => {
    const r = analyze({ ...seedRequest, model: 'fixed', kept: 2 });
    expect(r.masks).toHaveLength(6);
    expect(r.meanMaskedNorm.value).toBeCloseTo(2.5991055255, 10);
    expect(r.meanNorm.value).toBeCloseTo(5.198211051, 9);
  });

  it('sixteen Bernoulli masks (q = ½): E‖y‖ = 5.1571966421, √E‖y‖² = 7.0795480082', () => {
    const r = analyze(seedRequest);
    expect(r.masks).toHaveLength(16);
    expect(r.meanNorm.value).toBeCloseTo(5.1571966421, 10);
    expect(r.rmsNorm.value).toBeCloseTo(7.0795480082, 10);
  });

  it('the mask (0, 0, 1, 1): ‖m⊙x‖ = 5.003998401 and ‖y‖ = 10.00799680', () => {
    const row = analyze(seedRequest).masks!.find((m) => m.mask.join('') === '0011')!;
    expect(row.maskedNorm).toBeCloseTo(5.003998401, 9);
    expect(row.compensatedNorm).toBeCloseTo(10.0079968, 7);
    expect(row.probability).toBe(1 / 16);
  });
});

describe('analyze: a 192-unit state of norm 0.885 at q = ½', () => {
  const x = generateVector({ kind: 'gauss', units: 192, seed: 7, norm: 0.885 });
  const request: AnalysisRequest = { x, keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges: defaultEdges(x, 0.5, 'inverted', 32), samples: 100_000, seed: 3 };
  const result = analyze(request);

  it('gives E‖y‖ in closed form, between ‖x‖ and ‖x‖/√q and at the delta-method value', () => {
    expect(result.method).toBe('sample');
    expect(result.meanNorm.method).toBe('closed-form');
    const { norm, nEff } = result;
    expect(result.meanNorm.value).toBeGreaterThan(norm);
    expect(result.meanNorm.value).toBeLessThan(norm / Math.sqrt(0.5));
    // Second order (docs/mathematics.md#delta-method): (‖x‖/√q)(1 − (1−q)/(8 q n_eff)); the next term is O(n_eff⁻²).
    const delta = (norm / Math.sqrt(0.5)) * (1 - 0.5 / (8 * 0.5 * nEff));
    expect(Math.abs(result.meanNorm.value / delta - 1)).toBeLessThan(1e-4);
    // This gauss draw has n_eff ≈ 67, so E‖y‖ ≈ 1.2492 (the quoted 1.2503–1.2505 needs n_eff ≈ 130–150).
    expect(result.meanNorm.value).toBeGreaterThan(1.248);
    expect(result.meanNorm.value).toBeLessThan(1.2506);
  });

  it('has sampled results whose intervals hold the closed-form values', () => {
    const cf = closedForms({ x, keep: 0.5, model: 'bernoulli', compensation: 'inverted', downstream: result.downstream.weights });
    const sampler = createSampler({ x, keep: 0.5, model: 'bernoulli', compensation: 'inverted', constantScale: cf.constantScale, downstream: result.downstream.weights, seed: 3, edges: request.edges });
    sampler.run(100_000);
    const s = sampler.summary();
    within(s.meanNorm, cf.meanNorm!);
    // With a scalar compensation the sampler takes E‖y‖², E z, Var z and E[y] from their closed forms.
    const closed = (e: Estimate, value: number): void => {
      expect(e.method).toBe('closed-form');
      expect(Math.abs(e.value - value)).toBeLessThanOrEqual(1e-12 * Math.abs(value));
    };
    closed(s.rmsNorm, Math.sqrt(cf.meanSquareNorm!));
    closed(s.downstreamMean, cf.downstreamMean!);
    closed(s.downstreamVariance, cf.downstreamVariance!);
    expect(s.meanVector.method).toBe('closed-form');
    s.meanVector.values.forEach((v, i) => expect(Math.abs(v - cf.meanVector![i]!)).toBeLessThanOrEqual(1e-12 * Math.abs(cf.meanVector![i]!)));
    // The same sampled numbers reach the result.
    expect(result.medianNorm).toEqual(s.medianNorm);
    expect(result.histogram.probabilities).toEqual(s.histogram.probabilities);
    expect(result.samples).toBe(100_000);
  });
});

describe('analyze: sampling agrees with the exact law', () => {
  const x = generateVector({ kind: 'uniform', units: 14, seed: 5, norm: 2 });
  const requestFor = (model: 'bernoulli' | 'fixed') =>
    ({ x, keep: 0.5, model, ...(model === 'fixed' ? { kept: 7 } : {}), edges: defaultEdges(x, 0.5, 'inverted', 12), samples: 200_000, seed: 11 }) as const;

  it.each(['bernoulli', 'fixed'] as const)('%s: every sampled bin and P(‖y‖ > ‖x‖) within their errors', (model) => {
    const exact = analyze({ ...requestFor(model), compensation: 'inverted', method: 'enumerate' });
    const sampled = analyze({ ...requestFor(model), compensation: 'inverted', method: 'sample' });
    sampled.histogram.probabilities.forEach((p, j) => {
      expect(Math.abs(p - exact.histogram.probabilities[j]!)).toBeLessThanOrEqual(4.5 * sampled.histogram.standardErrors![j]! + 1e-12);
    });
    within(sampled.pAboveNorm, exact.pAboveNorm.value);
  });

  it('fixed: the sampled E[y] of per-sample matching lies within its errors of the enumerated one', () => {
    const exact = analyze({ ...requestFor('fixed'), compensation: 'match', method: 'enumerate' });
    const sampled = analyze({ ...requestFor('fixed'), compensation: 'match', method: 'sample' });
    expect([exact.meanVector.method, sampled.meanVector.method]).toEqual(['enumerate', 'sample']);
    sampled.meanVector.values.forEach((v, i) => {
      expect(Math.abs(v - exact.meanVector.values[i]!)).toBeLessThanOrEqual(4.5 * sampled.meanVector.standardErrors![i]!);
    });
  });

  it('bernoulli: E[y] of per-sample matching stays closed-form even when the law is sampled', () => {
    const exact = analyze({ ...requestFor('bernoulli'), compensation: 'match', method: 'enumerate' });
    const sampled = analyze({ ...requestFor('bernoulli'), compensation: 'match', method: 'sample' });
    expect(sampled.meanVector).toEqual(exact.meanVector);
    expect(sampled.meanVector.method).toBe('closed-form');
  });
});

describe('analyze: the fixed-count model against hypergeometric moments (brute force over the C(n, k) masks)', () => {
  it('gives E‖y‖², Var ‖y‖² and Var z of the masks, and E[y] = x', () => {
    const x = [0.3, -1.2, 2.5, 0.7, 0, 1.1, -0.4];
    const w = [1, -0.5, 0.25, 2, 1, -1, 0.5];
    const n = x.length;
    const k = 3;
    const q = k / n;
    let count = 0;
    let m1 = 0;
    let m2 = 0;
    let z1 = 0;
    let z2 = 0;
    for (let r = 0; r < 2 ** n; r++) {
      const kept = x.map((_, i) => (r >> i) & 1);
      if (kept.reduce((a, b) => a + b, 0) !== k) continue;
      const s = x.reduce((a, v, i) => a + kept[i]! * v * v, 0) / (q * q);
      const z = x.reduce((a, v, i) => a + (kept[i]! * w[i]! * v) / q, 0);
      count++;
      m1 += s;
      m2 += s * s;
      z1 += z;
      z2 += z * z;
    }
    const r = analyze({ x, keep: q, model: 'fixed', kept: k, compensation: 'inverted', edges: [0, 10], downstream: w });
    expect(r.rmsNorm.value ** 2).toBeCloseTo(m1 / count, 12);
    expect(r.varianceSquareNorm!.value).toBeCloseTo(m2 / count - (m1 / count) ** 2, 10);
    expect(r.downstream.mean.value).toBeCloseTo(z1 / count, 12);
    expect(r.downstream.variance.value).toBeCloseTo(z2 / count - (z1 / count) ** 2, 12);
    r.meanVector.values.forEach((v, i) => expect(v).toBeCloseTo(x[i]!, 14));
    r.bias.values.forEach((v) => expect(v).toBeCloseTo(0, 14));
  });
});

describe('analysisSteps(request)', () => {
  it('finishes small problems (n ≤ 16) in the first step', () => {
    const x = generateVector({ kind: 'gauss', units: 16, seed: 2, norm: 1 });
    const { reports, result } = steps({ x, keep: 0.3, model: 'bernoulli', compensation: 'constant', edges: defaultEdges(x, 0.3, 'constant', 64) });
    expect(reports).toHaveLength(0);
    expect(result.complete).toBe(true);
    expect(result.method).toBe('enumerate');
  });

  it('reports rising progress and partial results for a large split, ending with the result of analyze', () => {
    const x = generateVector({ kind: 'uniform', units: 34, seed: 4, norm: 1 });
    const request: AnalysisRequest = { x, keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges: defaultEdges(x, 0.5, 'inverted', 128) };
    const { reports, result } = steps(request);
    expect(reports.length).toBeGreaterThan(8);
    reports.forEach((r, i) => {
      expect(r.fraction).toBeGreaterThanOrEqual(i === 0 ? 0 : reports[i - 1]!.fraction);
      expect(r.fraction).toBeLessThan(1);
    });
    const partials = reports.filter((r) => r.partial !== undefined).map((r) => r.partial!);
    expect(partials.length).toBeGreaterThan(0);
    expect(partials.every((p) => !p.complete && p.histogram.method === 'split')).toBe(true);
    expect(result).toEqual(analyze(request));
  });

  it('streams the sampled summary so far while sampling', () => {
    const x = generateVector({ kind: 'gauss', units: 256, seed: 4, norm: 1 });
    const { reports, result } = steps({ x, keep: 0.8, model: 'bernoulli', compensation: 'sqrt', edges: defaultEdges(x, 0.8, 'sqrt', 16), samples: 400_000 });
    const partials = reports.flatMap((r) => (r.partial === undefined ? [] : [r.partial]));
    expect(partials.length).toBeGreaterThan(0);
    const counts = partials.map((p) => p.samples ?? 0).filter((c) => c > 0);
    expect(counts.length).toBeGreaterThan(0);
    counts.forEach((c, i) => expect(c).toBeGreaterThanOrEqual(counts[i - 1] ?? 0));
    expect(result.samples).toBe(400_000);
    expect(result.complete).toBe(true);
  });
});
