/**
 * A seeded random source that gives the same numbers on every machine and in every JavaScript engine.
 *
 * Words come from sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state), whose
 * four state words are filled from the uint32 seed by splitmix32; only 32-bit integer arithmetic
 * (`Math.imul`, shifts, `| 0`) is used, so the word stream is bit-identical everywhere. Normals use
 * Marsaglia's polar method with a natural logarithm written here from + − × ÷ (all correctly
 * rounded in IEEE 754), because `Math.log` is implementation-approximated by the ECMAScript spec and
 * may differ in the last bit between engines; `Math.sqrt` is correctly rounded everywhere.
 */

export interface Random {
  /** Next word of the stream, uniform on {0, …, 2³² − 1}. */
  nextUint32(): number;
  /** Uniform on [0, 1) with 53 random bits taken from two words. */
  nextFloat(): number;
  /** Standard normal N(0, 1) (polar method; consumes a whole number of word pairs). */
  normal(): number;
}

/** splitmix32 output for state value `state` (Weyl step 0x9e3779b9 applied by the caller). */
function splitmix32Mix(state: number): number {
  let t = state ^ (state >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  return (t ^ (t >>> 15)) >>> 0;
}

/**
 * The four sfc32 state words for `seed` (a uint32; other numbers are reduced modulo 2³² after
 * truncation). Exported for the samplers, which inline sfc32 in their hot loops.
 */
export function sfc32State(seed: number): Int32Array {
  const state = new Int32Array(4);
  let weyl = Math.trunc(seed) | 0;
  for (let k = 0; k < 4; k++) {
    weyl = (weyl + 0x9e3779b9) | 0;
    state[k] = splitmix32Mix(weyl) | 0;
  }
  // Discard the first words so that nearby seeds decorrelate (common practice for sfc32).
  for (let k = 0; k < 12; k++) sfc32Next(state);
  return state;
}

/** One sfc32 step on `state` (a, b, c, d = counter); returns the word as a uint32. */
export function sfc32Next(state: Int32Array): number {
  const a = state[0] as number;
  const b = state[1] as number;
  const c = state[2] as number;
  const d = state[3] as number;
  const t = (((a + b) | 0) + d) | 0;
  state[3] = (d + 1) | 0;
  state[0] = b ^ (b >>> 9);
  state[1] = (c + (c << 3)) | 0;
  state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return t >>> 0;
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;
const LN2_HI = 0.6931471803691238; // high part of ln 2 (exact in 32 bits)
const LN2_LO = 1.9082149292705877e-10; // ln 2 − LN2_HI
const SQRT_HALF = Math.SQRT1_2;

const exponentView = new DataView(new ArrayBuffer(8));

/**
 * Natural logarithm of a positive finite v using only correctly rounded operations:
 * v = 2^e · m with m ∈ [√½, √2), ln m = 2·atanh(z), z = (m − 1)/(m + 1), |z| ≤ 0.172, series to z²⁷
 * (truncation < 1e-20 relative). Accurate to about 1 ulp; identical in every engine.
 */
export function portableLog(v: number): number {
  exponentView.setFloat64(0, v);
  const high = exponentView.getUint32(0);
  let e = ((high >>> 20) & 0x7ff) - 1023;
  // Replace the exponent field by 1023 (mantissa in [1, 2)); subnormals are scaled up first.
  if (e === -1023) {
    exponentView.setFloat64(0, v * TWO_POW_53);
    e = ((exponentView.getUint32(0) >>> 20) & 0x7ff) - 1023 - 53;
  }
  exponentView.setUint32(0, (exponentView.getUint32(0) & 0x800fffff) | 0x3ff00000);
  let m = exponentView.getFloat64(0);
  if (m >= 2 * SQRT_HALF) {
    m /= 2;
    e += 1;
  }
  const z = (m - 1) / (m + 1);
  const z2 = z * z;
  let series = 1 / 27;
  for (let k = 25; k >= 1; k -= 2) series = 1 / k + z2 * series;
  return e * LN2_HI + (2 * z * series + e * LN2_LO);
}

/** A generator for `seed` (uint32; the same seed gives the same stream on every machine). */
export function createRandom(seed: number): Random {
  const state = sfc32State(seed);
  let spare = 0;
  let hasSpare = false;
  const nextFloat = (): number => {
    const high = sfc32Next(state) >>> 5; // 27 bits
    const low = sfc32Next(state) >>> 6; // 26 bits
    return (high * TWO_POW_26 + low) / TWO_POW_53;
  };
  return {
    nextUint32: () => sfc32Next(state),
    nextFloat,
    normal: () => {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      // Marsaglia polar: (u, v) uniform in the unit disc, then two independent normals.
      for (;;) {
        const u = 2 * nextFloat() - 1;
        const v = 2 * nextFloat() - 1;
        const s = u * u + v * v;
        if (s > 0 && s < 1) {
          const factor = Math.sqrt((-2 * portableLog(s)) / s);
          spare = v * factor;
          hasSpare = true;
          return u * factor;
        }
      }
    },
  };
}
