/**
 * Shared vocabulary of the engine. Notation (MATH.md §1): x ∈ ℝⁿ the activations, q the keep
 * probability (the engine never speaks in drop rate), m ∈ {0,1}ⁿ a keep-mask, y = s·(m⊙x) the
 * compensated output for a scale s chosen by the compensation.
 */

/** How the mask is drawn. */
export type MaskModel =
  /** m_i ~ Bernoulli(q) i.i.d.: what every framework does. */
  | 'bernoulli'
  /** Exactly k of n kept, uniform over the C(n,k) subsets; q = k/n (the accepted answer's model). */
  | 'fixed'
  /** Bernoulli(q) mask on the weights W (d×n) of the next layer: u = s·(M⊙W)x. */
  | 'dropconnect';

/** What multiplies the kept values. */
export type Compensation =
  /** ×1/q (inverted dropout, every framework). */
  | 'inverted'
  /** ×1 in training, ×q at test time (Srivastava et al. 2014). */
  | 'none'
  /** ×1/√q (matches the mean-square norm). */
  | 'sqrt'
  /** Per sample ×‖x‖/‖m⊙x‖; undefined for the all-dropped mask, whose output is taken as 0. */
  | 'match'
  /** ×c* = ‖x‖/E‖m⊙x‖, a constant computed from the whole of x. */
  | 'constant';

/** How a number was obtained. Every number shown on screen carries one. */
export type Method =
  /** All 2ⁿ masks visited (Gray-code order), each weighted by its probability. */
  | 'enumerate'
  /** Meet in the middle: both halves enumerated and sorted, exact bin masses by a monotone sweep. */
  | 'split'
  /** A formula valid for any n (moments, or the quadrature for E‖m⊙x‖). */
  | 'closed-form'
  /** Seeded Monte Carlo, with a standard error and a 95% interval. */
  | 'sample';

export const MASK_MODELS: readonly MaskModel[] = ['bernoulli', 'fixed', 'dropconnect'];
export const COMPENSATIONS: readonly Compensation[] = ['inverted', 'none', 'sqrt', 'match', 'constant'];
export const METHODS: readonly Method[] = ['enumerate', 'split', 'closed-form', 'sample'];

/** A scalar and how it was obtained. standardError and interval are present only for sampled values. */
export interface Estimate {
  readonly value: number;
  readonly method: Method;
  readonly standardError?: number;
  /** 95% confidence interval [low, high]. */
  readonly interval?: readonly [number, number];
}

/** A vector and how it was obtained (standardErrors only for sampled values). */
export interface VectorEstimate {
  readonly values: readonly number[];
  readonly method: Method;
  readonly standardErrors?: readonly number[];
}
