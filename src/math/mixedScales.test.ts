import { describe, expect, it } from 'vitest';
import { analyze, defaultEdges } from './analyze.ts';
import { bruteExact, exactAboveNorm, exactHistogram, exactMedian, exactSd, exactVectorNorm } from './bruteExact.ts';
import { NORM_TOLERANCE } from './normThresholds.ts';
import type { AnalysisRequest, Compensation, Method } from './types.ts';

/** Relative agreement to 1e-12 (0 only with 0). */
function close(actual: number, expected: number, tolerance = 1e-12): void {
  expect(Math.abs(actual - expected), `${actual} against ${expected}`).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

interface Case {
  readonly x: readonly number[];
  readonly keep: number;
  readonly kept?: number;
  readonly compensation?: Compensation;
  readonly method: Method;
}

/** The engine's exact law against exact arithmetic over every mask: medians, P(‖y‖ > ‖x‖), bins, sd. */
/** Returns the number of masks compared. */
function checkAgainstExact({ x, keep, kept, compensation = 'inverted', method }: Case): number {
  const model = kept === undefined ? 'bernoulli' : 'fixed';
  const request: AnalysisRequest = {
    x, keep, model, compensation, method,
    ...(kept === undefined ? {} : { kept }),
    edges: defaultEdges(x, keep, compensation, 16, undefined, kept),
  };
  const r = analyze(request);
  expect(r.method).toBe(method);
  const law = bruteExact({ x, keep, kept: kept ?? null });
  const s = r.scale!;
  close(r.medianNorm.value, s * exactMedian(law, false));
  close(r.medianUpperNorm!.value, s * exactMedian(law, true));
  const { above, at } = exactAboveNorm(law, s, NORM_TOLERANCE);
  close(r.pAboveNorm.value, above);
  close(r.pAtNorm!.value, at);
  const edges = r.histogram.edges;
  const bins = exactHistogram(law, s, edges, NORM_TOLERANCE * Math.max(Math.abs(edges[0]!), Math.abs(edges[edges.length - 1]!)));
  r.histogram.probabilities.forEach((p, j) => expect(Math.abs(p - bins[j]!), `bin ${j}`).toBeLessThanOrEqual(1e-12));
  if (r.sdNorm.method === method) close(r.sdNorm.value, s * exactSd(law), 1e-9);
  return law.masks.length;
}

describe('mixed scales: every mask exact, whatever the ratio of the entries (audit item 4)', () => {
  it('x = (1e8, 3, 4), q = ½: the lower median is exactly 10 (was 10.3238 on one grid)', () => {
    const r = analyze({ x: [1e8, 3, 4], keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges: defaultEdges([1e8, 3, 4], 0.5, 'inverted', 10) });
    expect(r.medianNorm.value).toBe(10);
    checkAgainstExact({ x: [1e8, 3, 4], keep: 0.5, method: 'enumerate' });
  });

  it('x = (1e6, 0.001, 0.002): median 2·√(5e-6) = 0.004472… (was 0); x = (1, 1e-8): median 2e-8 (was 0)', () => {
    const a = analyze({ x: [1e6, 0.001, 0.002], keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges: [0, 1, 3e6] });
    expect(a.medianNorm.value).toBeCloseTo(2 * Math.hypot(0.001, 0.002), 15);
    const b = analyze({ x: [1, 1e-8], keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges: [0, 1, 3] });
    expect(b.medianNorm.value).toBe(2e-8);
    checkAgainstExact({ x: [1e6, 0.001, 0.002], keep: 0.5, method: 'enumerate' });
    checkAgainstExact({ x: [1, 1e-8], keep: 0.5, method: 'split' });
  });

  it('split at n = 30 with one unit of 1e6: the lower median is 2‖x without it‖ (was 16.856 against 16.852)', () => {
    const small = Array.from({ length: 29 }, (_, i) => 1 + ((i * 7) % 5) / 4 + i / 29);
    const x = [...small, 1e6];
    const r = analyze({ x, keep: 0.5, model: 'bernoulli', compensation: 'inverted', method: 'split', edges: defaultEdges(x, 0.5, 'inverted', 10) });
    expect(r.method).toBe('split');
    // Masks without the big unit hold mass ½ exactly, so the lower median is the largest of them.
    close(r.medianNorm.value, 2 * exactVectorNorm(small));
    expect(r.medianUpperNorm!.value).toBe(2e6);
  });

  it('agrees with exact arithmetic over ratios 1e-30 … 1e6, both methods, both unit models, every scalar compensation', () => {
    const vectors = [
      [1e6, 3e-30, 0.5, -2e-12, 7, 1e-3, 0, 4.5e5, 2e-20, 1],
      [1e-30, 2e-30, 3e-30, 1, -1e-15, 5e-31, 1e6, 2.5],
      [1e-300, 2e-300, 3e-300, 5e-301],
      [0.1, 0.2, 0.3, 0.1, 0.2, 1e6, 1e-7, 3.3, 1e-7],
    ];
    let compared = 0;
    for (const x of vectors) {
      for (const method of ['enumerate', 'split'] as const) {
        compared += checkAgainstExact({ x, keep: 0.5, method });
        compared += checkAgainstExact({ x, keep: 0.8, compensation: 'sqrt', method });
        compared += checkAgainstExact({ x, keep: 0.3, compensation: 'none', method });
        const kept = Math.floor(x.length / 2);
        compared += checkAgainstExact({ x, keep: kept / x.length, kept, method });
      }
    }
    expect(compared).toBeGreaterThan(6000);
  });

  it('gives sd exactly 0 for a law with one atom under both exact methods and both unit models', () => {
    const cases: Case[] = [
      { x: [1, 1, 1, 1], keep: 0.5, kept: 2, method: 'enumerate' },
      { x: [1, 1, 1, 1], keep: 0.5, kept: 2, method: 'split' },
      { x: [0.1, -0.1, 0.1, 0.1, -0.1, 0.1, 0.1], keep: 3 / 7, kept: 3, method: 'enumerate' },
      { x: [0.1, -0.1, 0.1, 0.1, -0.1, 0.1, 0.1], keep: 3 / 7, kept: 3, method: 'split' },
      { x: [3, 4], keep: 1, method: 'enumerate' },
      { x: [3, 4], keep: 1, method: 'split' },
      { x: [1e6, -2e6, 3e6, 1e6, 5e5], keep: 1, method: 'enumerate' },
      { x: [1e6, -2e6, 3e6, 1e6, 5e5], keep: 1, method: 'split' },
    ];
    for (const c of cases) {
      const model = c.kept === undefined ? 'bernoulli' : 'fixed';
      const r = analyze({
        x: c.x, keep: c.keep, model, compensation: 'inverted', method: c.method,
        ...(c.kept === undefined ? {} : { kept: c.kept }),
        edges: defaultEdges(c.x, c.keep, 'inverted', 8, undefined, c.kept),
      });
      expect(r.sdNorm.value).toBe(0);
      expect(r.medianNorm.value).toBe(r.medianUpperNorm!.value);
      checkAgainstExact(c);
    }
  });
});
