import { describe, expect, it } from 'vitest';
import { analyze, defaultEdges } from './analyze.ts';
import type { AnalysisRequest, MaskModel, Method } from './types.ts';

function request(x: number[], keep: number, extra: Partial<AnalysisRequest> = {}): AnalysisRequest {
  return { x, keep, model: 'bernoulli', compensation: 'inverted', edges: defaultEdges(x, keep, 'inverted', 10), ...extra };
}

const relative = (value: number, truth: number): number => Math.abs(value - truth) / Math.abs(truth);

describe('unitResult: sd ‖y‖ is a central moment, never E‖y‖² − (E‖y‖)²', () => {
  it('is exactly 0 when every mask gives the same norm (audit: 1.55e-7, 2.3e-7, 0.171)', () => {
    expect(analyze(request([1, 1, 1, 1], 0.5, { model: 'fixed', kept: 2 })).sdNorm.value).toBe(0);
    expect(analyze(request([3, 4], 1)).sdNorm.value).toBe(0);
    expect(analyze(request([1e6, -2e6, 3e6, 1e6, 5e5], 1)).sdNorm.value).toBe(0);
  });

  it('per-sample matching: ‖x‖·√(P0(1 − P0)) even when P0 = 0.1¹⁶ (audit: 2.98e-8 against 2.42e-8)', () => {
    const x = Array.from({ length: 16 }, (_, i) => 0.3 + 0.1 * i);
    const r = analyze(request(x, 0.9, { compensation: 'match' }));
    const p0 = 0.1 ** 16;
    expect(relative(r.sdNorm.value, r.norm * Math.sqrt(p0 * (1 - p0)))).toBeLessThan(1e-12);
  });

  it('agrees with a 40-digit brute force over the masks (enumerate and split)', () => {
    // mpmath over all masks: seed q = ½ Bernoulli 4.8500848234552086347; fixed k = 2: 4.8061004847035274972;
    // (3, 4) at q = 0.3: 6.5094802659915435167.
    const seed = [0.1, 0.1, 0.2, 5];
    for (const method of ['enumerate', 'split'] as Method[]) {
      expect(relative(analyze(request(seed, 0.5, { method })).sdNorm.value, 4.850084823455209)).toBeLessThan(1e-14);
      expect(relative(analyze(request(seed, 0.5, { method, model: 'fixed', kept: 2 })).sdNorm.value, 4.806100484703528)).toBeLessThan(1e-13);
      expect(relative(analyze(request([3, 4], 0.3, { method })).sdNorm.value, 6.509480265991543)).toBeLessThan(1e-14);
    }
  });

  it('a degenerate law gives sd exactly 0 under every exact method and both models', () => {
    const equal = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0.7 : -0.7));
    const cases: { x: number[]; keep: number; model: MaskModel; kept?: number; methods: Method[] }[] = [
      { x: equal(6), keep: 0.5, model: 'fixed', kept: 3, methods: ['enumerate', 'split'] },
      { x: equal(22), keep: 7 / 22, model: 'fixed', kept: 7, methods: ['split'] },
      { x: [0.1, 0.1, 0.2, 5], keep: 1, model: 'fixed', kept: 4, methods: ['enumerate', 'split'] },
      { x: [0.1, 0.1, 0.2, 5], keep: 1, model: 'bernoulli', methods: ['enumerate', 'split'] },
      { x: equal(22).map((v, i) => v * (i + 1)), keep: 1, model: 'bernoulli', methods: ['split'] },
    ];
    for (const c of cases) {
      for (const method of c.methods) {
        const r = analyze(request(c.x, c.keep, { model: c.model, method, ...(c.kept === undefined ? {} : { kept: c.kept }) }));
        expect(r.sdNorm.value, `${c.model} n = ${c.x.length} by ${method}`).toBe(0);
      }
    }
    // 'closed-form' (per-sample matching) with nothing ever dropped.
    expect(analyze(request([3, 4], 1, { compensation: 'match', method: 'closed-form' })).sdNorm.value).toBe(0);
  });

  it('a closed-form sd carries an error bound that covers the brute force', () => {
    const r = analyze(request([0.1, 0.1, 0.2, 5], 0.5, { method: 'split' }));
    expect(r.sdNorm.method).toBe('closed-form');
    expect(r.sdNorm.errorBound).toBeGreaterThan(0);
    expect(Math.abs(r.sdNorm.value - 4.850084823455209)).toBeLessThanOrEqual(r.sdNorm.errorBound!);
  });
});

describe('unitResult: the bias E[y] − x without cancellation', () => {
  it('is exactly 0 under inverted dropout (1/q·q need not round to 1: q = 0.95)', () => {
    const r = analyze(request([3, 4, 5], 0.95));
    expect(r.bias.values).toEqual([0, 0, 0]);
    expect(r.meanVector.values).toEqual([3, 4, 5]);
  });

  it('is (√q − 1)·x for 1/√q to full precision when q is close to 1', () => {
    // mpmath: (√0.999999 − 1)·2 = −1.00000025002888067897e-6.
    const r = analyze(request([2], 0.999999, { compensation: 'sqrt' }));
    expect(relative(r.bias.values[0]!, -1.0000002500288807e-06)).toBeLessThan(1e-15);
  });
});

describe('unitResult: numbers that are undefined are NaN (null in JSON), not a convention', () => {
  it('x = 0: c* = 0/0 and n_eff = 0/0 are undefined (audit: 2 and 0), the law of ‖y‖ is the atom at 0', () => {
    for (const compensation of ['inverted', 'constant', 'match'] as const) {
      const r = analyze(request([0, 0, 0], 0.5, { compensation }));
      expect(r.constantScale.value).toBeNaN();
      expect(r.nEff).toBeNaN();
      expect(r.meanNorm.value).toBe(0);
      expect(r.sdNorm.value).toBe(0);
      expect(r.histogram.probabilities[0]).toBe(1);
    }
    const weights = { rows: 2, values: [1, 2, 3, 4, 5, 6] };
    const r = analyze({ x: [0, 0, 0], keep: 0.5, model: 'dropconnect', compensation: 'constant', edges: [0, 1], weights });
    expect(r.constantScale.value).toBeNaN();
    expect(r.nEff).toBeNaN();
  });

  it('one sample is refused with the reason: no sd or standard error from one draw (audit: sdNorm null silently)', () => {
    expect(() => analyze(request(Array.from({ length: 30 }, (_, i) => i + 1), 0.5, { model: 'dropconnect', samples: 1 }))).toThrow(
      /at least two draws/,
    );
  });
});

describe('unitResult: no underflow for tiny vectors (x scaled by a power of two first)', () => {
  // x = t·(1, 2), q = ½: ‖y‖ ∈ {0, 2t, 4t, 2√5 t} each with probability ¼, so E‖y‖ = (3 + √5)t/2,
  // √E‖y‖² = √10 t and sd = √(10 − ((3 + √5)/2)²) t, from the four atoms.
  const mean = (3 + Math.sqrt(5)) / 2;
  const sd = Math.sqrt(10 - mean * mean);
  it('x = (1e-300, 2e-300): rms 3.16e-300 and sd 1.77e-300 (audit: both 0)', () => {
    for (const method of ['enumerate', 'split'] as Method[]) {
      const r = analyze(request([1e-300, 2e-300], 0.5, { method }));
      expect(relative(r.rmsNorm.value, Math.sqrt(10) * 1e-300)).toBeLessThan(1e-14);
      expect(relative(r.sdNorm.value, sd * 1e-300)).toBeLessThan(1e-12);
      expect(relative(r.meanNorm.value, mean * 1e-300)).toBeLessThan(1e-14);
    }
  });

  it('subnormal x = (5e-324, 1e-323) has default edges and the right c* (audit: refused)', () => {
    const x = [5e-324, 1e-323];
    const edges = defaultEdges(x, 0.5, 'inverted', 10);
    const r = analyze({ x, keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges });
    // c* does not depend on the scale of x: ‖(1, 2)‖/E‖m⊙(1, 2)‖ = √5/((3 + √5)/4).
    expect(relative(r.constantScale.value, Math.sqrt(5) / ((3 + Math.sqrt(5)) / 4))).toBeLessThan(1e-14);
    expect(r.histogram.probabilities.reduce((a, b) => a + b, 0)).toBe(1);
  });
});
