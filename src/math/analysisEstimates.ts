/**
 * Small constructors for the numbers of an AnalysisResult: an exact or closed-form Estimate, an
 * unknown one (NaN, in partial results), vectors and their bias, and the sd of ‖y‖ from two moments.
 */
import { Z95 } from './sampleMoments.ts';
import type { Estimate, Method, VectorEstimate } from './types.ts';

export function exactEstimate(value: number, method: Method): Estimate {
  return { value, method };
}

export function closedForm(value: number): Estimate {
  return { value, method: 'closed-form' };
}

/** sd ‖y‖ from a closed form, with its error bound when it is not exact to rounding. */
export function closedSd(value: number, bound: number): Estimate {
  return bound > 0 ? { value, method: 'closed-form', errorBound: bound } : { value, method: 'closed-form' };
}

/** Not known yet (partial results). */
export function pendingEstimate(method: Method): Estimate {
  return { value: Number.NaN, method };
}

export function exactVector(values: readonly number[], method: Method): VectorEstimate {
  return { values, method };
}

/** E[y] − reference, with the standard errors of E[y] (the reference is exact). */
export function biasOf(mean: VectorEstimate, reference: readonly number[]): VectorEstimate {
  const values = mean.values.map((v, i) => v - (reference[i] ?? 0));
  return mean.standardErrors === undefined
    ? { values, method: mean.method }
    : { values, method: mean.method, standardErrors: mean.standardErrors };
}

/** sd of ‖y‖ = √(E‖y‖² − (E‖y‖)²), clamped at 0 against rounding; carries the method of E‖y‖. */
export function sdFromMoments(mean: Estimate, meanSquare: number): Estimate {
  return { value: Math.sqrt(Math.max(0, meanSquare - mean.value * mean.value)), method: mean.method };
}

/** An estimate of f(θ) from an estimate of θ (delta method for the standard error). */
export function mapEstimate(estimate: Estimate, f: (v: number) => number, slope: number): Estimate {
  const value = f(estimate.value);
  if (estimate.standardError === undefined) return { value, method: estimate.method };
  const standardError = Math.abs(slope) * estimate.standardError;
  return { value, method: estimate.method, standardError, interval: [value - Z95 * standardError, value + Z95 * standardError] };
}
