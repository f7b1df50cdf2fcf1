/**
 * Integer grid units for exact subset sums (docs/architecture.md#exactness-integer-grid-units).
 *
 * a_i = x_i² is quantised to an integer W_i = round(2^p · x_i²/L²), L = max|x_i|, with
 * p = 52 − ⌈log₂ n⌉, so Σ W_i ≤ 2⁵² and every subset sum S = Σ m_i W_i is an exact float64 integer in
 * any order of summation (Gray code, meet in the middle, brute force all agree bit for bit), and
 * S + 1 is still exact. With keepNonZero (for per-sample matching, where only S > 0 matters), a
 * non-zero x_i keeps W_i ≥ 1, so S = 0 exactly when every non-zero unit is dropped. Then ‖m⊙x‖ = L·√(S/2^p) (gridNorm), exact for the quantised vector; each x_i² is within
 * half a unit, 2^(−p−1)·L², of the truth (so a mask that keeps only entries far smaller than L has
 * a large relative error; everything else is within about n·2^(−p) relative).
 */

export interface GridUnits {
  /** W_i = x_i² in grid units (non-negative integers). */
  readonly squares: Float64Array;
  /** Σ W_i = ‖x‖² in grid units (≤ 2⁵²). */
  readonly total: number;
  /** L = max|x_i| (0 for x = 0). */
  readonly largest: number;
  /** 2^p, the grid units per L². */
  readonly resolution: number;
}

/** ‖m⊙x‖ of a mask with grid sum S: L·√(S/2^p) (formed so that subnormal L does not underflow). */
export function gridNorm(grid: GridUnits, sum: number): number {
  return grid.largest * Math.sqrt(sum / grid.resolution);
}

/** The grid of x (finite entries, n ≥ 1); keepNonZero raises non-zero entries to at least one unit. */
export function toGridUnits(x: readonly number[], keepNonZero = false): GridUnits {
  const n = x.length;
  let largest = 0;
  for (const value of x) largest = Math.max(largest, Math.abs(value));
  const squares = new Float64Array(n);
  if (!(largest > 0)) return { squares, total: 0, largest: 0, resolution: 1 };
  const exponent = 52 - Math.ceil(Math.log2(n));
  const resolution = 2 ** exponent;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const value = x[i] as number;
    if (value === 0) continue;
    const share = (value / largest) ** 2;
    const units = keepNonZero ? Math.max(1, Math.round(share * resolution)) : Math.round(share * resolution);
    squares[i] = units;
    total += units;
  }
  return { squares, total, largest, resolution };
}
