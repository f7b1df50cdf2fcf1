/**
 * Every moment of unit dropout that needs no masks (docs/mathematics.md#moments-of-unit-dropout,
 * #expected-norm-by-quadrature, #norm-matching-and-the-alternatives), for y = s·(m⊙x)
 * and a downstream unit z = w·y. Notation: q keep probability (k/n for the fixed-count model),
 * a_i = x_i², b_i = w_i x_i, P0 = P(m⊙x = 0), s the compensation scale.
 */
import { expectedMaskedNorm, expectedMaskedNormFixed, normalisedSquares, QUADRATURE_NODES, QUADRATURE_START, QUADRATURE_STEP } from './expectedNorm.ts';
import { maskedNormSpread } from './maskedNormSpread.ts';
import { scalarScale } from './compensations.ts';
import { keepsCount, maskDraw, unreachable } from './maskModels.ts';
import type { Compensation } from './types.ts';

export interface ClosedFormInput {
  /** x, the activations (length n ≥ 1). */
  readonly x: readonly number[];
  /** q for the Bernoulli model; ignored by the fixed model, where q = kept/n. */
  readonly keep: number;
  readonly model: 'bernoulli' | 'fixed';
  /** k for the fixed model (1 … n); when absent, round(keep·n). */
  readonly kept?: number;
  readonly compensation: Compensation;
  /** w, length n, for the downstream unit z = w·y. */
  readonly downstream: readonly number[];
}

export interface ClosedForms {
  /** ‖x‖. */
  readonly norm: number;
  /** n_eff = ‖x‖⁴/Σx_i⁴ ∈ [1, n]; 0 for x = 0 (no unit carries any norm). */
  readonly nEff: number;
  /** P(m⊙x = 0): (1−q)^{#nonzero} (Bernoulli), C(#zeros, k)/C(n, k) (fixed). */
  readonly pAllDropped: number;
  /** E‖m⊙x‖ (quadrature: docs/mathematics.md#trapezoid-recipe, #fixed-count-variant). */
  readonly expectedMaskedNorm: number;
  /** c* = ‖x‖/E‖m⊙x‖ ∈ [1/√q, 1/q]; for x = 0 (every scale gives y = 0) it is 1/q. */
  readonly constantScale: number;
  /** s, or null for 'match' (per-sample scale ‖x‖/‖m⊙x‖). */
  readonly scale: number | null;
  /** E‖y‖. */
  readonly meanNorm: number | null;
  /** E‖y‖². */
  readonly meanSquareNorm: number | null;
  /** √E‖y‖² = s·√q·‖x‖ (per-sample matching: ‖x‖√(1 − P0)), formed without squaring ‖x‖. */
  readonly rmsNorm: number;
  /** sd ‖y‖, formed without subtracting nearly equal moments where a formulation exists (sdOfNorm). */
  readonly sdNorm: number;
  /** A bound on the absolute error of sdNorm (0 where it is exact to rounding). */
  readonly sdNormBound: number;
  /** E[y] − x, with the factor s·q − 1 formed without cancellation; null with meanVector. */
  readonly bias: readonly number[] | null;
  /** E[y]; null for 'match' under the fixed model. */
  readonly meanVector: readonly number[] | null;
  /** E[w·y]; null for 'match' under the fixed model. */
  readonly downstreamMean: number | null;
  /** Var(w·y); null for 'match' under the fixed model. */
  readonly downstreamVariance: number | null;
  /** w·x, the downstream unit at test time (no dropout). */
  readonly undroppedDownstream: number;
}

/**
 * Per-sample norm matching under the Bernoulli model (q < 1), exactly (docs/mathematics.md#per-sample-matching-moments):
 * with F_l = 1 − q + q e^{−τ r_l}, P = Π F_l, g_l = q e^{−τ r_l}/F_l (all in τ = t‖x‖² = e^u),
 *   E[y_i] = x_i/√π · ∫ g_i P e^{u/2} du            (from 1/√S = (1/√π)∫ e^{−tS} t^{−1/2} dt),
 *   E[z²]  = ∫ P [Σ b_l² g_l + (Σ b_l g_l)² − Σ b_l² g_l²] e^{u} du   (from 1/S = ∫ e^{−tS} dt),
 * same trapezoid nodes as the norm; P from Σ log F_l, one exp/expm1 and one log/log1p per unit and
 * node. Accurate while every non-zero |x_i|/‖x‖ ≥ 1e-16 (the u grid ends at 80).
 * Returns E[y_i]/x_i for the non-zero entries in order, and E[z²].
 */
function normMatchedMoments(
  shares: Float64Array,
  products: Float64Array,
  keep: number,
): { meanFactors: Float64Array; downstreamSecondMoment: number } {
  const count = shares.length;
  const meanFactors = new Float64Array(count);
  const ratios = new Float64Array(count); // g_l at the current node
  let smallestShare = Infinity;
  for (const share of shares) smallestShare = Math.min(smallestShare, share);
  let secondMoment = 0;
  for (let k = 0; k < QUADRATURE_NODES; k++) {
    const u = QUADRATURE_START + QUADRATURE_STEP * k;
    const tau = Math.exp(u);
    // Every g_l < e^{−700}: this node and all later ones contribute nothing.
    if (tau * smallestShare > 800) break;
    const weight = k === 0 || k === QUADRATURE_NODES - 1 ? QUADRATURE_STEP / 2 : QUADRATURE_STEP;
    let logP = 0;
    for (let l = 0; l < count; l++) {
      // e^{−t} and F_l = 1 − q + q e^{−t}, each to full relative precision for small and large t.
      const t = tau * (shares[l] as number);
      let decay: number;
      if (t > 0.5) {
        decay = Math.exp(-t);
        const factor = 1 - keep + keep * decay;
        logP += Math.log(factor);
        ratios[l] = (keep * decay) / factor;
      } else {
        const drop = Math.expm1(-t);
        decay = 1 + drop;
        logP += Math.log1p(keep * drop);
        ratios[l] = (keep * decay) / (1 + keep * drop);
      }
    }
    // g_l ≤ 1, so g_l·P underflows only where the term is negligible.
    const product = Math.exp(logP);
    const meanWeight = weight * product * Math.exp(u / 2);
    let sumB2G = 0;
    let sumBG = 0;
    let sumB2G2 = 0;
    for (let l = 0; l < count; l++) {
      const g = ratios[l] as number;
      const b = products[l] as number;
      meanFactors[l] = (meanFactors[l] as number) + meanWeight * g;
      sumB2G += b * b * g;
      sumBG += b * g;
      sumB2G2 += b * b * g * g;
    }
    secondMoment += weight * product * Math.exp(u) * (sumB2G + sumBG * sumBG - sumB2G2);
  }
  for (let l = 0; l < count; l++) meanFactors[l] = (meanFactors[l] as number) / Math.sqrt(Math.PI);
  return { meanFactors, downstreamSecondMoment: secondMoment };
}

/** C(zeros, k)/C(n, k) = Π_{j<k} (zeros − j)/(n − j): probability that k draws miss every non-zero. */
function fixedAllDropped(units: number, zeros: number, kept: number): number {
  let p = 1;
  for (let j = 0; j < kept; j++) p *= Math.max(0, zeros - j) / (units - j);
  return p;
}

/** Relative error assumed for the fixed-count quadrature of E‖m⊙x‖ (docs/mathematics.md#fixed-count-variant: 1.4e-15 measured). */
const FIXED_MEAN_ERROR = 4e-15;

/**
 * sd ‖m⊙x‖ and a bound on its error (docs/mathematics.md, 'Spread of the norm without cancellation'):
 * - a law with one atom (k = n, or every |x_i| equal under the fixed model; q = 1 or x = 0) has sd 0;
 * - Bernoulli: the gap √(E S) − E√S by its own quadrature (maskedNormSpread.ts), no cancellation;
 * - fixed count: (√(q‖x‖²) − μ)(√(q‖x‖²) + μ) with μ from the quadrature; the difference carries the
 *   quadrature's error FIXED_MEAN_ERROR·μ, which is what the bound says.
 */
function maskedNormSd(
  x: readonly number[],
  shares: Float64Array,
  norm: number,
  q: number,
  model: 'bernoulli' | 'fixed',
  kept: number,
  maskedNorm: number,
): { sd: number; bound: number } {
  if (norm === 0 || q === 1) return { sd: 0, bound: 0 };
  if (!keepsCount(model)) {
    const spread = maskedNormSpread(shares, q);
    return { sd: norm * spread.relativeSd, bound: norm * spread.relativeSdBound };
  }
  const first = Math.abs(x[0]!);
  if (kept === x.length || x.every((v) => Math.abs(v) === first)) return { sd: 0, bound: 0 };
  const root = Math.sqrt(q) * norm;
  const gap = root - maskedNorm;
  const variance = Math.max(0, gap * (root + maskedNorm));
  const varianceBound = (FIXED_MEAN_ERROR * maskedNorm + 2 * Number.EPSILON * root) * (root + maskedNorm);
  const sd = Math.sqrt(variance);
  return { sd, bound: Math.max(Math.sqrt(variance + varianceBound) - sd, sd - Math.sqrt(Math.max(0, variance - varianceBound))) };
}

/** s·q − 1, the relative bias of E[y] = s·q·x, without cancellation (c*: (q‖x‖ − E‖m⊙x‖)/E‖m⊙x‖). */
function biasFactor(compensation: Compensation, q: number, norm: number, maskedNorm: number): number {
  switch (compensation) {
    case 'match':
      // No one factor: E[y] of the per-sample factor has its own closed form (normMatchedMoments).
      return Number.NaN;
    case 'inverted':
      return 0;
    case 'none':
      return q - 1;
    case 'sqrt':
      return (q - 1) / (1 + Math.sqrt(q));
    case 'constant':
      return maskedNorm > 0 ? (q * norm - maskedNorm) / maskedNorm : 0;
    default:
      return unreachable(compensation, 'compensation');
  }
}

/** v·2^e in two exact steps (2^e alone overflows for e > 1023). */
function timesPowerOfTwo(v: number, e: number): number {
  const half = Math.trunc(e / 2);
  return v * 2 ** half * 2 ** (e - half);
}

/**
 * All closed-form moments for one (x, q or k, compensation, w). Throws RangeError on invalid input.
 * x is first scaled by a power of two to max|x_i| ∈ [1, 2) (exact), so that no square, quadrature
 * or product underflows or overflows (x = 1e-300 or subnormal entries), and the results are scaled back.
 */
export function closedForms(input: ClosedFormInput): ClosedForms {
  let largest = 0;
  for (const v of input.x) largest = Math.max(largest, Math.abs(v));
  if (!(largest > 0) || !Number.isFinite(largest)) return closedFormsScaled(input);
  const e = -Math.floor(Math.log2(largest));
  if (e === 0) return closedFormsScaled(input);
  const c = closedFormsScaled({ ...input, x: input.x.map((v) => timesPowerOfTwo(v, e)) });
  const back = (v: number): number => timesPowerOfTwo(v, -e);
  const back2 = (v: number): number => timesPowerOfTwo(v, -2 * e);
  const backOrNull = (v: number | null): number | null => (v === null ? null : back(v));
  return {
    ...c,
    norm: back(c.norm),
    expectedMaskedNorm: back(c.expectedMaskedNorm),
    meanNorm: backOrNull(c.meanNorm),
    meanSquareNorm: c.meanSquareNorm === null ? null : back2(c.meanSquareNorm),
    rmsNorm: back(c.rmsNorm),
    sdNorm: back(c.sdNorm),
    sdNormBound: back(c.sdNormBound),
    meanVector: c.meanVector === null ? null : c.meanVector.map(back),
    bias: c.bias === null ? null : c.bias.map(back),
    downstreamMean: backOrNull(c.downstreamMean),
    downstreamVariance: c.downstreamVariance === null ? null : back2(c.downstreamVariance),
    undroppedDownstream: back(c.undroppedDownstream),
  };
}

function closedFormsScaled(input: ClosedFormInput): ClosedForms {
  const { x, model, compensation, downstream: w } = input;
  const n = x.length;
  if (n < 1 || x.some((v) => !Number.isFinite(v))) throw new RangeError('x needs at least one unit, all finite');
  if (w.length !== n) throw new RangeError(`downstream weights need length ${n}, got ${w.length}`);
  const draw = maskDraw(model, n, input.keep, input.kept);
  const kept = draw.kept ?? 0;
  if (draw.kept !== null && !(Number.isInteger(kept) && kept >= 1 && kept <= n)) {
    throw new RangeError(`kept must be a whole number from 1 to ${n}, got ${kept}`);
  }
  const { q } = draw;
  if (!(q > 0 && q <= 1)) throw new RangeError(`keep probability must be in (0, 1], got ${q}`);

  const { norm, shares } = normalisedSquares(x);
  let sumShares2 = 0;
  for (const share of shares) sumShares2 += share * share;
  const nEff = norm === 0 ? 0 : 1 / sumShares2;
  const nonZero = shares.length;
  const pAllDropped =
    keepsCount(model) ? fixedAllDropped(n, n - nonZero, kept) : nonZero === 0 ? 1 : (1 - q) ** nonZero;
  const maskedNorm = keepsCount(model) ? expectedMaskedNormFixed(x, kept) : expectedMaskedNorm(x, q);
  const constantScale = maskedNorm > 0 ? norm / maskedNorm : 1 / q;
  const maskedSd = maskedNormSd(x, shares, norm, q, model, kept, maskedNorm);
  let undroppedDownstream = 0;
  for (let i = 0; i < n; i++) undroppedDownstream += (w[i] as number) * (x[i] as number);
  const base = { norm, nEff, pAllDropped, expectedMaskedNorm: maskedNorm, constantScale, undroppedDownstream };

  const s = scalarScale(compensation, q, constantScale);
  if (s !== null) {
    let variance: number;
    if (!keepsCount(model)) {
      let sumB2 = 0;
      for (let i = 0; i < n; i++) sumB2 += ((w[i] as number) * (x[i] as number)) ** 2;
      variance = s * s * q * (1 - q) * sumB2;
    } else {
      // Hypergeometric: Cov(m_i, m_j) = −q(1−q)/(n−1) gives the finite-population correction n/(n−1).
      const meanB = undroppedDownstream / n;
      let spread = 0;
      for (let i = 0; i < n; i++) spread += ((w[i] as number) * (x[i] as number) - meanB) ** 2;
      variance = n === 1 ? 0 : ((s * s * q * (1 - q) * n) / (n - 1)) * spread;
    }
    const relativeBias = biasFactor(compensation, q, norm, maskedNorm);
    return {
      ...base,
      scale: s,
      meanNorm: s * maskedNorm,
      meanSquareNorm: s * s * q * norm * norm,
      rmsNorm: s * Math.sqrt(q) * norm,
      sdNorm: s * maskedSd.sd,
      sdNormBound: s * maskedSd.bound,
      meanVector: x.map((value) => value + relativeBias * value),
      bias: x.map((value) => relativeBias * value),
      downstreamMean: (1 + relativeBias) * undroppedDownstream,
      downstreamVariance: variance,
    };
  }

  // ‖y‖ = ‖x‖ with probability 1 − P0, else 0: sd = ‖x‖·√(P0(1 − P0)) exactly.
  const matched = {
    ...base,
    scale: null,
    meanNorm: norm * (1 - pAllDropped),
    meanSquareNorm: norm * norm * (1 - pAllDropped),
    rmsNorm: norm * Math.sqrt(1 - pAllDropped),
    sdNorm: norm * Math.sqrt(pAllDropped * (1 - pAllDropped)),
    sdNormBound: 0,
  };
  if (keepsCount(model)) return { ...matched, meanVector: null, bias: null, downstreamMean: null, downstreamVariance: null };
  if (q === 1 || norm === 0) {
    // q = 1: y = x on every draw; x = 0: y = 0 on every draw.
    return { ...matched, meanVector: [...x], bias: x.map(() => 0), downstreamMean: undroppedDownstream, downstreamVariance: 0 };
  }
  const products = new Float64Array(nonZero);
  const nonZeroIndex: number[] = [];
  for (let i = 0; i < n; i++) {
    if (x[i] === 0) continue;
    products[nonZeroIndex.length] = (w[i] as number) * (x[i] as number);
    nonZeroIndex.push(i);
  }
  const { meanFactors, downstreamSecondMoment } = normMatchedMoments(shares, products, q);
  const meanVector = new Array<number>(n).fill(0);
  nonZeroIndex.forEach((i, l) => (meanVector[i] = (x[i] as number) * (meanFactors[l] as number)));
  let downstreamMean = 0;
  for (let i = 0; i < n; i++) downstreamMean += (w[i] as number) * (meanVector[i] as number);
  return {
    ...matched,
    meanVector,
    bias: meanVector.map((v, i) => v - (x[i] as number)),
    downstreamMean,
    downstreamVariance: Math.max(0, downstreamSecondMoment - downstreamMean * downstreamMean),
  };
}
