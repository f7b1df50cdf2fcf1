/**
 * Mask sums for the exact methods (docs/architecture.md#exactness-mask-sums-in-one-summation-order).
 *
 * a_i = (x_i/L)², L = max|x_i| (scaled before squaring, so neither 1e-300 nor 1e300 under- or
 * overflows), and the sum of a mask is always formed in one order: the units are cut into halves
 * A = [0, ⌊n/2⌋) and B = [⌊n/2⌋, n); a half's sub-mask sum adds its kept units in increasing index
 * (T[m] = T[m without its highest unit] + a_highest, which is also the order in which the meet in the
 * middle builds its sorted halves by merging), and S = S_A + S_B. So every exact method (enumeration,
 * meet in the middle, the quantile passes) computes the same float64 S for the same mask, bit for bit,
 * and a comparison S ≥ θ sends it to the same side everywhere. There is no quantisation: every unit
 * keeps its own 53 bits whatever its magnitude, so masks without the largest unit are as accurate as
 * the others (relative error of S at most (n + 4)·u, u = 2⁻⁵³; of ‖m⊙x‖ = L·√S about half that).
 * All-equal magnitudes give a_i = 1 and integer sums, so a law with one atom has exactly one S.
 * With keepNonZero (per-sample matching, where only S > 0 matters) a non-zero x_i keeps a_i ≥ the
 * smallest subnormal, so S = 0 exactly when every non-zero unit is dropped.
 *
 * Sums are doubles, so "the next sum above s" is the next double (nextSum), not s + 1.
 */

export interface GridUnits {
  /** a_i = (x_i/L)² (0 ≤ a_i ≤ 1). */
  readonly squares: Float64Array;
  /** S of the all-kept mask, in the summation order above (= ‖x‖²/L² to (n + 4)·u). */
  readonly total: number;
  /** L = max|x_i| (0 for x = 0). */
  readonly largest: number;
  /** Units in half A: ⌊n/2⌋. */
  readonly splitAt: number;
}

/** ‖m⊙x‖ of a mask with sum S: L·√S. */
export function gridNorm(grid: GridUnits, sum: number): number {
  return grid.largest * Math.sqrt(sum);
}

/** Sub-mask sums of squares[from … to), index m = Σ 2^(i−from) over kept i, in the order above. */
export function halfSums(squares: Float64Array, from: number, to: number): Float64Array {
  const size = 2 ** (to - from);
  const sums = new Float64Array(size);
  for (let i = from; i < to; i++) {
    const bit = 2 ** (i - from);
    const w = squares[i]!;
    for (let m = 0; m < bit; m++) sums[bit + m] = sums[m]! + w;
  }
  return sums;
}

/** S of the sub-mask of squares[from … to) that keeps unit i when keeps(i), adding in increasing index. */
function partSum(squares: Float64Array, from: number, to: number, keeps: (unit: number) => boolean): number {
  let sum = 0;
  for (let i = from; i < to; i++) if (keeps(i)) sum += squares[i]!;
  return sum;
}

/** The definition of S for one mask (keeps(i): unit i kept), unit by unit; the kernels' tables agree with it. */
export function maskSum(grid: GridUnits, keeps: (unit: number) => boolean): number {
  const n = grid.squares.length;
  return partSum(grid.squares, 0, grid.splitAt, keeps) + partSum(grid.squares, grid.splitAt, n, keeps);
}

/** The squares of x (finite entries, n ≥ 1); keepNonZero keeps non-zero entries above 0. */
export function toGridUnits(x: readonly number[], keepNonZero = false): GridUnits {
  const n = x.length;
  let largest = 0;
  for (const value of x) largest = Math.max(largest, Math.abs(value));
  const squares = new Float64Array(n);
  const splitAt = Math.floor(n / 2);
  if (!(largest > 0)) return { squares, total: 0, largest: 0, splitAt };
  for (let i = 0; i < n; i++) {
    const value = x[i] as number;
    if (value === 0) continue;
    const share = (value / largest) ** 2;
    squares[i] = keepNonZero ? Math.max(Number.MIN_VALUE, share) : share;
  }
  const all = (): boolean => true;
  const total = partSum(squares, 0, splitAt, all) + partSum(squares, splitAt, n, all);
  return { squares, total, largest, splitAt };
}

const float = new Float64Array(1);
const bits = new BigUint64Array(float.buffer);

/** The ordinal of a non-negative double (its bit pattern): order-preserving. */
function ordinal(value: number): bigint {
  float[0] = value;
  return bits[0]!;
}

function fromOrdinal(o: bigint): number {
  bits[0] = o;
  return float[0]!;
}

/** The smallest double above s ≥ 0 (the sum after s; for s = total it means "none"). */
export function nextSum(s: number): number {
  return s === Number.POSITIVE_INFINITY ? s : fromOrdinal(ordinal(s) + 1n);
}

/** The largest double below s > 0 (0 for s = 0). */
export function previousSum(s: number): number {
  return s <= 0 ? 0 : fromOrdinal(ordinal(s) - 1n);
}

/** The double halfway between low and high (0 ≤ low < high) counted in doubles: low < mid ≤ high. */
export function middleSum(low: number, high: number): number {
  const a = ordinal(low);
  const b = ordinal(high);
  return fromOrdinal(a + (b - a + 1n) / 2n);
}

/** `count` + 1 doubles from low to high (0 ≤ low < high) equally spaced in doubles, strictly increasing. */
export function spacedSums(low: number, high: number, count: number): number[] {
  const a = ordinal(low);
  const span = ordinal(high) - a;
  const levels: number[] = [];
  const parts = BigInt(count);
  for (let j = 0n; j <= parts; j++) {
    const level = fromOrdinal(a + (span * j) / parts);
    if (levels.length === 0 || level > levels[levels.length - 1]!) levels.push(level);
  }
  return levels;
}

/**
 * Stable counting sort of sub-mask sums by kept count (the split's halves, the enumeration's A):
 * group g = kept count g occupies [starts[g], starts[g+1]).
 */
export function groupByKept(sums: Float64Array, kept: Uint8Array, units: number): { sums: Float64Array; starts: Int32Array } {
  const starts = new Int32Array(units + 2);
  for (const k of kept) starts[k + 1] = starts[k + 1]! + 1;
  for (let g = 1; g <= units + 1; g++) starts[g] = starts[g]! + starts[g - 1]!;
  const next = starts.slice(0, units + 1);
  const grouped = new Float64Array(sums.length);
  for (let i = 0; i < sums.length; i++) {
    const k = kept[i]!;
    grouped[next[k]!] = sums[i]!;
    next[k] = next[k]! + 1;
  }
  return { sums: grouped, starts };
}
