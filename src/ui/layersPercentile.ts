/**
 * Where a measured ‖y‖ = t falls in the distribution of ‖y‖ for y = m⊙x/q, m_i ~ Bernoulli(q):
 * P(‖y‖ ≤ t), computed on the main thread, exactly for small n (all 2ⁿ masks enumerated, or split
 * in two halves), else sampled with its standard error; plus the normal approximation of
 * docs/mathematics.md#normal-and-edgeworth-approximations on S = ‖m⊙x‖² (‖y‖ ≤ t ⇔ S ≤ (qt)²)
 * and its Edgeworth-corrected value, whose difference
 * estimates the error of the normal approximation.
 */
import { analyze, createSampler, type Estimate, normalApproximation } from '../math/index.ts';

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
