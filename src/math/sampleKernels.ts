/**
 * Monte Carlo mask kernel for unit dropout. Per mask it writes S = Σ m_i a_i (a_i the squares chosen
 * by the caller) into a chunk buffer and, for per-sample matching only, Z = Σ m_i b_i and the per-unit
 * sums of 1/√S and 1/S that E[y] and z need there. Scalar compensations need nothing else per mask:
 * E[y], E z and Var z have closed forms (docs/mathematics.md, "Bernoulli model: moments" and
 * "Fixed-count model"). One top-level function per mask law over a fixed-shape state object serves
 * every (x, q, model, compensation), so V8 compiles each once instead of going polymorphic when the
 * app creates many samplers (docs/architecture.md, "V8 pitfalls").
 *
 * 1. Bernoulli keep-bits, 32 per word: at q = ½ the sfc32 word itself; otherwise byte alias draws
 *    (sampleMaskWords.ts). sfc32 (random.ts) is advanced inline from the Int32Array state, so chunks
 *    continue one stream; the words are the same as fillMaskWords would give.
 * 2. Fixed count, by whichever of two exact methods costs less (fixedCountMethod): a Bernoulli(k/n)
 *    mask repaired to k units (fixedCountRepair.ts; near q = ½ a mask is ⌈n/32⌉ words plus about
 *    √(n/2π) repair steps), or a partial Fisher–Yates shuffle of a persistent permutation of the units, which picks
 *    min(k, n − k) distinct units uniformly (kept when k ≤ n − k, else dropped): for any starting
 *    permutation, step i swaps a uniform one of positions i … n−1 into position i, so the first
 *    positions hold a uniformly random ordered sample without replacement, independent of the past
 *    masks; its set is a uniform subset, and the complement of a uniform (n − k)-subset is a uniform
 *    k-subset. Uniform integers by Lemire's multiply-and-reject, which is exact.
 * 3. Sums through tables: each group of L units (L = 8 for n ≤ 1024, else 4 to stay in cache) has
 *    the 2^L subset sums of a (and b), so a mask costs n/L look-ups instead of n multiply-adds.
 *    Table entries of units at and beyond n are 0, so the unused bits of the last word do not matter.
 */
import { fixKeptCount } from './fixedCountRepair.ts';
import { sfc32Next } from './random.ts';
import { fillMaskWords, maskWordLaw, type MaskWordLaw } from './sampleMaskWords.ts';

/** Masks per kernel call and size of the S, Z buffers. */
export const KERNEL_CHUNK = 1024;

export interface UnitMaskKernel {
  readonly units: number;
  readonly words: number;
  /** L, units per table group (8 or 4). */
  readonly lanes: number;
  /** How Bernoulli mask words are drawn (q, or k/n for the fixed model's repair; unused by its shuffle). */
  readonly law: MaskWordLaw;
  /** k for the fixed-count model, −1 for Bernoulli. */
  readonly exactKept: number;
  /** How the fixed model draws its masks (null for Bernoulli). */
  readonly fixedMethod: FixedCountMethod | null;
  readonly squareTable: Float64Array;
  /** Subset sums of b (empty unless perSampleScale). */
  readonly productTable: Float64Array;
  /** Per (group, subset), interleaved: Σ 1/√S and Σ 1/S over masks with S > 0 (empty unless perSampleScale). */
  readonly matchTable: Float64Array;
  /** The last mask drawn (bit i of word i/32; bits at and beyond n are 0). */
  readonly maskWords: Int32Array;
  /** Fixed model: the permutation the partial Fisher–Yates shuffles (empty for Bernoulli). */
  readonly order: Int32Array;
  /** sfc32 state [a, b, c, d]. */
  readonly state: Int32Array;
  /** Outputs of the last call: S (and Z when perSampleScale) of each mask. */
  readonly squaredNorms: Float64Array;
  readonly downstreamSums: Float64Array;
}

/** The two exact ways to draw exactly k of n units kept. */
export type FixedCountMethod = 'shuffle' | 'repair';

/**
 * The cheaper exact method for k of n, by a cost model in sfc32 draws (calibrated with
 * `npm run bench`, rows "fixed"): the shuffle draws min(k, n − k) bounded integers; the repair draws
 * ⌈n/32⌉ words (one draw per word at k/n = ½; byte alias draws cost about four otherwise) and about
 * √(2n·q(1−q)/π) repair steps of about three draws each (a rejection loop and a bit count). Measured
 * (ns per mask, shuffle / repair, loaded 2-core machine): n = 192: q = ½ 900 / 269, 0.65 624 / 555,
 * 0.8 382 / 340, 0.9 226 / 418; n = 1024: q = ½ 4629 / 1098, 0.65 3428 / 1806, 0.8 2061 / 1724,
 * 0.9 1136 / 1490; the model picks the faster one in each of these eight cases.
 */
export function fixedCountMethod(n: number, k: number): FixedCountMethod {
  const q = k / n;
  const words = Math.ceil(n / 32);
  const repair = (q === 0.5 ? 1 : 4) * words + 3 * Math.sqrt((2 * n * q * (1 - q)) / Math.PI) + words;
  const shuffle = Math.min(k, n - k) + words;
  return repair < shuffle ? 'repair' : 'shuffle';
}

/**
 * Tables and buffers for one (a, q or k); `kept` = k for the fixed model, else −1. `products` (b)
 * and the per-unit sums are used only when `perSampleScale` ('match').
 */
export function createUnitMaskKernel(
  squares: Float64Array,
  products: Float64Array,
  keep: number,
  kept: number,
  state: Int32Array,
  perSampleScale: boolean,
  /** The fixed model's method (default: the cheaper one, fixedCountMethod); tests force each. */
  method?: FixedCountMethod,
): UnitMaskKernel {
  const n = squares.length;
  if (kept >= 0 && n > 2 ** 21) throw new RangeError(`the fixed-count sampler supports n ≤ ${2 ** 21}, got ${n}`);
  const fixedMethod = kept >= 0 ? (method ?? fixedCountMethod(n, kept)) : null;
  const law = maskWordLaw(fixedMethod === null ? keep : fixedMethod === 'repair' ? kept / n : 1);
  const lanes = n <= 1024 ? 8 : 4;
  const words = Math.ceil(n / 32);
  const tableSize = ((words * 32) / lanes) << lanes;
  return {
    units: n,
    words,
    lanes,
    law,
    exactKept: kept,
    fixedMethod,
    squareTable: subsetSums(squares, lanes, tableSize),
    productTable: perSampleScale ? subsetSums(products, lanes, tableSize) : new Float64Array(0),
    matchTable: new Float64Array(perSampleScale ? 2 * tableSize : 0),
    maskWords: new Int32Array(words),
    order: kept >= 0 ? Int32Array.from({ length: n }, (_, i) => i) : new Int32Array(0),
    state,
    squaredNorms: new Float64Array(KERNEL_CHUNK),
    downstreamSums: new Float64Array(perSampleScale ? KERNEL_CHUNK : 0),
  };
}

/** Per group of `lanes` values, the sums of every subset (entry (group << lanes) | subset). */
function subsetSums(values: Float64Array, lanes: number, tableSize: number): Float64Array {
  const table = new Float64Array(tableSize);
  for (let entry = 0; entry < tableSize >> lanes; entry++) {
    const base = entry << lanes;
    // Subset = lower subset + its highest lane: lanes added in increasing order, one add per entry.
    for (let lane = 0; lane < lanes; lane++) {
      const i = entry * lanes + lane;
      const value = i < values.length ? values[i]! : 0;
      const bit = 1 << lane;
      for (let lower = 0; lower < bit; lower++) table[base | bit | lower] = table[base | lower]! + value;
    }
  }
  return table;
}

/** Per-unit Σ_masks m_i/√S (first) and Σ m_i/S (second), from the per-(group, subset) match sums. */
export function matchUnitSums(kernel: UnitMaskKernel): { first: Float64Array; second: Float64Array } {
  const { units, lanes, matchTable } = kernel;
  const first = new Float64Array(units);
  const second = new Float64Array(units);
  for (let i = 0; i < units; i++) {
    const entry = Math.floor(i / lanes);
    const lane = i % lanes;
    let f = 0;
    let s = 0;
    for (let subset = 0; subset < 1 << lanes; subset++) {
      if ((subset >> lane) & 1) {
        f += matchTable[2 * ((entry << lanes) | subset)]!;
        s += matchTable[2 * ((entry << lanes) | subset) + 1]!;
      }
    }
    first[i] = f;
    second[i] = s;
  }
  return { first, second };
}

/** Draws `count` ≤ KERNEL_CHUNK masks into kernel.squaredNorms (and downstreamSums when matching). */
export function drawUnitMasks(kernel: UnitMaskKernel, count: number): void {
  // One loop per law, so each keeps its own type feedback and stays small.
  const simple = kernel.lanes === 8 && kernel.matchTable.length === 0;
  if (kernel.fixedMethod === 'repair') drawRepairedMasks(kernel, count, simple);
  else if (kernel.exactKept >= 0) drawFixedCountMasks(kernel, count, simple);
  else if (simple && kernel.law.mode === 'half') drawHalfMasks(kernel, count);
  else if (simple && kernel.law.mode === 'alias') drawAliasMasks(kernel, count);
  else if (kernel.lanes === 8 && kernel.matchTable.length > 0 && kernel.law.mode === 'half') drawHalfMatchedMasks(kernel, count);
  else if (kernel.lanes === 8 && kernel.matchTable.length > 0) drawMatchedMasks(kernel, count);
  else {
    for (let t = 0; t < count; t++) {
      fillMaskWords(kernel.law, kernel.state, kernel.maskWords, kernel.words);
      sumMask(kernel, t);
    }
  }
}

/**
 * q = ½, L = 8, S only: each sfc32 word is a mask word of four table bytes. The loop runs over the
 * table offset (base + byte, not base | byte: V8 compiles the add tighter) and does not store the
 * words; the last mask goes through fillMaskWords (the same words) so that maskWords holds it.
 */
function drawHalfMasks(kernel: UnitMaskKernel, count: number): void {
  const { words, law, squareTable: table, squaredNorms, maskWords, state } = kernel;
  const end = words << 10;
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  for (let t = 0; t < count - 1; t++) {
    let s = 0;
    for (let base = 0; base < end; base += 1024) {
      const r = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + r) | 0;
      s += table[base + (r & 255)]! + table[base + 256 + ((r >>> 8) & 255)]! + table[base + 512 + ((r >>> 16) & 255)]! + table[base + 768 + (r >>> 24)]!;
    }
    squaredNorms[t] = s;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  if (count < 1) return;
  fillMaskWords(law, state, maskWords, words);
  maskWords[words - 1] = maskWords[words - 1]! & (kernel.units % 32 === 0 ? -1 : (1 << kernel.units % 32) - 1);
  squaredNorms[count - 1] = byteTableSum(table, maskWords, words);
}

/** Any other q, L = 8, S only: four alias bytes per word (the words of fillMaskWords). */
function drawAliasMasks(kernel: UnitMaskKernel, count: number): void {
  const { words, squareTable: table, squaredNorms, maskWords, state } = kernel;
  const { table: aliasTable } = kernel.law;
  const lastWordMask = kernel.units % 32 === 0 ? -1 : (1 << kernel.units % 32) - 1;
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  for (let t = 0; t < count; t++) {
    let s = 0;
    for (let w = 0; w < words; w++) {
      const columns = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + columns) | 0;
      // The four bytes written out (V8 does not unroll the 4-step loop); the same draws and sums in order.
      const base = w << 10;
      let r = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + r) | 0;
      let column = columns & 255;
      let alias = aliasTable[(column << 1) | 1]!;
      const byte0 = alias ^ ((column ^ alias) & ((((r >>> 1) - aliasTable[column << 1]!) | 0) >> 31)); // branch-free u < T: the column's byte
      r = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + r) | 0;
      column = (columns >>> 8) & 255;
      alias = aliasTable[(column << 1) | 1]!;
      const byte1 = alias ^ ((column ^ alias) & ((((r >>> 1) - aliasTable[column << 1]!) | 0) >> 31));
      r = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + r) | 0;
      column = (columns >>> 16) & 255;
      alias = aliasTable[(column << 1) | 1]!;
      const byte2 = alias ^ ((column ^ alias) & ((((r >>> 1) - aliasTable[column << 1]!) | 0) >> 31));
      r = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + r) | 0;
      column = columns >>> 24;
      alias = aliasTable[(column << 1) | 1]!;
      const byte3 = alias ^ ((column ^ alias) & ((((r >>> 1) - aliasTable[column << 1]!) | 0) >> 31));
      s += 0 + table[base | byte0]! + table[base | 256 | byte1]! + table[base | 512 | byte2]! + table[base | 768 | byte3]!;
      maskWords[w] = byte0 | (byte1 << 8) | (byte2 << 16) | (byte3 << 24);
    }
    squaredNorms[t] = s;
  }
  maskWords[words - 1] = maskWords[words - 1]! & lastWordMask;
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_32 = 1 / TWO_POW_32;

/** S of the mask in maskWords from 8-unit tables: four byte look-ups per word. */
function byteTableSum(table: Float64Array, maskWords: Int32Array, words: number): number {
  let s = 0;
  for (let w = 0; w < words; w++) {
    const word = maskWords[w]!;
    const base = w << 10;
    s += table[base + (word & 255)]! + table[base + 256 + ((word >>> 8) & 255)]! + table[base + 512 + ((word >>> 16) & 255)]! + table[base + 768 + (word >>> 24)]!;
  }
  return s;
}

/**
 * Exactly k kept: a Bernoulli(k/n) mask repaired to k units, then the sums. The words of
 * fillMaskWords and the steps of fixKeptCount (fixedCountRepair.ts, the reference: the same draws
 * in the same order, so the same masks) with sfc32 in locals throughout: through the state array
 * every bounded draw of the repair cost a load and a store per state word.
 */
function drawRepairedMasks(kernel: UnitMaskKernel, count: number, simple: boolean): void {
  const { units: n, exactKept: k, words, law, maskWords, state, squareTable: table, squaredNorms } = kernel;
  if (law.mode === 'all') {
    // k = n: nothing to draw or repair (the cost model picks the shuffle here; kept for completeness).
    for (let t = 0; t < count; t++) {
      fillMaskWords(law, state, maskWords, words);
      fixKeptCount(maskWords, n, k, state);
      if (simple) squaredNorms[t] = byteTableSum(table, maskWords, words);
      else sumMask(kernel, t);
    }
    return;
  }
  const alias = law.mode === 'alias' ? 1 : 0;
  const { table: aliasTable } = law;
  const lastWordMask = n % 32 === 0 ? -1 : (1 << n % 32) - 1;
  const last = words - 1;
  // 2³² mod range for the two ranges the repair draws from: n always, the candidate count rarely.
  // Literals, not the module constants: V8 reloads and re-checks those from the context in the loop.
  const twoPow32 = 4294967296;
  const twoPowMinus32 = 1 / 4294967296;
  const rejectN = (twoPow32 - n) % n;
  const small = n <= 65536 ? 1 : 0;
  const rejectSmall = rejectN | 0;
  const summed = simple ? 1 : 0; // a 0/1 local: the boolean argument was tested as a tagged value per mask
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  for (let t = 0; t < count; t++) {
    let kept = 0;
    for (let w = 0; w < words; w++) {
      let r = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + r) | 0;
      let word = r;
      if (alias === 1) {
        const columns = r;
        // The four alias bytes written out (V8 does not unroll the 4-step loop); the same draws in order.
        r = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + r) | 0;
        let column = columns & 255;
        let other = aliasTable[(column << 1) | 1]!;
        word = other ^ ((column ^ other) & ((((r >>> 1) - aliasTable[column << 1]!) | 0) >> 31)); // branch-free u < T: the column's byte
        r = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + r) | 0;
        column = (columns >>> 8) & 255;
        other = aliasTable[(column << 1) | 1]!;
        word |= (other ^ ((column ^ other) & ((((r >>> 1) - aliasTable[column << 1]!) | 0) >> 31))) << 8;
        r = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + r) | 0;
        column = (columns >>> 16) & 255;
        other = aliasTable[(column << 1) | 1]!;
        word |= (other ^ ((column ^ other) & ((((r >>> 1) - aliasTable[column << 1]!) | 0) >> 31))) << 16;
        r = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + r) | 0;
        column = columns >>> 24;
        other = aliasTable[(column << 1) | 1]!;
        word |= (other ^ ((column ^ other) & ((((r >>> 1) - aliasTable[column << 1]!) | 0) >> 31))) << 24;
      }
      if (w === last) word &= lastWordMask;
      maskWords[w] = word;
      kept += bitCount(word);
    }
    while (kept !== k) {
      const adding = kept < k ? 1 : 0;
      const candidates = adding === 1 ? n - kept : kept;
      let unit = 0;
      if (candidates * 8 >= n) {
        // A uniform unit (Lemire, range n; rejected when low < 2³² mod n) until it is a candidate.
        let low = 0;
        if (small === 1) {
          // n ≤ 2¹⁶: the same high and low words of r·n in 32-bit integer arithmetic, so the unit
          // (and the mispredicted candidate test on it) is a few cycles after r instead of a chain
          // of double conversions, multiplications and a floor: ⌊r·n/2³²⌋ =
          // (⌊r/2¹⁶⌋·n + ⌊(r mod 2¹⁶)·n/2¹⁶⌋) >>> 16 (the sum is below 2¹⁶·n ≤ 2³²), low = r·n mod 2³².
          do {
            const r = (((a + b) | 0) + d) | 0;
            d = (d + 1) | 0;
            a = b ^ (b >>> 9);
            b = (c + (c << 3)) | 0;
            c = (((c << 21) | (c >>> 11)) + r) | 0;
            unit = (Math.imul(r >>> 16, n) + (Math.imul(r & 65535, n) >>> 16)) >>> 16;
            low = Math.imul(r, n);
            // low < 2³² mod n (< n ≤ 2¹⁶) as int32 tests: below 2¹⁶ first, then the exact bound.
          } while (((low >>> 16) === 0 && low < rejectSmall) || ((maskWords[unit >>> 5]! >>> (unit & 31)) & 1) === adding);
        } else {
          do {
            const r = (((a + b) | 0) + d) | 0;
            d = (d + 1) | 0;
            a = b ^ (b >>> 9);
            b = (c + (c << 3)) | 0;
            c = (((c << 21) | (c >>> 11)) + r) | 0;
            const product = (r >>> 0) * n;
            const high = Math.floor(product * twoPowMinus32);
            low = product - high * twoPow32;
            unit = high | 0;
          } while ((low < n && low < rejectN) || ((maskWords[unit >>> 5]! >>> (unit & 31)) & 1) === adding);
        }
      } else {
        // Few candidates: the rank-th one (Lemire, range = candidates), skipping words by bit counts.
        const reject = (twoPow32 - candidates) % candidates;
        let rank = 0;
        for (;;) {
          const r = (((a + b) | 0) + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (((c << 21) | (c >>> 11)) + r) | 0;
          const product = (r >>> 0) * candidates;
          rank = Math.floor(product * twoPowMinus32);
          const low = product - rank * twoPow32;
          if (low >= candidates || low >= reject) break;
        }
        for (let w = 0; w < words; w++) {
          let bits = (adding === 1 ? ~maskWords[w]! : maskWords[w]!) & (w === last ? lastWordMask : -1);
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
      kept += adding === 1 ? 1 : -1;
    }
    if (summed === 1) squaredNorms[t] = byteTableSum(table, maskWords, words);
    else sumMask(kernel, t);
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

/** Number of set bits of a 32-bit word. */
function bitCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Exactly k kept: partial Fisher–Yates over min(k, n − k) units into maskWords, then the sums. */
function drawFixedCountMasks(kernel: UnitMaskKernel, count: number, simple: boolean): void {
  const { units: n, exactKept: k, words, order, maskWords, state, squareTable: table, squaredNorms } = kernel;
  const picked = Math.min(k, n - k);
  const pickKept = k <= n - k; // else pick the dropped units out of an all-kept mask
  const lastWordMask = n % 32 === 0 ? -1 : (1 << n % 32) - 1;
  // Literals, not the module constants: V8 reloads and re-checks those from the context in the loop.
  const twoPow32 = 4294967296;
  const twoPowMinus32 = 1 / 4294967296;
  const summed = simple ? 1 : 0; // a 0/1 local: a boolean argument is tested as a tagged value per use
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  for (let t = 0; t < count; t++) {
    for (let w = 0; w < words; w++) maskWords[w] = pickKept ? 0 : -1;
    maskWords[words - 1] = maskWords[words - 1]! & lastWordMask;
    for (let i = 0; i < picked; i++) {
      // Lemire: j = ⌊r·range/2³²⌋ is uniform on [0, range) once the low part passes the rejection
      // test, which can fail only when low < range (probability < 2⁻¹¹): then redraw.
      const range = n - i;
      const r = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + r) | 0;
      const product = (r >>> 0) * range; // < 2⁵³: exact
      let j = Math.floor(product * twoPowMinus32);
      if (product - j * twoPow32 < range) {
        state[0] = a;
        state[1] = b;
        state[2] = c;
        state[3] = d;
        j = boundedRedraw(state, range, product - j * twoPow32, j);
        a = state[0]!;
        b = state[1]!;
        c = state[2]!;
        d = state[3]!;
      }
      j += i;
      const unit = order[j]!;
      order[j] = order[i]!;
      order[i] = unit;
      maskWords[unit >>> 5] = maskWords[unit >>> 5]! ^ (1 << (unit & 31));
    }
    if (summed === 1) squaredNorms[t] = byteTableSum(table, maskWords, words);
    else sumMask(kernel, t);
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

/** Lemire's rejection step for a first draw (low part `low`, candidate `j`) whose low part is below range. */
function boundedRedraw(state: Int32Array, range: number, low: number, j: number): number {
  const threshold = (TWO_POW_32 - range) % range;
  while (low < threshold) {
    const product = sfc32Next(state) * range;
    j = Math.floor(product * TWO_POW_MINUS_32);
    low = product - j * TWO_POW_32;
  }
  return j;
}

/**
 * Per-sample matching, L = 8: sumMask's sums in sumMask's order (the same numbers) with the group
 * loop written out as four byte look-ups per word, and the words of fillMaskWords drawn inline
 * (sfc32 in locals, the same words) as the look-ups go.
 */
function drawMatchedMasks(kernel: UnitMaskKernel, count: number): void {
  const { words, law, maskWords, state, squareTable, productTable, matchTable, squaredNorms, downstreamSums } = kernel;
  const lastWordMask = kernel.units % 32 === 0 ? -1 : (1 << kernel.units % 32) - 1;
  const mode = law.mode === 'all' ? 0 : law.mode === 'half' ? 1 : 2;
  const { table: aliasTable } = law;
  const last = words - 1;
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  for (let t = 0; t < count; t++) {
    let squaredNorm = 0;
    let downstream = 0;
    for (let w = 0; w < words; w++) {
      let word = -1;
      if (mode !== 0) {
        let r = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + r) | 0;
        word = r;
        if (mode === 2) {
          const columns = r;
          // The four alias bytes written out (V8 does not unroll the 4-step loop); the same draws in order.
          r = (((a + b) | 0) + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (((c << 21) | (c >>> 11)) + r) | 0;
          let column = columns & 255;
          let other = aliasTable[(column << 1) | 1]!;
          word = other ^ ((column ^ other) & ((((r >>> 1) - aliasTable[column << 1]!) | 0) >> 31)); // branch-free u < T: the column's byte
          r = (((a + b) | 0) + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (((c << 21) | (c >>> 11)) + r) | 0;
          column = (columns >>> 8) & 255;
          other = aliasTable[(column << 1) | 1]!;
          word |= (other ^ ((column ^ other) & ((((r >>> 1) - aliasTable[column << 1]!) | 0) >> 31))) << 8;
          r = (((a + b) | 0) + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (((c << 21) | (c >>> 11)) + r) | 0;
          column = (columns >>> 16) & 255;
          other = aliasTable[(column << 1) | 1]!;
          word |= (other ^ ((column ^ other) & ((((r >>> 1) - aliasTable[column << 1]!) | 0) >> 31))) << 16;
          r = (((a + b) | 0) + d) | 0;
          d = (d + 1) | 0;
          a = b ^ (b >>> 9);
          b = (c + (c << 3)) | 0;
          c = (((c << 21) | (c >>> 11)) + r) | 0;
          column = columns >>> 24;
          other = aliasTable[(column << 1) | 1]!;
          word |= (other ^ ((column ^ other) & ((((r >>> 1) - aliasTable[column << 1]!) | 0) >> 31))) << 24;
        }
      }
      if (w === last) word &= lastWordMask;
      maskWords[w] = word;
      const i0 = (w << 10) + (word & 255);
      const i1 = (w << 10) + 256 + ((word >>> 8) & 255);
      const i2 = (w << 10) + 512 + ((word >>> 16) & 255);
      const i3 = (w << 10) + 768 + (word >>> 24);
      squaredNorm += squareTable[i0]! + squareTable[i1]! + squareTable[i2]! + squareTable[i3]!;
      downstream += productTable[i0]! + productTable[i1]! + productTable[i2]! + productTable[i3]!;
    }
    if (squaredNorm > 0) {
      const first = 1 / Math.sqrt(squaredNorm);
      const second = 1 / squaredNorm;
      for (let w = 0; w < words; w++) {
        const word = maskWords[w]!;
        const base = w << 11;
        const i0 = base + ((word & 255) << 1);
        const i1 = base + 512 + (((word >>> 8) & 255) << 1);
        const i2 = base + 1024 + (((word >>> 16) & 255) << 1);
        const i3 = base + 1536 + ((word >>> 24) << 1);
        matchTable[i0] = matchTable[i0]! + first;
        matchTable[i0 + 1] = matchTable[i0 + 1]! + second;
        matchTable[i1] = matchTable[i1]! + first;
        matchTable[i1 + 1] = matchTable[i1 + 1]! + second;
        matchTable[i2] = matchTable[i2]! + first;
        matchTable[i2 + 1] = matchTable[i2 + 1]! + second;
        matchTable[i3] = matchTable[i3]! + first;
        matchTable[i3 + 1] = matchTable[i3 + 1]! + second;
      }
    }
    squaredNorms[t] = squaredNorm;
    downstreamSums[t] = downstream;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

/**
 * Per-sample matching at q = ½, L = 8: drawMatchedMasks's words (the sfc32 words), sums and match
 * sums in the same order (the same numbers), in a loop of its own without the alias draw. The
 * second pass over the words, once 1/√S is known, draws them again from the generator state saved at
 * the mask's start (five integer operations a word) instead of storing and reloading them; only the
 * last mask is written to maskWords. The match-table update is written out as in drawMatchedMasks:
 * a shared helper for it measured 3–4 % slower per mask (docs/architecture.md#v8-pitfalls).
 */
function drawHalfMatchedMasks(kernel: UnitMaskKernel, count: number): void {
  const { words, maskWords, state, squareTable, productTable, matchTable, squaredNorms, downstreamSums } = kernel;
  const lastWordMask = kernel.units % 32 === 0 ? -1 : (1 << kernel.units % 32) - 1;
  const lastBase = (words - 1) << 10;
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  for (let t = 0; t < count; t++) {
    const a0 = a;
    const b0 = b;
    const c0 = c;
    const d0 = d;
    let squaredNorm = 0;
    let downstream = 0;
    for (let base = 0; base <= lastBase; base = (base + 1024) | 0) {
      let word = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + word) | 0;
      if (base === lastBase) word &= lastWordMask;
      const i0 = (base + (word & 255)) | 0;
      const i1 = (base + 256 + ((word >>> 8) & 255)) | 0;
      const i2 = (base + 512 + ((word >>> 16) & 255)) | 0;
      const i3 = (base + 768 + (word >>> 24)) | 0;
      squaredNorm += squareTable[i0]! + squareTable[i1]! + squareTable[i2]! + squareTable[i3]!;
      downstream += productTable[i0]! + productTable[i1]! + productTable[i2]! + productTable[i3]!;
    }
    if (squaredNorm > 0) {
      const first = 1 / Math.sqrt(squaredNorm);
      const second = 1 / squaredNorm;
      let a1 = a0;
      let b1 = b0;
      let c1 = c0;
      let d1 = d0;
      for (let base = 0; base <= lastBase; base = (base + 1024) | 0) {
        let word = (((a1 + b1) | 0) + d1) | 0;
        d1 = (d1 + 1) | 0;
        a1 = b1 ^ (b1 >>> 9);
        b1 = (c1 + (c1 << 3)) | 0;
        c1 = (((c1 << 21) | (c1 >>> 11)) + word) | 0;
        if (base === lastBase) word &= lastWordMask;
        const i0 = ((base << 1) + ((word & 255) << 1)) | 0;
        const i1 = ((base << 1) + 512 + (((word >>> 8) & 255) << 1)) | 0;
        const i2 = ((base << 1) + 1024 + (((word >>> 16) & 255) << 1)) | 0;
        const i3 = ((base << 1) + 1536 + ((word >>> 24) << 1)) | 0;
        matchTable[i0] = matchTable[i0]! + first;
        matchTable[i0 + 1] = matchTable[i0 + 1]! + second;
        matchTable[i1] = matchTable[i1]! + first;
        matchTable[i1 + 1] = matchTable[i1 + 1]! + second;
        matchTable[i2] = matchTable[i2]! + first;
        matchTable[i2 + 1] = matchTable[i2 + 1]! + second;
        matchTable[i3] = matchTable[i3]! + first;
        matchTable[i3 + 1] = matchTable[i3 + 1]! + second;
      }
    }
    squaredNorms[t] = squaredNorm;
    downstreamSums[t] = downstream;
    if (t === count - 1) {
      // The last mask into maskWords: its words drawn again from its start.
      let a1 = a0;
      let b1 = b0;
      let c1 = c0;
      let d1 = d0;
      for (let w = 0; w < words; w++) {
        const word = (((a1 + b1) | 0) + d1) | 0;
        d1 = (d1 + 1) | 0;
        a1 = b1 ^ (b1 >>> 9);
        b1 = (c1 + (c1 << 3)) | 0;
        c1 = (((c1 << 21) | (c1 >>> 11)) + word) | 0;
        maskWords[w] = w === words - 1 ? word & lastWordMask : word;
      }
    }
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

/** S (and Z and the match sums when matching) of the mask in kernel.maskWords into slot t. */
function sumMask(kernel: UnitMaskKernel, t: number): void {
  const { words, lanes, maskWords, squareTable, productTable, matchTable } = kernel;
  maskWords[words - 1] = maskWords[words - 1]! & (kernel.units % 32 === 0 ? -1 : (1 << kernel.units % 32) - 1);
  const matching = matchTable.length > 0;
  const groups = 32 / lanes;
  const groupMask = (1 << lanes) - 1;
  let squaredNorm = 0;
  let downstream = 0;
  for (let w = 0; w < words; w++) {
    const word = maskWords[w]!;
    let wordSquares = 0;
    let wordProducts = 0;
    for (let h = 0; h < groups; h++) {
      const index = ((w * groups + h) << lanes) | ((word >>> (h * lanes)) & groupMask);
      wordSquares += squareTable[index]!;
      if (matching) wordProducts += productTable[index]!;
    }
    squaredNorm += wordSquares;
    downstream += wordProducts;
  }
  if (matching && squaredNorm > 0) {
    const first = 1 / Math.sqrt(squaredNorm);
    const second = 1 / squaredNorm;
    for (let w = 0; w < words; w++) {
      const word = maskWords[w]!;
      for (let h = 0; h < groups; h++) {
        const index = 2 * (((w * groups + h) << lanes) | ((word >>> (h * lanes)) & groupMask));
        matchTable[index] = matchTable[index]! + first;
        matchTable[index + 1] = matchTable[index + 1]! + second;
      }
    }
  }
  kernel.squaredNorms[t] = squaredNorm;
  if (matching) kernel.downstreamSums[t] = downstream;
}
