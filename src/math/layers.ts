/**
 * The layers section's numbers, for inverted dropout with Bernoulli masks, y = m⊙x/q
 * (docs/mathematics.md#bernoulli-moments, docs/mathematics.md#delta-method,
 * docs/mathematics.md#trapezoid-recipe, docs/mathematics.md#normal-and-edgeworth-approximations):
 * the closed-form moments of ‖y‖, the relative spread sd‖y‖/E‖y‖ for generated layers of
 * n = 4 … 4096 units, and the percentile P(‖y‖ ≤ t) of a measured length t, exact (enumeration or
 * the split method, through the engine's analysisSteps) or sampled with its standard error, next
 * to its normal and Edgeworth approximations. `layersSteps` is the engine kind's kernel
 * (docs/architecture.md#one-engine): it yields between steps so that the worker can cancel it.
 */
import { analysisSteps } from './analyze.ts';
import { expectedMaskedNorm } from './expectedNorm.ts';
import { normalApproximation } from './normalApproximation.ts';
import type { Estimate, Method } from './types.ts';
import { generateVector, type VectorKind } from './vectorSpec.ts';

/** n of the spread chart: 4, 8, …, 4096. */
export const SPREAD_UNITS: readonly number[] = Array.from({ length: 11 }, (_, j) => 2 ** (j + 2));
/** Largest n whose percentile is enumerated (2¹⁶ masks, a few ms). */
export const PERCENTILE_ENUMERATE_UNITS = 16;
/** Largest n whose percentile is split in two halves (2 × 2¹⁴ sums). */
export const PERCENTILE_SPLIT_UNITS = 28;

export interface LayerMoments {
  readonly norm: number;
  /** n_eff = ‖x‖⁴/Σx_i⁴ (0 for x = 0). */
  readonly nEff: number;
  /** E‖y‖ (closed form: the quadrature of docs/mathematics.md#trapezoid-recipe). */
  readonly meanNorm: number;
  /** √(E‖y‖²) = ‖x‖/√q. */
  readonly rmsNorm: number;
  /** sd‖y‖ = √(‖x‖²/q − (E‖y‖)²). */
  readonly sdNorm: number;
  /** sd‖y‖/E‖y‖ (0 for x = 0). */
  readonly relativeSpread: number;
  /** Its delta-method value ½√((1−q)/(q·n_eff)) (docs/mathematics.md#delta-method). */
  readonly approximateSpread: number;
}

/** The closed-form moments of ‖y‖ for y = m⊙x/q, m_i ~ Bernoulli(q). Never throws (q is clamped into (0, 1]). */
export function layerMoments(x: readonly number[], keep: number): LayerMoments {
  const q = Math.min(1, Math.max(Number.MIN_VALUE, keep));
  let largest = 0;
  for (const v of x) largest = Math.max(largest, Math.abs(v));
  if (!(largest > 0) || !Number.isFinite(largest)) {
    return { norm: 0, nEff: 0, meanNorm: 0, rmsNorm: 0, sdNorm: 0, relativeSpread: 0, approximateSpread: 0 };
  }
  // Scaled by the largest entry so that Σx⁴ neither overflows nor underflows.
  let squares = 0;
  let fourths = 0;
  for (const v of x) {
    const r = (v / largest) ** 2;
    squares += r;
    fourths += r * r;
  }
  const norm = largest * Math.sqrt(squares);
  const nEff = (squares * squares) / fourths;
  const meanNorm = expectedMaskedNorm(x, q) / q;
  const rmsNorm = norm / Math.sqrt(q);
  const sdNorm = Math.sqrt(Math.max(0, rmsNorm * rmsNorm - meanNorm * meanNorm));
  return {
    norm,
    nEff,
    meanNorm,
    rmsNorm,
    sdNorm,
    relativeSpread: meanNorm > 0 ? sdNorm / meanNorm : 0,
    approximateSpread: 0.5 * Math.sqrt((1 - q) / (q * nEff)),
  };
}

export interface SpreadPoint {
  readonly units: number;
  readonly nEff: number;
  readonly relativeSpread: number;
  readonly approximateSpread: number;
}

/** One point of the spread curve: the generated layer of `units` units (the norm does not matter: the ratio is scale-free). */
export function spreadPoint(kind: VectorKind, seed: number, keep: number, units: number): SpreadPoint {
  const m = layerMoments(generateVector({ kind, seed, units, norm: 1 }), keep);
  return { units, nEff: m.nEff, relativeSpread: m.relativeSpread, approximateSpread: m.approximateSpread };
}

/** sd‖y‖/E‖y‖ for generated layers of the given kind and seed at n = 4 … 4096. */
export function spreadCurve(kind: VectorKind, seed: number, keep: number): SpreadPoint[] {
  return SPREAD_UNITS.map((units) => spreadPoint(kind, seed, keep, units));
}

export interface PercentileResult {
  /** The threshold t. */
  readonly threshold: number;
  /** P(‖y‖ ≤ t): exact (enumeration, split, or a closed form at the ends), or sampled with standard error and 95% interval. */
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

export interface PercentileRequest {
  readonly x: readonly number[];
  readonly keep: number;
  readonly threshold: number;
  /** Masks drawn and their seed when n is too large for an exact method. */
  readonly samples: number;
  readonly seed: number;
}

/** The method the percentile uses for n units. */
export function percentileMethod(units: number): Method {
  if (units <= PERCENTILE_ENUMERATE_UNITS) return 'enumerate';
  return units <= PERCENTILE_SPLIT_UNITS ? 'split' : 'sample';
}

const validPercentileRequest = ({ x, keep, threshold, samples }: PercentileRequest) =>
  x.length >= 1 && keep > 0 && keep <= 1 && Number.isFinite(threshold) && x.every((v) => Number.isFinite(v)) && samples >= 1;

/**
 * P(‖y‖ ≤ t) for y = m⊙x/q, Bernoulli masks, in steps. The engine's bins are [e_j, e_{j+1}) with
 * values within 1e-12·max|e| of an edge counted on it, so the middle edge is placed just above t
 * to count ‖y‖ = t in the lower bin. Null for invalid input (it never throws).
 */
export function* percentileSteps(request: PercentileRequest): Generator<{ readonly fraction: number }, PercentileResult | null, void> {
  if (!validPercentileRequest(request)) return null;
  const { x, keep, threshold, samples, seed } = request;
  const approx = { threshold, ...normalApproximation(x, keep, threshold) };
  const top = Math.sqrt(x.reduce((s, v) => s + v * v, 0)) / keep;
  if (threshold < 0) return { estimate: { value: 0, method: 'closed-form' }, ...approx };
  if (!(threshold < top)) return { estimate: { value: 1, method: 'closed-form' }, ...approx };
  // With threshold 0 the lower bin is ‖y‖ = 0 only: P(every non-zero unit dropped).
  if (threshold === 0) {
    const nonZero = x.filter((v) => v !== 0).length;
    return { estimate: { value: (1 - keep) ** nonZero, method: 'closed-form' }, ...approx };
  }
  const edge = Math.min(threshold + 1e-10 * top, (threshold + top) / 2);
  const method = percentileMethod(x.length);
  try {
    const steps = analysisSteps({ x, keep, model: 'bernoulli', compensation: 'inverted', edges: [0, edge, top], method, samples, seed });
    for (;;) {
      const step = steps.next();
      if (step.done === true) {
        const histogram = step.value.histogram;
        const value = histogram.probabilities[0] ?? Number.NaN;
        if (method !== 'sample') return { estimate: { value, method }, ...approx };
        const standardError = histogram.standardErrors?.[0] ?? Number.NaN;
        return {
          estimate: {
            value,
            method,
            standardError,
            interval: [Math.max(0, value - 1.96 * standardError), Math.min(1, value + 1.96 * standardError)],
          },
          samples,
          seed,
          ...approx,
        };
      }
      yield { fraction: step.value.fraction };
    }
  } catch {
    return null;
  }
}

/** P(‖y‖ ≤ t) run to the end (tests, the command line). */
export function thresholdPercentile(request: PercentileRequest): PercentileResult | null {
  const steps = percentileSteps(request);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** The input of the engine's `layers` kind. */
export interface LayersInput {
  readonly x: readonly number[];
  readonly keep: number;
  /** The measured ‖y‖ to place, or null for none (then no percentile is computed). */
  readonly threshold: number | null;
  readonly samples: number;
  readonly seed: number;
  /** The family of generated layers of the spread chart. */
  readonly spread: { readonly kind: VectorKind; readonly seed: number };
}

/** Everything the layers section shows, for Bernoulli masks and 1/q. */
export interface LayersOutput {
  readonly n: number;
  readonly keep: number;
  readonly moments: LayerMoments;
  /** The spread curve, null until computed. */
  readonly spread: readonly SpreadPoint[] | null;
  /** 'pending' while it is computed, null when no threshold was asked or the input is invalid. */
  readonly percentile: PercentileResult | 'pending' | null;
}

/** The `layers` kernel: moments first, then the spread curve point by point, then the percentile. */
export function* layersSteps(input: LayersInput): Generator<{ readonly fraction: number; readonly partial?: LayersOutput }, LayersOutput, void> {
  const { x, keep, threshold } = input;
  const moments = layerMoments(x, keep);
  const base = { n: x.length, keep, moments };
  const pending = threshold === null ? null : ('pending' as const);
  yield { fraction: 0.02, partial: { ...base, spread: null, percentile: pending } };
  const spread: SpreadPoint[] = [];
  for (const units of SPREAD_UNITS) {
    spread.push(spreadPoint(input.spread.kind, input.spread.seed, keep, units));
    // The largest layers cost the most (641·n terms each): one step each.
    if (units >= 512) yield { fraction: 0.02 + (0.08 * spread.length) / SPREAD_UNITS.length };
  }
  if (threshold === null) return { ...base, spread, percentile: null };
  yield { fraction: 0.1, partial: { ...base, spread, percentile: pending } };
  const steps = percentileSteps({ x, keep, threshold, samples: input.samples, seed: input.seed });
  for (;;) {
    const step = steps.next();
    if (step.done === true) return { ...base, spread, percentile: step.value };
    yield { fraction: 0.1 + 0.9 * step.value.fraction };
  }
}
