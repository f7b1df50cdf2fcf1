/**
 * The train/test mismatch of a trained network, measured on data (docs/mathematics.md#train-test-mismatch-and-variance-shift):
 * for the first hidden layer's activations h (one vector per data point) and the next layer's
 * weights W, the norm of the dropped vector y against the test-time one, and the next layer's
 * pre-activations z_j = w_j·y with dropout (sampled masks) against z_j = t·w_j·h without. Sampled
 * numbers carry a standard error from `draws` independent mask draws (batch means); the closed
 * forms (for the schemes with one scale s) come from the same h and W without sampling.
 */
import type { Random } from '../math/index.ts';
import { masks, scalarScale, testFactor, trainingOutput } from './schemeScales.ts';
import type { TrainingScheme } from './settings.ts';

/** A value measured from sampled masks, with its standard error over the independent draws. */
export interface Sampled {
  readonly value: number;
  readonly standardError: number;
}

export interface Mismatch {
  /** E‖y‖ in training over E‖t·h‖ at test, averaged over the data points (sampled). */
  readonly normRatio: Sampled;
  /** Σ E[z]·z_test / Σ z_test² over points and units: what a next-layer unit sees on average, relative to its test input (sampled). */
  readonly meanSlope: Sampled;
  /** The same in closed form, s·q/t (null: the scale is per sample, no closed form). */
  readonly meanSlopeClosed: number | null;
  /** Mean over points and units of Var_m[z | h] over its closed form s²q(1−q)Σ_i w_i²h_i² (1 for the scalar schemes; null without one). */
  readonly conditionalVarianceRatio: Sampled | null;
  /** Variance shift Δ = Σ_j Var_test(z_j) / Σ_j Var_train(z_j) over the data (sampled). */
  readonly varianceShift: Sampled;
  /** Δ in closed form from h and W (null: no closed form for this scheme). */
  readonly varianceShiftClosed: number | null;
  readonly points: number;
  readonly draws: number;
}

export interface MismatchInput {
  readonly scheme: TrainingScheme;
  readonly keep: number;
  /** Row-major points × units activations h ≥ 0. */
  readonly hidden: Float32Array | Float64Array;
  readonly points: number;
  readonly units: number;
  /** Row-major units × outputs weights of the next layer (z = yᵀW, as in the network). */
  readonly weights: Float32Array | Float64Array;
  readonly outputs: number;
  /** Independent mask draws per point (at least 2, for the standard error). */
  readonly draws: number;
  readonly random: Random;
}

function meanAndError(values: readonly number[]): Sampled {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n - 1);
  return { value: mean, standardError: Math.sqrt(variance / n) };
}

/**
 * Closed-form Var_train and Var_test of z_j summed over j for y = s·(m⊙h), test t·h:
 * Var_train(z_j) = s²q²·Var_data(w_j·h) + s²q(1−q)·E_data[Σ_i w_ji² h_i²], Var_test(z_j) = t²·Var_data(w_j·h).
 */
export function closedVarianceShift(input: Omit<MismatchInput, 'draws' | 'random'>): number | null {
  const { scheme, keep, hidden, points, units, weights, outputs } = input;
  const s = scalarScale(scheme, keep);
  if (s === null) return null;
  const t = testFactor(scheme, keep);
  const q = masks(scheme) ? keep : 1;
  let train = 0;
  let test = 0;
  for (let j = 0; j < outputs; j++) {
    let sum = 0;
    let sumSq = 0;
    let noise = 0;
    for (let p = 0; p < points; p++) {
      let z = 0;
      let w2h2 = 0;
      for (let i = 0; i < units; i++) {
        const h = hidden[p * units + i] as number;
        const w = weights[i * outputs + j] as number;
        z += w * h;
        w2h2 += w * w * h * h;
      }
      sum += z;
      sumSq += z * z;
      noise += w2h2;
    }
    const dataVariance = sumSq / points - (sum / points) ** 2;
    train += s * s * q * q * dataVariance + (s * s * q * (1 - q) * noise) / points;
    test += t * t * dataVariance;
  }
  return train > 0 ? test / train : null;
}

/** The mismatch of one trained network's first dropout layer, measured on `points` inputs. */
export function measureMismatch(input: MismatchInput): Mismatch {
  const { scheme, keep, hidden, points, units, weights, outputs, draws, random } = input;
  const s = scalarScale(scheme, keep);
  const t = testFactor(scheme, keep);
  const threshold = keep * 4294967296;
  const y = new Float64Array(units);
  const m = new Float64Array(units);
  const zTest = new Float64Array(points * outputs);
  let testNorm = 0;
  let zTestSquares = 0;
  for (let p = 0; p < points; p++) {
    let sq = 0;
    for (let i = 0; i < units; i++) sq += (t * (hidden[p * units + i] as number)) ** 2;
    testNorm += Math.sqrt(sq) / points;
    for (let j = 0; j < outputs; j++) {
      let z = 0;
      for (let i = 0; i < units; i++) z += (weights[i * outputs + j] as number) * (hidden[p * units + i] as number);
      zTest[p * outputs + j] = t * z;
      zTestSquares += (t * z) ** 2;
    }
  }
  let testVariance = 0;
  for (let j = 0; j < outputs; j++) {
    let sum = 0;
    let sumSq = 0;
    for (let p = 0; p < points; p++) {
      const z = zTest[p * outputs + j] as number;
      sum += z;
      sumSq += z * z;
    }
    testVariance += sumSq / points - (sum / points) ** 2;
  }
  // Per draw (one mask per point): the norm ratio, the slope's numerator, the training variance,
  // and the conditional-variance terms (accumulated across draws for Var_m[z | h]).
  const norms: number[] = [];
  const slopes: number[] = [];
  const shifts: number[] = [];
  const zSum = new Float64Array(points * outputs);
  const zSumSq = new Float64Array(points * outputs);
  const zDraw = new Float64Array(points * outputs);
  for (let d = 0; d < draws; d++) {
    let norm = 0;
    let cross = 0;
    for (let p = 0; p < points; p++) {
      const h = hidden.subarray(p * units, (p + 1) * units);
      for (let i = 0; i < units; i++) m[i] = random.nextUint32() < threshold ? 1 : 0;
      trainingOutput(scheme, h, m, keep, y);
      let sq = 0;
      for (let i = 0; i < units; i++) sq += (y[i] as number) ** 2;
      norm += Math.sqrt(sq) / points;
      for (let j = 0; j < outputs; j++) {
        let z = 0;
        for (let i = 0; i < units; i++) z += (weights[i * outputs + j] as number) * (y[i] as number);
        const k = p * outputs + j;
        zDraw[k] = z;
        zSum[k] = (zSum[k] as number) + z;
        zSumSq[k] = (zSumSq[k] as number) + z * z;
        cross += z * (zTest[k] as number);
      }
    }
    let trainVariance = 0;
    for (let j = 0; j < outputs; j++) {
      let sum = 0;
      let sumSq = 0;
      for (let p = 0; p < points; p++) {
        const z = zDraw[p * outputs + j] as number;
        sum += z;
        sumSq += z * z;
      }
      trainVariance += sumSq / points - (sum / points) ** 2;
    }
    norms.push(testNorm > 0 ? norm / testNorm : Number.NaN);
    slopes.push(zTestSquares > 0 ? cross / zTestSquares : Number.NaN);
    shifts.push(trainVariance > 0 ? testVariance / trainVariance : Number.NaN);
  }
  let conditionalVarianceRatio: Sampled | null = null;
  if (s !== null && masks(scheme) && keep < 1) {
    // Var_m[z | h] from the draws against s²q(1−q)Σ_i w_i²h_i², pooled over points and units; its
    // standard error from the spread of the per-point ratios (independent across points).
    const ratios: number[] = [];
    for (let p = 0; p < points; p++) {
      let pointSum = 0;
      let counted = 0;
      for (let j = 0; j < outputs; j++) {
        let closed = 0;
        for (let i = 0; i < units; i++) closed += ((weights[i * outputs + j] as number) * (hidden[p * units + i] as number)) ** 2;
        closed *= s * s * keep * (1 - keep);
        if (closed <= 0) continue;
        const k = p * outputs + j;
        const mean = (zSum[k] as number) / draws;
        const variance = ((zSumSq[k] as number) - draws * mean * mean) / (draws - 1);
        pointSum += variance / closed;
        counted++;
      }
      // One ratio per point (its units share the masks), so the points are the independent samples.
      if (counted > 0) ratios.push(pointSum / counted);
    }
    if (ratios.length > 1) conditionalVarianceRatio = meanAndError(ratios);
  }
  return {
    normRatio: meanAndError(norms),
    meanSlope: meanAndError(slopes),
    meanSlopeClosed: s === null ? null : (s * (masks(scheme) ? keep : 1)) / t,
    conditionalVarianceRatio,
    varianceShift: meanAndError(shifts),
    varianceShiftClosed: closedVarianceShift(input),
    points,
    draws,
  };
}
