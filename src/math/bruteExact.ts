/**
 * The law of ‖m⊙x‖ over every mask in exact arithmetic, for tests only: every double is a dyadic
 * rational m·2^e, so x_i², every mask's ‖m⊙x‖² and every comparison with an edge or with ‖x‖ are
 * exact BigInt computations (no rounding, no grid, no summation order). Medians are exact atoms;
 * E and sd of ‖m⊙x‖ use square roots to 2⁻¹²⁰ relative, so they are correct to the last double.
 */

/** value = m·2^e exactly. */
interface Dyadic {
  readonly m: bigint;
  readonly e: number;
}

const view = new DataView(new ArrayBuffer(8));

/** The finite double v as m·2^e (m a signed integer). */
function dyadic(v: number): Dyadic {
  if (v === 0) return { m: 0n, e: 0 };
  view.setFloat64(0, Math.abs(v));
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const m = exponent === 0 ? fraction : fraction | (1n << 52n);
  const e = exponent === 0 ? -1074 : exponent - 1075;
  return { m: v < 0 ? -m : m, e };
}

/** a·2^(a.e − e) as an integer (e ≤ a.e). */
function align(a: Dyadic, e: number): bigint {
  return a.m << BigInt(a.e - e);
}

/** Sign of a − b. */
function compare(a: Dyadic, b: Dyadic): number {
  const e = Math.min(a.e, b.e);
  const d = align(a, e) - align(b, e);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

function multiply(a: Dyadic, b: Dyadic): Dyadic {
  return { m: a.m * b.m, e: a.e + b.e };
}

/** ⌊√v⌋ for v ≥ 0. */
function isqrt(v: bigint): bigint {
  if (v < 2n) return v;
  // Newton from above (2^⌈bits/2⌉ ≥ √v); then fix the last unit.
  let x = 1n << BigInt(Math.ceil(v.toString(2).length / 2));
  for (;;) {
    const y = (x + v / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > v) x--;
  while ((x + 1n) * (x + 1n) <= v) x++;
  return x;
}

/** The double nearest m·2^e (m ≥ 0), scaling in steps so that neither factor leaves the range. */
function toNumber(m: bigint, e: number): number {
  if (m === 0n) return 0;
  const bits = m.toString(2).length;
  // Keep 64 leading bits (the rest only affects rounding below 2⁻⁶⁰ relative).
  const drop = Math.max(0, bits - 64);
  let value = Number(m >> BigInt(drop));
  let exponent = e + drop;
  while (exponent > 0) {
    const step = Math.min(exponent, 1000);
    value *= 2 ** step;
    exponent -= step;
  }
  while (exponent < 0) {
    const step = Math.max(exponent, -1000);
    value *= 2 ** step;
    exponent -= step;
  }
  return value;
}

export interface ExactMask {
  /** ‖m⊙x‖² = sum·2^exponent exactly. */
  readonly sum: bigint;
  readonly kept: number;
  /** q^k (1−q)^(n−k) as a double, or 1 for each k-subset of the fixed model. */
  readonly mass: number;
}

export interface ExactLawInput {
  readonly x: readonly number[];
  readonly keep: number;
  /** null: Bernoulli(keep); else exactly this many kept (every k-subset has mass 1). */
  readonly kept: number | null;
}

export interface BruteExact {
  /** Masks of positive mass sorted by ‖m⊙x‖ (ties together). */
  readonly masks: readonly ExactMask[];
  readonly exponent: number;
  readonly totalMass: number;
  /** ‖x‖² = total·2^exponent. */
  readonly total: bigint;
}

/** x_i² = units_i·2^exponent exactly. */
function exactSquares(x: readonly number[]): { units: bigint[]; exponent: number } {
  const squares = x.map((v) => multiply(dyadic(v), dyadic(v)));
  const exponent = Math.min(0, ...squares.filter((s) => s.m !== 0n).map((s) => s.e));
  return { units: squares.map((s) => (s.m === 0n ? 0n : align(s, exponent))), exponent };
}

/** ‖x‖ to the nearest double (up to 2⁻⁶⁰ relative), from the exact sum of squares. */
export function exactVectorNorm(x: readonly number[]): number {
  const { units, exponent } = exactSquares(x);
  const total = units.reduce((a, b) => a + b, 0n);
  return exactNorm({ masks: [], exponent, totalMass: 0, total }, total);
}

/** Every mask of positive mass with its exact ‖m⊙x‖². */
export function bruteExact({ x, keep, kept }: ExactLawInput): BruteExact {
  const n = x.length;
  const { units, exponent } = exactSquares(x);
  const masks: ExactMask[] = [];
  for (let r = 0; r < 2 ** n; r++) {
    let sum = 0n;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (Math.floor(r / 2 ** i) % 2 === 1) {
        sum += units[i]!;
        count++;
      }
    }
    const mass = kept === null ? keep ** count * (1 - keep) ** (n - count) : count === kept ? 1 : 0;
    if (mass > 0) masks.push({ sum, kept: count, mass });
  }
  masks.sort((a, b) => (a.sum < b.sum ? -1 : a.sum > b.sum ? 1 : 0));
  const total = units.reduce((a, b) => a + b, 0n);
  return { masks, exponent, totalMass: masks.reduce((s, m) => s + m.mass, 0), total };
}

/** ‖m⊙x‖ of a mask, to the nearest double (up to 2⁻⁶⁰ relative). */
export function exactNorm(law: BruteExact, sum: bigint): number {
  // √(sum·2^E): make E even, then √sum to 64 extra bits.
  const odd = law.exponent % 2 !== 0 ? 1 : 0;
  const scaled = (sum << BigInt(odd)) << 128n;
  return toNumber(isqrt(scaled), (law.exponent - odd) / 2 - 64);
}

/** The lower (strict: upper) median of ‖m⊙x‖: the smallest atom with mass(≤) ≥ ½ (> ½). */
export function exactMedian(law: BruteExact, strict: boolean): number {
  const half = law.totalMass / 2;
  let mass = 0;
  const masks = law.masks;
  for (let i = 0; i < masks.length; i++) {
    mass += masks[i]!.mass;
    const last = i === masks.length - 1 || masks[i + 1]!.sum !== masks[i]!.sum;
    if (last && (strict ? mass > half : mass >= half)) return exactNorm(law, masks[i]!.sum);
  }
  return exactNorm(law, masks[masks.length - 1]!.sum);
}

/** Sign of s·‖m⊙x‖ − v for a mask (s, v doubles, s ≥ 0): exact, by comparing squares. */
export function compareScaled(law: BruteExact, sum: bigint, s: number, v: number): number {
  if (v < 0) return 1;
  const left = multiply(multiply(dyadic(s), dyadic(s)), { m: sum, e: law.exponent });
  const right = multiply(dyadic(v), dyadic(v));
  return compare(left, right);
}

/**
 * P(s·‖m⊙x‖ > ‖x‖) and P(s·‖m⊙x‖ = ‖x‖) by the engine's stated rule that values within `tolerance`
 * relative of ‖x‖ count as equal: above ‖x‖·(1 + tolerance), at within [1 − tolerance, 1 + tolerance]
 * (the factors as doubles), exactly compared.
 */
export function exactAboveNorm(law: BruteExact, s: number, tolerance: number): { above: number; at: number } {
  let above = 0;
  let at = 0;
  const s2 = multiply(dyadic(s), dyadic(s));
  const bound = (factor: number): Dyadic => multiply(multiply(dyadic(factor), dyadic(factor)), { m: law.total, e: 0 });
  const upper = bound(1 + tolerance);
  const lower = bound(1 - tolerance);
  for (const mask of law.masks) {
    const value = multiply(s2, { m: mask.sum, e: 0 });
    if (compare(value, upper) > 0) above += mask.mass;
    else if (compare(value, lower) >= 0) at += mask.mass;
  }
  return { above: above / law.totalMass, at: at / law.totalMass };
}

/**
 * Bin masses of s·‖m⊙x‖ on edges (bin [e_j, e_{j+1}), the last closed), exactly compared, with the
 * engine's stated rule that a value within slack of an edge counts as on it: a mask is in bin j ≥ 1
 * when its norm is ≥ e_j − slack, and in the histogram when it is ≥ e_0 − slack and ≤ e_B + slack.
 */
export function exactHistogram(law: BruteExact, s: number, edges: readonly number[], slack: number): number[] {
  const bins = edges.length - 1;
  const out = new Array<number>(bins).fill(0);
  for (const mask of law.masks) {
    if (compareScaled(law, mask.sum, s, edges[0]! - slack) < 0 || compareScaled(law, mask.sum, s, edges[bins]! + slack) > 0) continue;
    let j = 0;
    while (j < bins - 1 && compareScaled(law, mask.sum, s, edges[j + 1]! - slack) >= 0) j++;
    out[j] = out[j]! + mask.mass;
  }
  return out.map((m) => m / law.totalMass);
}

/** sd of ‖m⊙x‖ from the central moment, roots to 2⁻¹²⁰ relative (exactly 0 for one atom). */
export function exactSd(law: BruteExact): number {
  const odd = law.exponent % 2 !== 0 ? 1 : 0;
  const fractionBits = 120n;
  const roots = law.masks.map((m) => isqrt((m.sum << BigInt(odd)) << (2n * fractionBits)));
  const masses = law.masks.map((m) => dyadic(m.mass));
  const e = Math.min(...masses.map((d) => d.e));
  const weights = masses.map((d) => align(d, e));
  const totalWeight = weights.reduce((a, b) => a + b, 0n);
  const weighted = roots.reduce((s, r, i) => s + r * weights[i]!, 0n);
  // Central moment with the mean as a rational weighted/totalWeight: Σ w (r·W − Σ)² / W³.
  let central = 0n;
  roots.forEach((r, i) => {
    const d = r * totalWeight - weighted;
    central += weights[i]! * d * d;
  });
  const variance = central / (totalWeight * totalWeight * totalWeight);
  // √variance in root units 2^−fractionBits, times 2^((E − odd)/2).
  return toNumber(isqrt(variance << 128n), (law.exponent - odd) / 2 - Number(fractionBits) - 64);
}
