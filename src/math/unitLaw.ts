/**
 * What dividing by q preserves, for one unit and for a downstream unit z = w·y of the next layer
 * (docs/mathematics.md#moments-of-unit-dropout, #downstream-unit): E[y_i], sd(y_i), E[z], Var z and
 * the binned law of z, for y = s·(m⊙x) under either unit model and any compensation. The engine
 * kind 'mean'; `unitLawSteps` is its kernel and yields between steps so that the worker can cancel.
 * - n ≤ MAX_UNIT_LAW_UNITS: every mask enumerated (enumerateUnitLaw.ts), the law of z exact.
 * - larger n, a scalar compensation: closed forms in O(n), with y_i = s·m_i·x_i, E m_i = q and
 *   Var m_i = q(1−q) in both models (the fixed model's downstream variance has the n/(n−1) form);
 *   c* = ‖x‖/E‖m⊙x‖ by the quadrature (docs/mathematics.md#trapezoid-recipe, #fixed-count-variant),
 *   or, for a fixed-count layer too large for it, sampled by the norm engine (analysisSteps).
 * - larger n, per-sample matching: the norm engine's E[y], E[z] and Var z (closed form, enumerated
 *   or sampled, each with its method); sd(y_i) is not computed.
 * Above the enumeration limit the law of z is the normal N(E z, Var z), labelled as an approximation.
 */
import { scalarScale, scaleFromMean } from './compensations.ts';
import { analysisSteps } from './analyze.ts';
import { defaultEdges, FIXED_CLOSED_FORM_LIMIT } from './analysisPlan.ts';
import { mapEstimate } from './analysisEstimates.ts';
import { exactDownstreamBins, normalDownstreamBins, type DownstreamBins } from './downstreamBins.ts';
import { downstreamMoments, type DownstreamMoments, type UnitMaskModel } from './downstreamMoments.ts';
import { enumerateDownstream, enumerateUnit, MAX_UNIT_LAW_UNITS, type EnumerationInput } from './enumerateUnitLaw.ts';
import { expectedMaskedNorm, expectedMaskedNormFixed, normalisedSquares } from './expectedNorm.ts';
import type { AnalysisResult, Compensation, Estimate, VectorEstimate } from './types.ts';

/** The input of the engine's `mean` kind: the enumeration's input (x, w, q, model, k, compensation) and more. */
export interface UnitLawInput extends EnumerationInput {
  /** Equal bins of the histogram of z. */
  readonly bins: number;
  /** Masks drawn, and their seed, where the norm engine samples (large layers only). */
  readonly samples: number;
  readonly seed: number;
}

/** Everything the mean section shows; every number says how it was obtained. */
export interface UnitLaw {
  readonly n: number;
  readonly model: UnitMaskModel;
  /** The effective q (k/n for the fixed model). */
  readonly keep: number;
  readonly kept: number | null;
  readonly compensation: Compensation;
  /** Masks the model can draw, all of them enumerated (2ⁿ, or C(n, k)); null when nothing was enumerated. */
  readonly enumerated: number | null;
  /** s of a scalar compensation (c* sampled for a fixed-count layer too large for its closed form); null for 'match'. */
  readonly scale: Estimate | null;
  /** E[y_i]. */
  readonly meanY: VectorEstimate;
  /** sd(y_i); null when it is not computed (per-sample matching above the enumeration limit). */
  readonly sdY: VectorEstimate | null;
  /** w·x, z at test time (no dropout). */
  readonly undropped: number;
  readonly meanZ: Estimate;
  readonly varZ: Estimate;
  /** The law of z on equal bins: exact, or the normal approximation. */
  readonly zBins: DownstreamBins;
  /** The sums of the inverted-dropout derivation (whatever the compensation). */
  readonly inverted: DownstreamMoments;
  /** Masks drawn and their seed, when a number was sampled. */
  readonly samples?: number;
  readonly seed?: number;
}

export { MAX_UNIT_LAW_UNITS };

/** A plain-words reason why the input cannot be computed, or null. */
export function validateUnitLaw(input: UnitLawInput): string | null {
  const { x, w, model, kept, keep, bins } = input;
  const n = x.length;
  if (n < 1) return 'x needs at least one unit';
  if (!x.every(Number.isFinite)) return 'every entry of x must be a finite number';
  if (w.length !== n || !w.every(Number.isFinite)) return `the downstream weights need ${n} finite numbers, one per unit`;
  switch (model) {
    case 'fixed':
      if (!(kept !== null && Number.isInteger(kept) && kept >= 1 && kept <= n)) {
        return `the fixed model keeps a whole number of units from 1 to ${n}, got ${String(kept)}`;
      }
      break;
    case 'bernoulli':
      if (kept !== null) return 'kept (a number of kept units) applies only to the fixed model';
      if (!(keep > 0 && keep <= 1)) return `the keep probability must be greater than 0 and at most 1, got ${keep}`;
      break;
    default:
      return `the mask model must be bernoulli or fixed, got ${String(model)}`;
  }
  if (!(Number.isInteger(bins) && bins >= 1)) return `the histogram of z needs a whole number of bins, got ${bins}`;
  return null;
}

/** q and k of a valid input. */
function drawOf(input: UnitLawInput): { q: number; k: number | null } {
  switch (input.model) {
    case 'fixed':
      return { q: (input.kept as number) / input.x.length, k: input.kept };
    case 'bernoulli':
      return { q: input.keep, k: null };
  }
}

type Steps<T> = Generator<{ readonly fraction: number }, T, void>;

/** Every mask: the law of z in one pass, then one pass per unit. */
function* enumeratedLaw(input: UnitLawInput, q: number, k: number | null, inverted: DownstreamMoments): Steps<UnitLaw> {
  const { x, w, model, compensation } = input;
  const n = x.length;
  const law = enumerateDownstream({ x, w, keep: q, model, kept: k, compensation });
  const meanY: number[] = [];
  const sdY: number[] = [];
  for (let i = 0; i < n; i++) {
    yield { fraction: (i + 1) / (n + 1) };
    const { mean, sd } = enumerateUnit(x, i, law);
    meanY.push(mean);
    sdY.push(sd);
  }
  return {
    n, model, keep: q, kept: k, compensation,
    enumerated: law.masks,
    scale: law.scale === null ? null : { value: law.scale, method: 'enumerate' },
    meanY: { values: meanY, method: 'enumerate' },
    sdY: { values: sdY, method: 'enumerate' },
    undropped: inverted.undropped,
    meanZ: { value: law.meanZ, method: 'enumerate' },
    varZ: { value: law.varZ, method: 'enumerate' },
    zBins: exactDownstreamBins(law.zValues, law.zProbabilities, inverted.undropped, input.bins),
    inverted,
  };
}

/** Runs the norm engine on the same masks (x, q, k, w, samples and seed), passing its progress on. */
function* normEngine(input: UnitLawInput, q: number, k: number | null, method: 'auto' | 'sample'): Steps<AnalysisResult> {
  const { x, w, compensation, model } = input;
  const steps = analysisSteps({
    x, keep: q, model, ...(k === null ? {} : { kept: k }), compensation,
    edges: defaultEdges(x, q, compensation, 1, undefined, k ?? undefined),
    method, samples: input.samples, seed: input.seed, downstream: w,
  });
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    yield { fraction: step.value.fraction };
  }
}

/** Sample count and seed of a result that sampled anything. */
const sampling = (result: AnalysisResult) =>
  result.samples === undefined ? {} : { samples: result.samples, ...(result.seed === undefined ? {} : { seed: result.seed }) };

/**
 * The scalar closed forms for scale s (an Estimate: a sampled c* carries its standard error into
 * every number by the delta method): E[y_i] = s q x_i, sd(y_i) = s |x_i| √(q(1−q)),
 * E[z] = s q w·x, Var z = s² q (1−q) Σ b_i² (Bernoulli) or s² q (1−q) n/(n−1) Σ (b_i − b̄)² (fixed).
 */
function scalarLaw(input: UnitLawInput, q: number, k: number | null, s: Estimate, inverted: DownstreamMoments): UnitLaw {
  const { x, model, compensation } = input;
  const n = x.length;
  const spread = Math.sqrt(q * (1 - q));
  let sums: number;
  switch (model) {
    case 'bernoulli':
      sums = inverted.sumSquares;
      break;
    case 'fixed':
      sums = n > 1 ? (n / (n - 1)) * inverted.spread : 0;
      break;
  }
  const vector = (factor: (v: number) => number): VectorEstimate => {
    const values = x.map((v) => s.value * factor(v));
    return s.standardError === undefined
      ? { values, method: s.method }
      : { values, method: s.method, standardErrors: x.map((v) => (s.standardError as number) * Math.abs(factor(v))) };
  };
  const meanZ = mapEstimate(s, (v) => v * q * inverted.undropped, q * inverted.undropped);
  const varZ = mapEstimate(s, (v) => v * v * q * (1 - q) * sums, 2 * s.value * q * (1 - q) * sums);
  return {
    n, model, keep: q, kept: k, compensation,
    enumerated: null,
    scale: s,
    meanY: vector((v) => q * v),
    sdY: vector((v) => Math.abs(v) * spread),
    undropped: inverted.undropped,
    meanZ,
    varZ,
    zBins: normalDownstreamBins(meanZ.value, varZ.value, inverted.undropped, input.bins),
    inverted,
  };
}

/** c* = ‖x‖/E‖m⊙x‖ by the quadrature when it is affordable (always for Bernoulli masks), else null. */
function closedConstantScale(x: readonly number[], q: number, k: number | null): number | null {
  const { norm } = normalisedSquares(x);
  // x = 0: every scale gives y = 0, and c* is taken as 1/q (closedForms.ts does the same).
  if (norm === 0) return 1 / q;
  if (k !== null && x.length * k > FIXED_CLOSED_FORM_LIMIT) return null;
  const masked = k === null ? expectedMaskedNorm(x, q) : expectedMaskedNormFixed(x, k);
  return masked > 0 ? norm / masked : 1 / q;
}

/** The `mean` kernel (see the file comment). Throws RangeError, in plain words, on input it cannot take. */
export function* unitLawSteps(input: UnitLawInput): Steps<UnitLaw> {
  const reason = validateUnitLaw(input);
  if (reason !== null) throw new RangeError(reason);
  const { x, w, model, compensation } = input;
  const { q, k } = drawOf(input);
  const inverted = downstreamMoments({ x, w, keep: q, model });
  if (x.length <= MAX_UNIT_LAW_UNITS) return yield* enumeratedLaw(input, q, k, inverted);
  if (scaleFromMean(compensation)) {
    const closed = closedConstantScale(x, q, k);
    if (closed !== null) return scalarLaw(input, q, k, { value: closed, method: 'closed-form' }, inverted);
    const result = yield* normEngine(input, q, k, 'sample');
    return { ...scalarLaw(input, q, k, result.constantScale, inverted), ...sampling(result) };
  }
  const scale = scalarScale(compensation, q, Number.NaN);
  if (scale !== null) return scalarLaw(input, q, k, { value: scale, method: 'closed-form' }, inverted);
  const result = yield* normEngine(input, q, k, 'auto');
  const { mean, variance } = result.downstream;
  return {
    n: x.length, model, keep: q, kept: k, compensation,
    enumerated: null,
    scale: null,
    meanY: result.meanVector,
    sdY: null,
    undropped: inverted.undropped,
    meanZ: mean,
    varZ: variance,
    zBins: normalDownstreamBins(mean.value, variance.value, inverted.undropped, input.bins),
    inverted,
    ...sampling(result),
  };
}

/** The unit law run to the end (tests, the command line). */
export function unitLaw(input: UnitLawInput): UnitLaw {
  const steps = unitLawSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}
