/**
 * Shared vocabulary of the engine. Notation (docs/mathematics.md#notation): x ∈ ℝⁿ the activations, q the keep
 * probability (the engine never speaks in drop rate), m ∈ {0,1}ⁿ a keep-mask, y = s·(m⊙x) the
 * compensated output for a scale s chosen by the compensation.
 */
import type { DropConnectWeights } from './dropConnect.ts';
import type { MaskRow } from './maskTable.ts';

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
  /** For a closed form that is not accurate to rounding: a bound on |value − truth|. */
  readonly errorBound?: number;
}

/** A vector and how it was obtained (standardErrors only for sampled values). */
export interface VectorEstimate {
  readonly values: readonly number[];
  readonly method: Method;
  readonly standardErrors?: readonly number[];
}

/** Largest n for which every mask is enumerated (2²⁴ masks, about a second in Node). */
export const MAX_ENUMERATE_UNITS = 24;
/** Largest n for meet in the middle (two halves of 2²⁰ sums, about 70 MB). */
export const MAX_SPLIT_UNITS = 40;
/** Largest d·n for which every DropConnect weight mask is enumerated (2²⁰ masks). */
export const MAX_ENUMERATE_WEIGHT_BITS = 20;

/** What the engine is asked: one vector, one mask model, one compensation. */
export interface AnalysisRequest {
  /** x, the activations (n ≥ 1 finite numbers). */
  readonly x: readonly number[];
  /** q ∈ (0, 1]; for 'fixed' it must equal kept/n when kept is given, else kept = round(q·n). */
  readonly keep: number;
  readonly model: MaskModel;
  /** k for the fixed-count model (1 … n). */
  readonly kept?: number;
  readonly compensation: Compensation;
  /** Histogram edges of ‖y‖: at least 2, finite, strictly increasing; bin [e_j, e_{j+1}), the last closed. */
  readonly edges: readonly number[];
  /** How to compute the distribution; 'auto' (the default) picks the fastest exact method that fits. */
  readonly method?: Method | 'auto';
  /** Masks drawn when sampling (default DEFAULT_SAMPLES). */
  readonly samples?: number;
  /** uint32 seed of the sampled masks and of the default weights (default 1). */
  readonly seed?: number;
  /** w for the downstream unit z = w·y (unit models, length n); default seeded from `seed`. DropConnect uses z = u₁. */
  readonly downstream?: readonly number[];
  /** W (d×n) for 'dropconnect'; default DEFAULT_DROPCONNECT_ROWS seeded rows. */
  readonly weights?: DropConnectWeights;
}

/** A histogram of ‖y‖ on the request's edges. */
export interface HistogramResult {
  readonly edges: readonly number[];
  /** P(‖y‖ in bin j), bin j = [e_j, e_{j+1}) and the last closed; a value within 1e-12·max|e| of an edge counts as on it. */
  readonly probabilities: readonly number[];
  readonly method: Method;
  /** Standard errors of sampled probabilities. */
  readonly standardErrors?: readonly number[];
}

/** The downstream unit z = w·y of the next layer (DropConnect: z = u₁, the first output). */
export interface DownstreamResult {
  /** w (DropConnect: the first unit vector e₁ of ℝᵈ). */
  readonly weights: readonly number[];
  /** E[z]. */
  readonly mean: Estimate;
  /** Var z. */
  readonly variance: Estimate;
  /** z at test time, without dropout: w·x (DropConnect: (Wx)₁). */
  readonly undropped: number;
}

/** Everything the engine reports for one request; every number says how it was obtained. */
export interface AnalysisResult {
  /** False for the partial results streamed while the computation runs (unknown numbers are NaN). */
  readonly complete: boolean;
  /** n, the number of units (inputs of the layer for DropConnect). */
  readonly n: number;
  /** The effective q (k/n for the fixed model). */
  readonly keep: number;
  /** k for the fixed model. */
  readonly kept?: number;
  /** d, the number of outputs, for DropConnect. */
  readonly outputs?: number;
  readonly model: MaskModel;
  readonly compensation: Compensation;
  /** How the distribution of ‖y‖ (histogram, median, P(‖y‖ > ‖x‖)) was obtained. */
  readonly method: Method;
  /** The compensation scale s (null for per-sample 'match'). */
  readonly scale: number | null;
  /** ‖x‖, the test-time norm (DropConnect: ‖Wx‖). */
  readonly norm: number;
  /** The largest possible ‖y‖ (all kept; the k largest units for the fixed model; ‖x‖ for 'match'); for DropConnect the largest over all weight masks. */
  readonly maxNorm: number;
  /** E‖m⊙x‖ (DropConnect: E‖(M⊙W)x‖), before compensation. */
  readonly meanMaskedNorm: Estimate;
  /** E‖y‖. */
  readonly meanNorm: Estimate;
  /** √(E‖y‖²). */
  readonly rmsNorm: Estimate;
  /** sd of ‖y‖, from the central moment of the law (never E‖y‖² − (E‖y‖)² by subtraction). */
  readonly sdNorm: Estimate;
  /** Var(‖y‖²) (unit models). */
  readonly varianceSquareNorm?: Estimate;
  /** The lower median: the smallest v with P(‖y‖ ≤ v) ≥ ½. */
  readonly medianNorm: Estimate;
  /** The upper median inf{v: P(‖y‖ ≤ v) > ½} (exact methods only); every value in between is a median. */
  readonly medianUpperNorm?: Estimate;
  /** P(‖y‖ > ‖x‖); values within 1e-12 relative of ‖x‖ count as equal. */
  readonly pAboveNorm: Estimate;
  /** P(‖y‖ = ‖x‖) within 1e-12 relative (exact methods only). */
  readonly pAtNorm?: Estimate;
  /** c* = ‖x‖/E‖m⊙x‖ (DropConnect: ‖Wx‖/E‖(M⊙W)x‖); NaN (undefined, 0/0) when that norm is 0. */
  readonly constantScale: Estimate;
  /** E[y] (DropConnect: E[u], length d). */
  readonly meanVector: VectorEstimate;
  /** E[y] − x (DropConnect: E[u] − Wx). */
  readonly bias: VectorEstimate;
  readonly downstream: DownstreamResult;
  /** P(every unit with x_i ≠ 0 dropped) (DropConnect: every weight with W_ji·x_i ≠ 0 dropped). */
  readonly pAllDropped: number;
  /** n_eff = ‖x‖⁴/Σx_i⁴ (NaN, undefined, for x = 0). */
  readonly nEff: number;
  readonly histogram: HistogramResult;
  /** Every mask with its probability and norms, for n ≤ MAX_LISTED_UNITS (unit models). */
  readonly masks?: readonly MaskRow[];
  /** Masks drawn and their seed, when anything was sampled. */
  readonly samples?: number;
  readonly seed?: number;
}

/** One report of a running analysis: the share of work done and, now and then, the result so far. */
export interface AnalysisProgress {
  readonly fraction: number;
  readonly partial?: AnalysisResult;
}
