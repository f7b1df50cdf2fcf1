/**
 * Where a measured ‖y‖ = t falls in the distribution of ‖y‖ for y = m⊙x/q, m_i ~ Bernoulli(q):
 * P(‖y‖ ≤ t), computed on the main thread, exactly for small n (all 2ⁿ masks enumerated, or split
 * in two halves), else sampled with its standard error; plus the normal approximation of
 * docs/mathematics.md#normal-and-edgeworth-approximations on S = ‖m⊙x‖² (‖y‖ ≤ t ⇔ S ≤ (qt)²)
 * and its Edgeworth-corrected value, whose difference
 * estimates the error of the normal approximation.
 */
import { analyze } from '../math/analyze.ts';
import { createSampler } from '../math/sample.ts';
import type { Estimate } from '../math/types.ts';

/** Largest n enumerated (2¹⁶ masks, a few ms). */
export const PERCENTILE_ENUMERATE_UNITS = 16;
/** Largest n split in two halves (2 × 2¹⁴ sums, ~15 ms). */
export const PERCENTILE_SPLIT_UNITS = 28;
/** Sampled unit draws per evaluation (n × masks), ~20 ms; masks stay within [MIN, MAX]. */
const SAMPLE_BUDGET = 8_000_000;
const MIN_PERCENTILE_SAMPLES = 4_000;
const MAX_PERCENTILE_SAMPLES = 100_000;

export interface PercentileResult {
  /** P(‖y‖ ≤ t): exact, or sampled with standard error and 95% interval. */
  readonly estimate: Estimate;
  /** Masks drawn and their seed, when sampled. */
  readonly samples?: number;
  readonly seed?: number;
  /** z = ((qt)² − q‖x‖²)/√(q(1−q)Σx_i⁴), null when S does not vary (q = 1 or x = 0). */
  readonly z: number | null;
  /** Φ(z): the normal approximation of P(‖y‖ ≤ t). */
  readonly normal: number;
  /** Φ(z) with the first Edgeworth terms (skewness and kurtosis of S). */
  readonly edgeworth: number;
}

/** Masks sampled for a layer of n units. */
export function percentileSamples(units: number): number {
  return Math.round(Math.min(MAX_PERCENTILE_SAMPLES, Math.max(MIN_PERCENTILE_SAMPLES, SAMPLE_BUDGET / Math.max(1, units))));
}

/** erfc(x) by Numerical Recipes' erfcc (a Chebyshev fit): fractional error below 1.2e-7, enough for 4 decimals. */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 +
          t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Φ(z), the standard normal distribution function (absolute error < 1e-7). */
export function normalCdf(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * Normal and Edgeworth approximations of P(S ≤ s) for S = Σ m_i a_i, m_i ~ Bernoulli(q) i.i.d.
 * Cumulants: κ₁ = qΣa, κ₂ = q(1−q)Σa², κ₃ = q(1−q)(1−2q)Σa³, κ₄ = q(1−q)(1−6q(1−q))Σa⁴;
 * F ≈ Φ(z) − φ(z)[γ₁He₂(z)/6 + γ₂He₃(z)/24 + γ₁²He₅(z)/72].
 */
export function normalApproximation(
  x: readonly number[],
  keep: number,
  threshold: number,
): { z: number | null; normal: number; edgeworth: number } {
  const q = keep;
  let largest = 0;
  for (const v of x) largest = Math.max(largest, Math.abs(v));
  const step = threshold >= 0 ? 1 : 0;
  if (!(largest > 0) || q >= 1) {
    // S does not vary: ‖y‖ = ‖x‖ (q = 1) or 0 (x = 0) on every mask.
    const norm = Math.sqrt(x.reduce((s, v) => s + v * v, 0));
    const p = (q >= 1 ? norm : 0) <= threshold ? 1 : 0;
    return { z: null, normal: p * step, edgeworth: p * step };
  }
  // Work in units of the largest entry squared (a_i = (x_i/largest)², s scaled alike).
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (const v of x) {
    const a = (v / largest) ** 2;
    s1 += a;
    s2 += a * a;
    s3 += a * a * a;
    s4 += a * a * a * a;
  }
  const pq = q * (1 - q);
  const k2 = pq * s2;
  const g1 = (pq * (1 - 2 * q) * s3) / k2 ** 1.5;
  const g2 = (pq * (1 - 6 * pq) * s4) / (k2 * k2);
  const s = (q * Math.max(0, threshold) / largest) ** 2;
  const z = (s - q * s1) / Math.sqrt(k2);
  const normal = normalCdf(z);
  const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  const he2 = z * z - 1;
  const he3 = z * z * z - 3 * z;
  const he5 = z ** 5 - 10 * z ** 3 + 15 * z;
  const correction = density * ((g1 * he2) / 6 + (g2 * he3) / 24 + (g1 * g1 * he5) / 72);
  const edgeworth = Math.min(1, Math.max(0, normal - correction));
  return { z, normal, edgeworth };
}

/**
 * P(‖y‖ ≤ t) for y = m⊙x/q, Bernoulli masks. The engine's bins are [e_j, e_{j+1}) with values within
 * 1e-12·max|e| of an edge counted on it, so the middle edge is placed just above t to count ‖y‖ = t
 * in the lower bin. Null for invalid input (it never throws).
 */
export function thresholdPercentile(x: readonly number[], keep: number, threshold: number, seed: number): PercentileResult | null {
  const n = x.length;
  if (n < 1 || !(keep > 0 && keep <= 1) || !Number.isFinite(threshold) || x.some((v) => !Number.isFinite(v))) return null;
  const approx = normalApproximation(x, keep, threshold);
  const top = Math.sqrt(x.reduce((s, v) => s + v * v, 0)) / keep;
  if (threshold < 0) return { estimate: { value: 0, method: 'closed-form' }, ...approx };
  if (!(threshold < top)) return { estimate: { value: 1, method: 'closed-form' }, ...approx };
  const edge = Math.min(threshold + 1e-10 * top, (threshold + top) / 2);
  const edges = threshold > 0 ? [0, edge, top] : [edge, top];
  // With threshold 0 the lower bin is ‖y‖ = 0 only: P(every non-zero unit dropped).
  if (threshold === 0) {
    const nonZero = x.filter((v) => v !== 0).length;
    return { estimate: { value: (1 - keep) ** nonZero, method: 'closed-form' }, ...approx };
  }
  try {
    if (n <= PERCENTILE_SPLIT_UNITS) {
      const method = n <= PERCENTILE_ENUMERATE_UNITS ? 'enumerate' : 'split';
      const result = analyze({ x, keep, model: 'bernoulli', compensation: 'inverted', edges, method });
      return { estimate: { value: result.histogram.probabilities[0] ?? Number.NaN, method }, ...approx };
    }
    const samples = percentileSamples(n);
    const sampler = createSampler({
      x,
      keep,
      model: 'bernoulli',
      compensation: 'inverted',
      constantScale: 1 / keep,
      downstream: new Array<number>(n).fill(0),
      seed,
      edges,
    });
    sampler.run(samples);
    const histogram = sampler.summary().histogram;
    const value = histogram.probabilities[0] ?? Number.NaN;
    const standardError = histogram.standardErrors[0] ?? Number.NaN;
    return {
      estimate: {
        value,
        method: 'sample',
        standardError,
        interval: [Math.max(0, value - 1.96 * standardError), Math.min(1, value + 1.96 * standardError)],
      },
      samples,
      seed,
      ...approx,
    };
  } catch {
    return null;
  }
}
