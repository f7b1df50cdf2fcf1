/**
 * Exactly k of n kept from a Bernoulli mask, by repair: units are added (or removed) one at a time,
 * each chosen uniformly among the units not kept (kept), until k are kept. Given its size K, an
 * i.i.d. mask is a uniform K-subset, and a uniform K-subset plus a uniform unit of its complement is
 * a uniform (K+1)-subset (likewise for removal), so the result is exactly uniform whatever the
 * Bernoulli probability; drawing the mask with q = k/n keeps the expected number of steps at
 * E|K − k| ≈ √(2n·q(1−q)/π). A unit is chosen by redrawing a uniform unit until it is a candidate
 * (when at least n/8 units are), else by rank among the candidates. The sampler uses it where it is
 * cheaper than the partial Fisher–Yates (sampleKernels.ts, fixedCountMethod).
 */
import { sfc32Next } from './random.ts';

/** Number of set bits of a 32-bit word. */
function bitCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Adds or removes uniformly chosen units of the mask (n units, bit i of word i/32) until exactly
 * `target` are kept. Bits at and beyond n must be 0.
 */
export function fixKeptCount(maskWords: Int32Array, n: number, target: number, state: Int32Array): void {
  const words = Math.ceil(n / 32);
  let kept = 0;
  for (let w = 0; w < words; w++) kept += bitCount(maskWords[w]!);
  while (kept !== target) {
    const adding = kept < target;
    // Candidates: units in the other state (not kept when adding, kept when removing).
    const candidates = adding ? n - kept : kept;
    let unit: number;
    if (candidates * 8 >= n) {
      do unit = uniformBelow(state, n);
      while ((((maskWords[unit >>> 5]! >>> (unit & 31)) & 1) === 1) === adding);
    } else {
      // Few candidates: pick the rank-th one directly, skipping whole words by their bit counts.
      let rank = uniformBelow(state, candidates);
      unit = 0;
      for (let w = 0; w < words; w++) {
        const valid = w === words - 1 && n % 32 !== 0 ? (1 << n % 32) - 1 : -1;
        let bits = (adding ? ~maskWords[w]! : maskWords[w]!) & valid;
        const inWord = bitCount(bits);
        if (rank >= inWord) {
          rank -= inWord;
          continue;
        }
        for (; rank > 0; rank--) bits &= bits - 1; // clear the lowest `rank` candidate bits
        unit = w * 32 + (31 - Math.clz32(bits & -bits));
        break;
      }
    }
    maskWords[unit >>> 5] = maskWords[unit >>> 5]! ^ (1 << (unit & 31));
    kept += adding ? 1 : -1;
  }
}

const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_32 = 1 / TWO_POW_32;

/**
 * Uniform integer in [0, range) for range ≤ 2²¹ (Lemire: the high word of r·range, redrawing when
 * the low word is below 2³² mod range; r·range < 2⁵³ is exact in a double).
 */
function uniformBelow(state: Int32Array, range: number): number {
  for (;;) {
    const product = sfc32Next(state) * range;
    const high = Math.floor(product * TWO_POW_MINUS_32);
    const low = product - high * TWO_POW_32;
    // The modulo is needed only in the rare case low < range.
    if (low >= range || low >= (TWO_POW_32 - range) % range) return high;
  }
}
