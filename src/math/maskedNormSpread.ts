/**
 * sd ‖m⊙x‖ under the Bernoulli model without cancellation, for any n (docs/mathematics.md,
 * 'Spread of the norm without cancellation').
 *
 * With c = √(E S) = √q‖x‖ and μ = E√S, Var √S = c² − μ² = δ(2c − δ) with the gap δ = c − μ ≥ 0.
 * From √s = (1/2√π)∫(1 − e^{−ts}) t^{−3/2} dt, in τ = t‖x‖² = e^u and shares r_i = x_i²/‖x‖²:
 *   δ/‖x‖ = (1/2√π) ∫ D(e^u) e^{−u/2} du,   D(τ) = L(τ) − e^{−qτ} = L(τ)·(1 − e^{−F(τ)}),
 *   F(τ) = log L(τ) + qτ = Σ_i f(τ r_i),   f(t) = log(1 − q + q e^{−t}) + qt = log1p((1−q)·E₂(qt) + q·E₂(−(1−q)t)),
 * E₂(v) = e^v − 1 − v ≥ 0. Every term is non-negative, so δ is accurate to a few roundings however
 * close μ is to c (q = 1 gives F ≡ 0 and δ = 0 exactly).
 * The trapezoid rule runs on the nodes of expectedNorm.ts with half the step; the error bound is the
 * difference from the rule with the full step (the error of the finer rule is far smaller), plus the
 * rounding of n + 20 operations per term. Once every τr_i exceeds 745, D = P0 (every unit's factor
 * is 1 − q), and the rest of each rule's sum is a geometric series, summed exactly. Below
 * u = −28 the integrand is under q(1−q)Σr²·e^{1.5u}/2; it is left out and its integral added to the bound.
 */
import { QUADRATURE_NODES, QUADRATURE_START, QUADRATURE_STEP } from './expectedNorm.ts';

export interface MaskedNormSpread {
  /** sd ‖m⊙x‖/‖x‖. */
  readonly relativeSd: number;
  /** A bound on the absolute error of relativeSd. */
  readonly relativeSdBound: number;
}

/** 1/j! for j = 2 … 16, the Taylor coefficients of E₂. */
const INVERSE_FACTORIALS = (() => {
  const c: number[] = [];
  let f = 1;
  for (let j = 2; j <= 16; j++) {
    f = 1;
    for (let i = 2; i <= j; i++) f *= i;
    c.push(1 / f);
  }
  return Float64Array.from(c);
})();

/** E₂(v) = e^v − 1 − v, to full relative precision (Taylor series, 15 terms, below |v| = 1/2). */
export function expm1MinusLinear(v: number): number {
  if (Math.abs(v) >= 0.5) return Math.expm1(v) - v;
  const c = INVERSE_FACTORIALS;
  let sum = c[14]!;
  for (let j = 13; j >= 0; j--) sum = sum * v + c[j]!;
  return v * v * sum;
}

/** f(t) = log(1 − q + q e^{−t}) + qt ≥ 0 (the cumulant of one unit minus its linear part). */
function unitCumulant(t: number, q: number): number {
  const p = 1 - q;
  if (q * t < 700 && p * t < 700) return Math.log1p(p * expm1MinusLinear(q * t) + q * expm1MinusLinear(-p * t));
  return q * t + Math.log1p(q * Math.expm1(-t));
}

/** Below this u the integrand is under e^{1.5u}·q(1−q)Σr²/2 and is left out (its bound is added). */
const GAP_START = -28;
/** Beyond this t, e^{−t} = 0 in float64. */
const UNDERFLOW = 745;

/** D(τ)·e^{−u/2} at u (τ = e^u), and whether D = P0 here and at every later node. */
function gapIntegrand(u: number, shares: Float64Array, q: number): { value: number; saturated: boolean } {
  const tau = Math.exp(u);
  const logDrop = Math.log1p(-q);
  let cumulant = 0;
  let logL = 0;
  let saturated = true;
  for (let i = 0; i < shares.length; i++) {
    const t = tau * shares[i]!;
    if (t > UNDERFLOW) {
      // The unit's factor is 1 − q.
      cumulant += q * t + logDrop;
      logL += logDrop;
    } else {
      saturated = false;
      cumulant += unitCumulant(t, q);
      logL += Math.log1p(q * Math.expm1(-t));
    }
  }
  const gapFactor = -Math.expm1(-cumulant);
  return { value: Math.exp(logL) * gapFactor * Math.exp(-u / 2), saturated: saturated && gapFactor === 1 };
}

/** sd ‖m⊙x‖/‖x‖ from the shares r_i (non-zero, summing to 1) and q ∈ (0, 1]. */
export function maskedNormSpread(shares: Float64Array, q: number): MaskedNormSpread {
  if (shares.length === 0 || q === 1) return { relativeSd: 0, relativeSdBound: 0 };
  const step = QUADRATURE_STEP / 2;
  const first = Math.round((GAP_START - QUADRATURE_START) / step);
  const nodes = 2 * (QUADRATURE_NODES - 1) + 1;
  let fine = 0;
  let coarse = 0;
  for (let k = first; k < nodes; k++) {
    const { value, saturated } = gapIntegrand(QUADRATURE_START + step * k, shares, q);
    const onCoarse = (k - first) % 2 === 0;
    if (saturated && onCoarse) {
      // From here on D = P0: each rule's nodes sum to value·h·Σ_{j≥0} e^{−jh/2} (a geometric series).
      fine += (step * value) / -Math.expm1(-step / 2);
      coarse += (QUADRATURE_STEP * value) / -Math.expm1(-QUADRATURE_STEP / 2);
      break;
    }
    const end = k === first || k === nodes - 1;
    fine += (end ? step / 2 : step) * value;
    if (onCoarse) coarse += (end ? QUADRATURE_STEP / 2 : QUADRATURE_STEP) * value;
  }
  let sumShares2 = 0;
  for (const r of shares) sumShares2 += r * r;
  const norming = 1 / (2 * Math.sqrt(Math.PI));
  const gap = norming * fine;
  const leftOut = norming * ((q * (1 - q) * sumShares2) / 2) * (Math.exp(1.5 * GAP_START) / 1.5);
  const gapBound = norming * Math.abs(fine - coarse) + leftOut + (shares.length + 20) * Number.EPSILON * gap;
  const rootMean = Math.sqrt(q);
  const variance = gap * (2 * rootMean - gap);
  const relativeSd = Math.sqrt(Math.max(0, variance));
  const varianceBound = gapBound * 2 * rootMean;
  const high = Math.sqrt(variance + varianceBound);
  const low = Math.sqrt(Math.max(0, variance - varianceBound));
  return { relativeSd, relativeSdBound: Math.max(high - relativeSd, relativeSd - low) };
}
