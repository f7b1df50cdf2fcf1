/**
 * The numbers of section 3's figures for the reader's state: E[y_i] and sd(y_i) per unit, and the
 * downstream unit z = w·y with its law.
 * - n ≤ MAX_ENUMERATED_MEAN_UNITS: exact enumeration of the masks on the main thread.
 * - larger n, scalar compensations: closed forms, O(n) (y_i = s·m_i·x_i with E m_i = q and
 *   Var m_i = q(1−q) in both unit models; the fixed model's downstream variance has the n/(n−1)
 *   finite-population form), c* by the quadrature (docs/mathematics.md#trapezoid-recipe) for the Bernoulli model; the law
 *   of z is then shown as a normal approximation, labelled so.
 * - larger n, per-sample matching (and c* of the fixed model, whose quadrature is O(n·k)): the
 *   worker's result for the same state, with its method and standard errors.
 * Never throws: a state the section cannot take gives a reason instead.
 */
import { type AnalysisResult, expectedMaskedNorm, type Method } from '../math/index.ts';
import { methodLabel } from '../explain/formatNumber.ts';
import { downstreamMoments } from '../explain/meanDerivation.ts';
import { enumerateUnitLaw, MAX_ENUMERATED_MEAN_UNITS, type UnitLawInput } from './meanUnitLaw.ts';

/** The same inputs as the enumerated law of z. */
export type MeanFigureInput = UnitLawInput;

/** The law of z: exact atoms (enumeration) or the normal with z's mean and variance. */
export type DownstreamLaw =
  | { readonly kind: 'exact'; readonly values: Float64Array; readonly probabilities: Float64Array }
  | { readonly kind: 'normal' };

export interface MeanFigureNumbers {
  readonly method: Method;
  /** How the moments were obtained, in words. */
  readonly provenance: string;
  /** Masks enumerated (enumeration only). */
  readonly masks: number;
  /** The effective q (k/n for the fixed model). */
  readonly keep: number;
  /** The scale s for a scalar compensation (null for per-sample matching). */
  readonly scale: number | null;
  readonly meanY: readonly number[];
  /** sd(y_i); null when it is not computed (per-sample matching above the enumeration limit). */
  readonly sdY: readonly number[] | null;
  /** w·x, the downstream unit at test time. */
  readonly undropped: number;
  readonly meanZ: number;
  readonly varZ: number;
  /** Standard errors of sampled E[z] and Var z (null when exact). */
  readonly meanZError: number | null;
  readonly varZError: number | null;
  readonly law: DownstreamLaw;
}

export type MeanFigureOutcome =
  | { readonly ok: true; readonly numbers: MeanFigureNumbers }
  | { readonly ok: false; readonly pending: boolean; readonly reason: string };

const refuse = (reason: string): MeanFigureOutcome => ({ ok: false, pending: false, reason });

/** Whether the worker's result belongs to this input (same n, model, q, compensation and w). */
function resultFits(result: AnalysisResult | null, input: MeanFigureInput, q: number, undropped: number): result is AnalysisResult {
  return (
    result !== null &&
    result.complete &&
    result.n === input.x.length &&
    result.model === input.model &&
    result.compensation === input.compensation &&
    Math.abs(result.keep - q) <= 1e-12 &&
    Math.abs(result.downstream.undropped - undropped) <= 1e-9 * (1 + Math.abs(undropped))
  );
}

/** The figure's numbers, the most exact way that is cheap on the main thread (see the file comment). */
export function meanFigureNumbers(input: MeanFigureInput, engine: AnalysisResult | null = null): MeanFigureOutcome {
  const { x, w, model, kept, compensation } = input;
  const n = x.length;
  if (n < 1 || w.length !== n || !x.every(Number.isFinite) || !w.every(Number.isFinite)) {
    return refuse('These numbers do not make a valid vector for the formulas.');
  }
  if (model === 'fixed' && !(Number.isInteger(kept) && kept >= 1 && kept <= n)) {
    return refuse('With k = 0 every unit is dropped and q = k/n = 0, so there is nothing to divide by.');
  }
  const q = model === 'fixed' ? kept / n : input.keep;
  if (!(q > 0 && q <= 1)) return refuse(`The keep probability must be in (0, 1], got ${q}.`);
  const { undropped, sumSquares, spread } = downstreamMoments({ x, w, keep: q, model });

  if (n <= MAX_ENUMERATED_MEAN_UNITS) {
    const law = enumerateUnitLaw(input);
    if (law === null) return refuse('These numbers do not make a valid state for the formulas.');
    const scale =
      compensation === 'match' ? null
      : compensation === 'inverted' ? 1 / q
      : compensation === 'none' ? 1
      : compensation === 'sqrt' ? 1 / Math.sqrt(q)
      : law.constantScale;
    return {
      ok: true,
      numbers: {
        method: 'enumerate',
        provenance: `exact enumeration of ${law.masks.toLocaleString('en-US')} masks`,
        masks: law.masks,
        keep: q,
        scale,
        meanY: law.meanY,
        sdY: law.sdY,
        undropped,
        meanZ: law.meanZ,
        varZ: law.varZ,
        meanZError: null,
        varZError: null,
        law: { kind: 'exact', values: law.zValues, probabilities: law.zProbabilities },
      },
    };
  }

  const fits = resultFits(engine, input, q, undropped);
  if (compensation === 'match') {
    if (!fits) {
      return {
        ok: false,
        pending: true,
        reason: `Per-sample matching for n = ${n} units is computed by the engine (above the ${MAX_ENUMERATED_MEAN_UNITS} units enumerated here); waiting for its result.`,
      };
    }
    const mean = engine.downstream.mean;
    const variance = engine.downstream.variance;
    return {
      ok: true,
      numbers: {
        method: mean.method,
        provenance: `${methodLabel(mean.method)}, from the engine`,
        masks: 0,
        keep: q,
        scale: null,
        meanY: engine.meanVector.values,
        sdY: null,
        undropped,
        meanZ: mean.value,
        varZ: variance.value,
        meanZError: mean.standardError ?? null,
        varZError: variance.standardError ?? null,
        law: { kind: 'normal' },
      },
    };
  }

  let scale: number;
  let provenance = 'closed form';
  let method: Method = 'closed-form';
  let scaleError: number | null = null;
  if (compensation === 'inverted') scale = 1 / q;
  else if (compensation === 'none') scale = 1;
  else if (compensation === 'sqrt') scale = 1 / Math.sqrt(q);
  else if (model === 'bernoulli') {
    const masked = expectedMaskedNorm(x, q);
    scale = masked > 0 ? Math.sqrt(x.reduce((s, v) => s + v * v, 0)) / masked : 1 / q;
  } else if (fits) {
    scale = engine.constantScale.value;
    method = engine.constantScale.method;
    scaleError = engine.constantScale.standardError ?? null;
    provenance = `closed form; c* from the engine (${methodLabel(method)})`;
  } else {
    return {
      ok: false,
      pending: true,
      reason: `c* for exactly k of n = ${n} units is computed by the engine; waiting for its result.`,
    };
  }
  const ratio = q * (1 - q);
  const meanZ = scale * q * undropped;
  const varZ = scale * scale * ratio * (model === 'bernoulli' ? sumSquares : (n / (n - 1)) * spread);
  return {
    ok: true,
    numbers: {
      method,
      provenance,
      masks: 0,
      keep: q,
      scale,
      meanY: x.map((v) => scale * q * v),
      sdY: x.map((v) => scale * Math.abs(v) * Math.sqrt(ratio)),
      undropped,
      meanZ,
      varZ,
      // A sampled c* carries its error into E[z] = c*·q·w·x and Var z ∝ c*² (delta method).
      meanZError: scaleError === null ? null : scaleError * q * Math.abs(undropped),
      varZError: scaleError === null || scale === 0 ? null : (2 * scaleError * varZ) / scale,
      law: { kind: 'normal' },
    },
  };
}
