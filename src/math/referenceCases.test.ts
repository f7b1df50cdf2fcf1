import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import reference from './testdata/seed-cases.json' with { type: 'json' };
import type { AnalysisRequest, AnalysisResult, Compensation, Method } from './types.ts';

/** Reference values (rational arithmetic, 15 digits) are compared at relative 1e-10, as their conventions say. */
const RELATIVE = 1e-10;
function near(actual: number | null | undefined, expected: number, what: string): void {
  const ok = typeof actual === 'number' && Math.abs(actual - expected) <= RELATIVE * Math.abs(expected) + 1e-15;
  expect(ok ? what : `${what}: ${String(actual)} vs ${expected}`).toBe(what);
}

/** "626/25" → 25.04. */
function fraction(text: string): number {
  const [numerator, denominator = '1'] = text.split('/');
  return Number(numerator) / Number(denominator);
}

type Case = (typeof reference.cases)[number];

function requestOf(c: Case, compensation: Compensation, method: Method | 'auto' = 'auto'): AnalysisRequest {
  return {
    x: c.vector.values,
    keep: c.q,
    model: c.model === 'fixed_count' ? 'fixed' : 'bernoulli',
    ...(c.k === null ? {} : { kept: c.k }),
    compensation,
    edges: c.histogram.edges,
    method,
  };
}

function checkInverted(c: Case, r: AnalysisResult): void {
  const v = c.values;
  near(r.norm, v.norm_x, 'norm_x');
  near(r.meanMaskedNorm.value, v.E_norm_masked, 'E_norm_masked');
  near(r.meanNorm.value, v.E_norm_y, 'E_norm_y');
  near(r.rmsNorm.value, v.rms_norm_y, 'rms_norm_y');
  near(r.sdNorm.value ** 2, v.var_norm_y, 'var_norm_y');
  near(r.sdNorm.value, v.sd_norm_y, 'sd_norm_y');
  near(r.rmsNorm.value ** 2, v.E_norm2_y, 'E_norm2_y');
  near(r.varianceSquareNorm?.value, v.var_norm2_y, 'var_norm2_y');
  near(r.pAboveNorm.value, v.P_norm_y_gt_norm_x, 'P_norm_y_gt_norm_x');
  near(r.pAtNorm?.value, v.P_norm_y_eq_norm_x, 'P_norm_y_eq_norm_x');
  near(r.medianNorm.value, v.median_norm_y_lower, 'median_norm_y_lower');
  near(r.medianUpperNorm?.value, v.median_norm_y_upper, 'median_norm_y_upper');
  // The reference's max_norm_y is ‖x‖/q, its histogram range, for both models; under the fixed model
  // the all-kept mask has probability 0, so the largest ‖y‖ is the largest over the listed masks.
  near(r.maxNorm, c.k === null ? v.max_norm_y : Math.max(...c.masks.filter((m) => m.prob > 0).map((m) => m.norm_y)), 'max_norm_y');
  near(r.pAllDropped, v.P_all_dropped, 'P_all_dropped');
  near(r.nEff, v.n_eff, 'n_eff');
  near(r.constantScale.value, v.norm_match_scale_c, 'norm_match_scale_c');
  near(r.meanNorm.value / r.norm, v.E_norm_y_over_norm_x, 'E_norm_y_over_norm_x');
  near(r.pAboveNorm.value, fraction(c.exact.P_norm_y_gt_norm_x), 'exact P_norm_y_gt_norm_x');
  near(r.pAllDropped, fraction(c.exact.P_all_dropped), 'exact P_all_dropped');
  near(r.norm ** 2, fraction(c.exact.norm2_x), 'exact norm2_x');
  c.histogram.probs.forEach((p, j) => near(r.histogram.probabilities[j], p, `histogram bin ${j}`));
  c.histogram.probs_exact.forEach((p, j) => near(r.histogram.probabilities[j], fraction(p), `exact histogram bin ${j}`));
}

describe.each(reference.cases)('reference case $id', (c) => {
  it.each(['enumerate', 'split', 'auto'] as const)('gives every value through analyze (method %s)', (method) => {
    const r = analyze(requestOf(c, 'inverted', method));
    expect(r.method).toBe(method === 'auto' ? 'enumerate' : method);
    checkInverted(c, r);
    near(r.scale ?? Number.NaN, c.scalings.inverted_1_over_q.scale, 'scale');
    r.meanVector.values.forEach((m, i) => near(m / c.vector.values[i]!, c.scalings.inverted_1_over_q.mean_factor, 'mean_factor'));
  });

  it('gives every scaling: 1/√q, c*, per-sample matching and no compensation', () => {
    expect.hasAssertions();
    const s = c.scalings;
    const sqrt = analyze(requestOf(c, 'sqrt'));
    near(sqrt.scale ?? Number.NaN, s.one_over_sqrt_q.scale, '1/√q scale');
    near(sqrt.meanNorm.value, s.one_over_sqrt_q.E_norm_y, '1/√q E_norm_y');
    near(sqrt.rmsNorm.value ** 2, s.one_over_sqrt_q.E_norm2_y, '1/√q E_norm2_y');
    near(sqrt.meanVector.values[3]! / c.vector.values[3]!, s.one_over_sqrt_q.mean_factor, '1/√q mean_factor');
    const constant = analyze(requestOf(c, 'constant'));
    near(constant.scale ?? Number.NaN, s.norm_match_in_expectation.scale, 'c* scale');
    near(constant.meanNorm.value, s.norm_match_in_expectation.E_norm_y, 'c* E_norm_y');
    near(constant.rmsNorm.value ** 2, s.norm_match_in_expectation.E_norm2_y, 'c* E_norm2_y');
    near(constant.meanVector.values[0]! / c.vector.values[0]!, s.norm_match_in_expectation.mean_factor, 'c* mean_factor');
    const match = analyze(requestOf(c, 'match'));
    near(match.meanNorm.value, s.per_sample_norm_match.E_norm_y, 'match E_norm_y');
    near(match.pAllDropped, s.per_sample_norm_match.P_all_dropped, 'match P_all_dropped');
    s.per_sample_norm_match.E_y.forEach((m, i) => near(match.meanVector.values[i], m, `match E_y[${i}]`));
    s.per_sample_norm_match.E_y_over_x.forEach((m, i) => near(match.meanVector.values[i]! / c.vector.values[i]!, m, `match E_y_over_x[${i}]`));
    const none = analyze(requestOf(c, 'none'));
    near(none.meanNorm.value, s.unscaled_train_weight_scaled_test.E_norm_y_train, 'unscaled E_norm_y_train');
    near(none.meanVector.values[3]! / c.vector.values[3]!, s.unscaled_train_weight_scaled_test.mean_factor_train, 'unscaled mean_factor');
    near(none.keep * none.norm, s.unscaled_train_weight_scaled_test.norm_y_test, 'unscaled norm_y_test');
  });

  it('lists the same masks with the same probabilities and norms', () => {
    expect.hasAssertions();
    const r = analyze(requestOf(c, 'inverted'));
    expect(r.masks).toHaveLength(c.masks.length);
    for (const expected of c.masks) {
      const row = r.masks!.find((m) => m.mask.join('') === expected.mask.join(''));
      expect(row?.mask.join('')).toBe(expected.mask.join(''));
      near(row!.probability, fraction(expected.prob_exact), 'mask probability');
      near(row!.maskedNorm, expected.norm_masked, 'mask norm_masked');
      near(row!.maskedNorm ** 2, fraction(expected.norm2_masked_exact), 'mask norm2_masked_exact');
      near(row!.compensatedNorm, expected.norm_y, 'mask norm_y');
    }
  });
});
