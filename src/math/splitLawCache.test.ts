import { describe, expect, it } from 'vitest';
import { analyze, defaultEdges } from './analyze.ts';
import type { AnalysisRequest, Compensation } from './index.ts';

const request = (x: number[], compensation: Compensation, method: 'split' | 'enumerate', model: 'bernoulli' | 'fixed' = 'bernoulli'): AnalysisRequest => ({
  x,
  keep: 0.5,
  model,
  ...(model === 'fixed' ? { kept: x.length / 2 } : {}),
  compensation,
  edges: defaultEdges(x, 0.5, compensation, 24),
  method,
});

const x = [0.3, -1.2, 2.5, 0.7, -0.4, 1.9, 0.05, -2.2, 1.1, 0.6, -0.9, 1.4, 0.2, -0.8];
const other = x.map((v, i) => v + (i === 3 ? 0.5 : 0));

describe('one split law shared by the queries on the same units', () => {
  for (const model of ['bernoulli', 'fixed'] as const) {
    it(`gives every compensation the same law whether the halves were built for it or reused (${model})`, () => {
      for (const c of ['inverted', 'sqrt', 'constant'] as const) {
        analyze(request(other, c, 'split', model));
        const fresh = analyze(request(x, c, 'split', model));
        // The previous query built the halves for x; this one reuses them (and their median).
        analyze(request(x, 'inverted', 'split', model));
        const reused = analyze(request(x, c, 'split', model));
        expect(reused).toEqual(fresh);
        // And both agree with enumerating every mask.
        const enumerated = analyze(request(x, c, 'enumerate', model));
        expect(reused.medianNorm.value).toBe(enumerated.medianNorm.value);
        reused.histogram.probabilities.forEach((p, j) => expect(p).toBeCloseTo(enumerated.histogram.probabilities[j] as number, 12));
      }
    });
  }

  it('does not reuse the halves for another vector, keep probability or kept count', () => {
    const a = analyze(request(x, 'inverted', 'split'));
    const b = analyze(request(other, 'inverted', 'split'));
    expect(b.medianNorm.value).not.toBe(a.medianNorm.value);
    const c = analyze({ ...request(x, 'inverted', 'split'), keep: 0.6, edges: defaultEdges(x, 0.6, 'inverted', 24) });
    expect(c.medianNorm.value).toBe(analyze({ ...request(x, 'inverted', 'enumerate'), keep: 0.6, edges: defaultEdges(x, 0.6, 'inverted', 24) }).medianNorm.value);
  });
});
