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
