/**
 * The largest ‖m⊙x‖ over the masks that have positive probability, and the default histogram scale:
 * - Bernoulli: every unit kept, ‖x‖;
 * - fixed count k: the k largest |x_i| kept (the all-kept mask has probability 0 when k < n);
 * - DropConnect: each row at its larger signed part, √Σ_j max(Σ_i c_ji⁺, Σ_i c_ji⁻)², c_ji = W_ji x_i.
 * Squares are formed on x/max|x| so that nothing underflows or overflows before the final scaling.
 */
import type { DropConnectWeights } from './dropConnect.ts';

/** max‖m⊙x‖ with exactly `kept` kept (null: Bernoulli, every unit kept). */
export function largestMaskedNorm(x: readonly number[], kept: number | null): number {
  let largest = 0;
  for (const v of x) largest = Math.max(largest, Math.abs(v));
  if (!(largest > 0) || !Number.isFinite(largest)) return largest;
  const shares = x.map((v) => (v / largest) ** 2);
  if (kept !== null && kept < x.length) shares.sort((a, b) => b - a).splice(kept);
  let sum = 0;
  for (const share of shares) sum += share;
  return largest * Math.sqrt(sum);
}

/** Σ_i (W_ji x_i)^± of row j: the positive and negative parts of the row's products. */
export function rowParts(x: readonly number[], weights: DropConnectWeights, j: number): { positive: number; negative: number } {
  const n = x.length;
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < n; i++) {
    const c = (weights.values[j * n + i] ?? 0) * (x[i] ?? 0);
    if (c > 0) positive += c;
    else negative -= c;
  }
  return { positive, negative };
}

/** max over weight masks of ‖(M⊙W)x‖ (rows are independent). */
export function dropConnectLargestNorm(x: readonly number[], weights: DropConnectWeights): number {
  let squares = 0;
  for (let j = 0; j < weights.rows; j++) {
    const { positive, negative } = rowParts(x, weights, j);
    squares += Math.max(positive, negative) ** 2;
  }
  return Math.sqrt(squares);
}

/**
 * A lower bound on E‖(M⊙W)x‖ (unscaled): ‖(E|u_j|)_j‖ ≤ E‖u‖ (the norm is convex), with each E|u_j|
 * by enumerating the 2ⁿ masks of row j when n ≤ 20, else ‖E u‖ = q‖Wx‖ (Jensen).
 */
export function dropConnectMeanNormBound(x: readonly number[], weights: DropConnectWeights, keep: number): number {
  const n = x.length;
  let squares = 0;
  for (let j = 0; j < weights.rows; j++) {
    let row = 0;
    for (let i = 0; i < n; i++) row += (weights.values[j * n + i] ?? 0) * (x[i] ?? 0);
    if (n > 20) {
      squares += (keep * row) ** 2;
      continue;
    }
    // Subset sums of the row in a table (each from the entry without its lowest unit), weighed.
    const size = 2 ** n;
    const sums = new Float64Array(size);
    const kept = new Uint8Array(size);
    let mean = keep === 1 ? Math.abs(row) : 0;
    if (keep < 1) {
      const ratio = keep / (1 - keep);
      const none = (1 - keep) ** n;
      for (let m = 1; m < size; m++) {
        const lowest = 31 - Math.clz32(m & -m);
        sums[m] = sums[m & (m - 1)]! + (weights.values[j * n + lowest] ?? 0) * (x[lowest] ?? 0);
        kept[m] = kept[m & (m - 1)]! + 1;
        mean += none * ratio ** kept[m]! * Math.abs(sums[m]!);
      }
    }
    squares += mean * mean;
  }
  return Math.sqrt(squares);
}

/** Weight bits enumerated jointly for the default range of 'constant' (2¹⁶ masks, about a millisecond). */
export const DROPCONNECT_EXACT_MEAN_BITS = 16;

/**
 * E over the joint masks of rows [0, rows) of √(Y_A + rest²), Y_A = Σ_{j<rows} u_j²: with rest = 0 and
 * every row, E‖(M⊙W)x‖ exactly.
 */
function meanOverRows(x: readonly number[], weights: DropConnectWeights, keep: number, rows: number, rest: number): number {
  const n = x.length;
  const size = 2 ** n;
  // Row j's sub-mask sums u_j(m), each from the entry without its lowest unit.
  const sums = new Float64Array(rows * size);
  const kept = new Uint8Array(size);
  for (let m = 1; m < size; m++) kept[m] = kept[m & (m - 1)]! + 1;
  for (let j = 0; j < rows; j++) {
    for (let m = 1; m < size; m++) {
      const lowest = 31 - Math.clz32(m & -m);
      sums[j * size + m] = sums[j * size + (m & (m - 1))]! + (weights.values[j * n + lowest] ?? 0) * (x[lowest] ?? 0);
    }
  }
  const masks = 2 ** (rows * n);
  const restSquare = rest * rest;
  let mean = 0;
  for (let r = 0; r < masks; r++) {
    let squares = restSquare;
    let count = 0;
    for (let j = 0; j < rows; j++) {
      const m = Math.floor(r / 2 ** (j * n)) % size;
      const u = sums[j * size + m]!;
      squares += u * u;
      count += kept[m]!;
    }
    if (squares > 0) mean += keep ** count * (1 - keep) ** (rows * n - count) * Math.sqrt(squares);
  }
  return mean;
}

/**
 * E Y and E Y² for Y = ‖(M⊙W)x‖² (rows independent; each u_j = Σ_i B_ji c_ji a sum of independent
 * scaled Bernoulli(q), whose moments follow from the cumulants κ_r = Σ_i c_ji^r κ_r(B)).
 */
function dropConnectSquareMoments(x: readonly number[], weights: DropConnectWeights, keep: number): { mean: number; meanSquare: number } {
  const n = x.length;
  const q = keep;
  const p = 1 - q;
  const second: number[] = [];
  let mean = 0;
  let fourth = 0;
  for (let j = 0; j < weights.rows; j++) {
    let k1 = 0;
    let k2 = 0;
    let k3 = 0;
    let k4 = 0;
    for (let i = 0; i < n; i++) {
      const c = (weights.values[j * n + i] ?? 0) * (x[i] ?? 0);
      const c2 = c * c;
      k1 += q * c;
      k2 += q * p * c2;
      k3 += q * p * (p - q) * c2 * c;
      k4 += q * p * (1 - 6 * q * p) * c2 * c2;
    }
    const m2 = k2 + k1 * k1;
    second.push(m2);
    mean += m2;
    fourth += k4 + 4 * k3 * k1 + 3 * k2 * k2 + 6 * k2 * k1 * k1 + k1 ** 4;
  }
  // E Y² = Σ_j E u_j⁴ + Σ_{j≠l} E u_j² E u_l² = Σ_j (E u_j⁴ − (E u_j²)²) + (E Y)².
  let squaresOfSecond = 0;
  for (const m2 of second) squaresOfSecond += m2 * m2;
  return { mean, meanSquare: fourth - squaresOfSecond + mean * mean };
}

/** The best of the row bound and Hölder's E√Y ≥ (E Y)^{3/2}/(E Y²)^{1/2} on E‖(M⊙W)x‖. */
function meanNormBound(x: readonly number[], weights: DropConnectWeights, keep: number, scale: number): number {
  if (weights.rows === 0) return 0;
  const rows = dropConnectMeanNormBound(x, weights, keep);
  // Moments of the products scaled to at most 1 (so fourth powers neither under- nor overflow).
  const unit = x.map((v) => v / scale);
  const { mean, meanSquare } = dropConnectSquareMoments(unit, weights, keep);
  const holder = meanSquare > 0 ? (scale * mean ** 1.5) / Math.sqrt(meanSquare) : 0;
  return Math.max(rows, holder);
}

/**
 * A lower bound on E‖(M⊙W)x‖, exact when d·n ≤ DROPCONNECT_EXACT_MEAN_BITS (docs/mathematics.md#dropconnect).
 * The first ⌊16/n⌋ rows (A) are enumerated jointly; for the rest (B), f(t) = √(Y_A + t²) is convex and
 * increasing, so E_B f(‖u_B‖) ≥ f(E‖u_B‖) ≥ f(L_B), L_B the best of the row bound
 * (dropConnectMeanNormBound, exact for one row) and Hölder's E√Y ≥ (E Y)^{3/2}/(E Y²)^{1/2} (from
 * E Y = E[Y^{1/3}·Y^{2/3}] ≤ (E√Y)^{2/3}(E Y²)^{1/3}, tight when ‖u_B‖ is concentrated). Used for the
 * default range of 'constant': c* = ‖Wx‖/E‖(M⊙W)x‖ ≤ ‖Wx‖/(this).
 */
export function dropConnectMeanNormLower(x: readonly number[], weights: DropConnectWeights, keep: number): number {
  const n = x.length;
  const scale = Math.max(0, ...x.map(Math.abs)) * Math.max(0, ...Array.from(weights.values, Math.abs));
  if (!(scale > 0) || !Number.isFinite(scale)) return 0;
  const rowsA = Math.min(weights.rows, Math.floor(DROPCONNECT_EXACT_MEAN_BITS / n));
  const restRows = weights.rows - rowsA;
  const rest: DropConnectWeights = { ...weights, rows: restRows, values: weights.values.slice(rowsA * n) };
  const lowerB = meanNormBound(x, rest, keep, scale);
  return rowsA === 0 ? lowerB : meanOverRows(x, weights, keep, rowsA, lowerB);
}
