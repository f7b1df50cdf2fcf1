/**
 * DropConnect (Wan et al. 2013): mask the weights of the next layer instead of the units,
 * u = s·(M⊙W)x with M_ji ~ Bernoulli(q) i.i.d., W a d×n matrix (docs/mathematics.md#dropconnect).
 * With c_ji = W_ji x_i and T_j = Σ_i M_ji c_ji: E T_j = q(Wx)_j, Var T_j = q(1−q)Σ_i c_ji², rows independent.
 */
import { scaleFromMean, scalarScale } from './compensations.ts';
import { createRandom } from './random.ts';
import type { Compensation } from './types.ts';

/** W, row-major: W_ji = values[j·units + i], j < rows (d outputs), i < units (n inputs). */
export interface DropConnectWeights {
  readonly rows: number;
  readonly values: readonly number[];
}

export interface DropConnectInput {
  readonly x: readonly number[];
  readonly weights: DropConnectWeights;
  /** q, the probability that a weight is kept. */
  readonly keep: number;
  readonly compensation: Compensation;
  /**
   * c* = ‖Wx‖/E‖(M⊙W)x‖ for 'constant'. E‖(M⊙W)x‖ has no O(d·n) formula (the masks of one row
   * interact inside a square), so the caller supplies it (for example from a sampled estimate);
   * without it the 'constant' moments are null.
   */
  readonly constantScale?: number;
}

export interface DropConnectClosedForms {
  /** Wx, the layer output at test time. */
  readonly testOutput: number[];
  /** ‖Wx‖. */
  readonly testNorm: number;
  /** E[u] = s·q·Wx (null for 'match', and for 'constant' without c*). */
  readonly meanVector: number[] | null;
  /** Var(u_j) = s²·q(1−q)·Σ_i W_ji² x_i² (outputs are uncorrelated). */
  readonly varianceVector: number[] | null;
  /** E‖u‖² = s²·(q²‖Wx‖² + q(1−q)·Σ_ji W_ji² x_i²). */
  readonly meanSquareNorm: number | null;
}

/** Number of inputs n implied by `weights` and x, checked. */
export function dropConnectUnits(weights: DropConnectWeights, x: readonly number[]): number {
  const n = x.length;
  if (!(Number.isInteger(weights.rows) && weights.rows >= 1) || weights.values.length !== weights.rows * n) {
    throw new RangeError(
      `weights must hold rows × ${n} values for ${n} inputs, got ${weights.values.length} values in ${weights.rows} rows`,
    );
  }
  return n;
}

/** A d×n matrix with W_ji i.i.d. N(0, 1/n) drawn from createRandom(seed), row by row. */
export function seededWeights(rows: number, units: number, seed: number): DropConnectWeights {
  const random = createRandom(seed);
  const scale = 1 / Math.sqrt(units);
  const values = Array.from({ length: rows * units }, () => random.normal() * scale);
  return { rows, values };
}

/** Test-time output and the exact mean, per-output variance and mean-square norm of u. */
export function dropConnectClosedForms(input: DropConnectInput): DropConnectClosedForms {
  const { x, weights, keep: q, compensation } = input;
  const n = dropConnectUnits(weights, x);
  if (!(q > 0 && q <= 1)) throw new RangeError(`keep probability must be in (0, 1], got ${q}`);
  const testOutput: number[] = [];
  const spread: number[] = []; // Σ_i c_ji²
  for (let j = 0; j < weights.rows; j++) {
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const c = (weights.values[j * n + i] as number) * (x[i] as number);
      sum += c;
      sumSquares += c * c;
    }
    testOutput.push(sum);
    spread.push(sumSquares);
  }
  const testNorm = Math.hypot(...testOutput);
  const none = { testOutput, testNorm, meanVector: null, varianceVector: null, meanSquareNorm: null };
  if (scaleFromMean(compensation) && input.constantScale === undefined) return none;
  const s = scalarScale(compensation, q, input.constantScale ?? Number.NaN);
  if (s === null) return none;
  const varianceVector = spread.map((v) => s * s * q * (1 - q) * v);
  let meanSquareNorm = 0;
  for (let j = 0; j < weights.rows; j++) {
    meanSquareNorm += (s * q * (testOutput[j] as number)) ** 2 + (varianceVector[j] as number);
  }
  return {
    testOutput,
    testNorm,
    meanVector: testOutput.map((v) => s * q * v),
    varianceVector,
    meanSquareNorm,
  };
}

/** Section 7's comparison under 1/q: DropConnect u = (M⊙W)x/q against unit dropout z = W(m⊙x)/q. */
export interface DropConnectMoments {
  /** (Wx)_j: the test-time output and the mean of u_j and of z_j. */
  readonly means: readonly number[];
  /** Var u_j = Var z_j = (1−q)/q Σ_i W_ji² x_i². */
  readonly variances: readonly number[];
  /** Cov(z_j, z_l) = (1−q)/q Σ_i W_ji W_li x_i² under unit dropout, d×d (diagonal = variances); DropConnect's is diagonal. */
  readonly unitCovariance: readonly (readonly number[])[];
  /** Corr(z_j, z_l) under unit dropout (NaN where a variance is 0). */
  readonly unitCorrelation: readonly (readonly number[])[];
  /** ‖Wx‖². */
  readonly testNormSquared: number;
  /** Σ_j Var u_j. */
  readonly totalVariance: number;
  /** E‖u‖² = E‖z‖² = ‖Wx‖² + Σ_j Var u_j. */
  readonly meanSquareNorm: number;
}

/**
 * The closed-form moments of DropConnect and of unit dropout followed by the same W, both with 1/q
 * (docs/mathematics.md#dropconnect): the same mean and variance per output; unit dropout's outputs
 * share their noise (one dropped x_i leaves every output), DropConnect's are independent.
 */
export function dropConnectMoments(x: readonly number[], weights: DropConnectWeights, keep: number): DropConnectMoments {
  const closed = dropConnectClosedForms({ x, weights, keep, compensation: 'inverted' });
  const n = x.length;
  const d = weights.rows;
  const variances = closed.varianceVector ?? [];
  const ratio = (1 - keep) / keep;
  const unitCovariance = Array.from({ length: d }, (_row, j) =>
    Array.from({ length: d }, (_column, l) => {
      if (l === j) return variances[j] ?? 0;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += (weights.values[j * n + i] as number) * (weights.values[l * n + i] as number) * (x[i] as number) ** 2;
      return ratio * sum;
    }),
  );
  const unitCorrelation = unitCovariance.map((row, j) =>
    row.map((c, l) => {
      const scale = Math.sqrt((variances[j] ?? 0) * (variances[l] ?? 0));
      return scale > 0 ? c / scale : Number.NaN;
    }),
  );
  const testNormSquared = closed.testOutput.reduce((s, v) => s + v * v, 0);
  const totalVariance = variances.reduce((s, v) => s + v, 0);
  return {
    means: closed.testOutput,
    variances,
    unitCovariance,
    unitCorrelation,
    testNormSquared,
    totalVariance,
    meanSquareNorm: testNormSquared + totalVariance,
  };
}
