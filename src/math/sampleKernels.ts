/**
 * Monte Carlo mask kernel for unit dropout. Per mask it writes S = Σ m_i a_i and Z = Σ m_i b_i
 * (a_i squares, b_i downstream products, both chosen by the caller) into chunk buffers, and keeps
 * per-unit sums for the mean vector. One top-level function with a fixed-shape state object serves
 * every (x, q, model, compensation), so V8 compiles it once instead of going polymorphic when the
 * app creates many samplers (measured: a closure per sampler ran 2× slower after a few configurations).
 *
 * 1. Mask words: 32 keep-bits per word, Bernoulli(q) through byte alias draws (sampleMaskWords.ts);
 *    sfc32 (random.ts) is advanced inline from the Int32Array state, so chunks continue one stream.
 * 2. Fixed-count model: the words are drawn Bernoulli(k/n), then uniformly chosen units are added
 *    or removed until exactly k are kept, which is exactly uniform over the C(n, k) subsets
 *    (sampleFixedCount.ts).
 * 3. Sums through tables: each group of L units (L = 8 for n ≤ 1024, else 4 to stay in cache) has
 *    the 2^L subset sums of a and b, so a mask costs n/L look-ups per quantity instead of n
 *    multiply-adds. Per-unit sums are kept per (group, subset) and resolved to units when read.
 */
import { fixKeptCount } from './sampleFixedCount.ts';
import { fillMaskWords, maskWordLaw, type MaskWordLaw } from './sampleMaskWords.ts';

/** Masks per kernel call and size of the S, Z buffers. */
export const KERNEL_CHUNK = 1024;

export interface UnitMaskKernel {
  readonly units: number;
  readonly words: number;
  /** L, units per table group (8 or 4). */
  readonly lanes: number;
  /** How mask words are drawn (q, or k/n for the fixed model). */
  readonly law: MaskWordLaw;
  /** k for the fixed-count model, −1 for Bernoulli. */
  readonly exactKept: number;
  readonly squareTable: Float64Array;
  readonly productTable: Float64Array;
  /** Per (group, subset): number of masks (scalar compensations; empty when perSampleScale). */
  readonly keptTable: Float64Array;
  /** Per (group, subset): Σ 1/√S and Σ 1/S over masks with S > 0 (empty unless perSampleScale). */
  readonly firstTable: Float64Array;
  readonly secondTable: Float64Array;
  readonly maskWords: Int32Array;
  /** sfc32 state [a, b, c, d]. */
  readonly state: Int32Array;
  /** Outputs of the last call: S and Z of each mask. */
  readonly squaredNorms: Float64Array;
  readonly downstreamSums: Float64Array;
}

/** Tables and buffers for one (a, b, q or k); `kept` = k for the fixed model, else −1. */
export function createUnitMaskKernel(
  squares: Float64Array,
  products: Float64Array,
  keep: number,
  kept: number,
  state: Int32Array,
  perSampleScale: boolean,
): UnitMaskKernel {
  const n = squares.length;
  if (kept >= 0 && n > 2 ** 21) throw new RangeError(`the fixed-count sampler supports n ≤ ${2 ** 21}, got ${n}`);
  const law = maskWordLaw(kept >= 0 ? kept / n : keep);
  const lanes = n <= 1024 ? 8 : 4;
  const words = Math.ceil(n / 32);
  const entries = (words * 32) / lanes;
  const tableSize = entries << lanes;
  const squareTable = new Float64Array(tableSize);
  const productTable = new Float64Array(tableSize);
  for (let entry = 0; entry < entries; entry++) {
    for (let subset = 1; subset < 1 << lanes; subset++) {
      let sumSquares = 0;
      let sumProducts = 0;
      for (let lane = 0; lane < lanes; lane++) {
        const i = entry * lanes + lane;
        if ((subset >> lane) & 1 && i < n) {
          sumSquares += squares[i]!;
          sumProducts += products[i]!;
        }
      }
      squareTable[(entry << lanes) | subset] = sumSquares;
      productTable[(entry << lanes) | subset] = sumProducts;
    }
  }
  return {
    units: n,
    words,
    lanes,
    law,
    exactKept: kept,
    squareTable,
    productTable,
    keptTable: new Float64Array(perSampleScale ? 0 : tableSize),
    firstTable: new Float64Array(perSampleScale ? tableSize : 0),
    secondTable: new Float64Array(perSampleScale ? tableSize : 0),
    maskWords: new Int32Array(words),
    state,
    squaredNorms: new Float64Array(KERNEL_CHUNK),
    downstreamSums: new Float64Array(KERNEL_CHUNK),
  };
}

/** Per-unit sums of a per-(group, subset) table: Σ over subsets that contain the unit. */
export function unitSums(kernel: UnitMaskKernel, table: Float64Array): Float64Array {
  const { units, lanes } = kernel;
  const sums = new Float64Array(units);
  for (let i = 0; i < units; i++) {
    const entry = Math.floor(i / lanes);
    const lane = i % lanes;
    let sum = 0;
    for (let subset = 0; subset < 1 << lanes; subset++) {
      if ((subset >> lane) & 1) sum += table[(entry << lanes) | subset]!;
    }
    sums[i] = sum;
  }
  return sums;
}

/** Draws `count` ≤ KERNEL_CHUNK masks into kernel.squaredNorms / kernel.downstreamSums. */
export function drawUnitMasks(kernel: UnitMaskKernel, count: number): void {
  // One loop per model, so each keeps its own type feedback (and the Bernoulli loop stays small).
  if (kernel.exactKept >= 0) drawFixedCountMasks(kernel, count);
  else drawBernoulliMasks(kernel, count);
}

function drawBernoulliMasks(kernel: UnitMaskKernel, count: number): void {
  const { words, law, maskWords, state } = kernel;
  const lastWordMask = kernel.units % 32 === 0 ? -1 : (1 << kernel.units % 32) - 1;
  for (let t = 0; t < count; t++) {
    fillMaskWords(law, state, maskWords, words);
    maskWords[words - 1] = maskWords[words - 1]! & lastWordMask;
    sumMask(kernel, t);
  }
}

function drawFixedCountMasks(kernel: UnitMaskKernel, count: number): void {
  const { words, law, maskWords, state, units, exactKept } = kernel;
  const lastWordMask = units % 32 === 0 ? -1 : (1 << units % 32) - 1;
  for (let t = 0; t < count; t++) {
    fillMaskWords(law, state, maskWords, words);
    maskWords[words - 1] = maskWords[words - 1]! & lastWordMask;
    fixKeptCount(maskWords, units, exactKept, state);
    sumMask(kernel, t);
  }
}

/** S and Z of the mask in kernel.maskWords into slot t of the outputs, and the per-unit sums. */
function sumMask(kernel: UnitMaskKernel, t: number): void {
  const { words, lanes, maskWords, squareTable, productTable, keptTable, firstTable, secondTable } = kernel;
  const counting = keptTable.length > 0;
  let squaredNorm = 0;
  let downstream = 0;
  for (let w = 0; w < words; w++) {
    const word = maskWords[w]!;
    if (lanes === 8) {
      const base = w << 10;
      const i0 = base | (word & 255);
      const i1 = base | 256 | ((word >>> 8) & 255);
      const i2 = base | 512 | ((word >>> 16) & 255);
      const i3 = base | 768 | (word >>> 24);
      squaredNorm += squareTable[i0]! + squareTable[i1]! + squareTable[i2]! + squareTable[i3]!;
      downstream += productTable[i0]! + productTable[i1]! + productTable[i2]! + productTable[i3]!;
      if (counting) {
        keptTable[i0] = keptTable[i0]! + 1;
        keptTable[i1] = keptTable[i1]! + 1;
        keptTable[i2] = keptTable[i2]! + 1;
        keptTable[i3] = keptTable[i3]! + 1;
      }
    } else {
      for (let h = 0; h < 8; h++) {
        const index = (((w << 3) + h) << 4) | ((word >>> (h << 2)) & 15);
        squaredNorm += squareTable[index]!;
        downstream += productTable[index]!;
        if (counting) keptTable[index] = keptTable[index]! + 1;
      }
    }
  }
  if (firstTable.length > 0 && squaredNorm > 0) {
    // Per-sample matching: Σ 1/√S and Σ 1/S per (group, subset) for E[y] and its error.
    const first = 1 / Math.sqrt(squaredNorm);
    const second = 1 / squaredNorm;
    for (let w = 0; w < words; w++) {
      const word = maskWords[w]!;
      for (let h = 0; h < 32 / lanes; h++) {
        const index = (((w * 32) / lanes + h) << lanes) | ((word >>> (h * lanes)) & ((1 << lanes) - 1));
        firstTable[index] = firstTable[index]! + first;
        secondTable[index] = secondTable[index]! + second;
      }
    }
  }
  kernel.squaredNorms[t] = squaredNorm;
  kernel.downstreamSums[t] = downstream;
}
