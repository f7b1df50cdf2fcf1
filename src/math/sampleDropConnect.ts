/**
 * Monte Carlo kernel for DropConnect: per mask M (d×n, Bernoulli(q) i.i.d.), the raw outputs
 * T_j = Σ_i M_ji c_ji with c_ji = W_ji x_i, and S = Σ_j T_j².
 *
 * Masks are drawn in batches, weights in the outer loop: for each row and each word of 32 weights,
 * the four 256-entry tables of subset sums of its bytes are built once (8 KB, in L1), then every
 * mask of the batch gets its 32 keep-bits (the sfc32 word at q = ½; else byte alias draws,
 * sampleMaskWords.ts, drawn for the whole batch first) and adds four look-ups to its T_j. The weights are read once per batch
 * instead of once per mask, so a 1000 × 1000 layer streams 8 MB per batch rather than a 32 MB table
 * per mask. Each (mask, row, word) gets its own random words, so the masks are i.i.d.; which words
 * depends only on the seed and the batch size, a function of d alone.
 */
import { fillMaskWords, maskWordLaw, type MaskWordLaw } from './sampleMaskWords.ts';

export interface DropConnectKernel {
  readonly rowCount: number;
  readonly units: number;
  readonly wordsPerRow: number;
  /** Masks per batch. */
  readonly batch: number;
  readonly law: MaskWordLaw;
  /** c_ji, row-major (rows × units). */
  readonly contributions: Float64Array;
  /** sfc32 state [a, b, c, d]. */
  readonly state: Int32Array;
  /** S of each mask of the last batch. */
  readonly squaredNorms: Float64Array;
  /** T_j of each mask of the last batch (mask-major, batch × rows), or T_1 only (batch) when not keepRows. */
  readonly rowSums: Float64Array;
  readonly keepRows: boolean;
  /**
   * The four byte tables of one word of weights at [0, TOTALS), then T_j of the current row per
   * mask at [TOTALS, TOTALS + batch): one array, since V8 re-checks and reloads every typed array
   * a look-up loop uses on each iteration (docs/architecture.md#v8-pitfalls).
   */
  readonly scratch: Float64Array;
  /** The keep-bits of one word of weights for every mask of the batch (q ≠ ½). */
  readonly words: Int32Array;
}

/** Offset of the row totals in DropConnectKernel.scratch (after the four 256-entry tables). */
const TOTALS = 1024;

/** `contributions` = c_ji row-major (rows × units); `keepRows`: keep every T_j (per-sample matching needs them). */
export function createDropConnectKernel(
  contributions: Float64Array,
  rowCount: number,
  keep: number,
  state: Int32Array,
  keepRows: boolean,
): DropConnectKernel {
  const units = contributions.length / rowCount;
  // Keeping every T_j of a batch costs batch·d doubles: at most 2 MB.
  const batch = keepRows ? Math.max(16, Math.min(1024, Math.floor(2 ** 18 / rowCount))) : 1024;
  return {
    rowCount,
    units,
    wordsPerRow: Math.ceil(units / 32),
    batch,
    law: maskWordLaw(keep),
    contributions,
    state,
    squaredNorms: new Float64Array(batch),
    rowSums: new Float64Array(keepRows ? batch * rowCount : batch),
    keepRows,
    scratch: new Float64Array(TOTALS + batch),
    words: new Int32Array(batch),
  };
}

/** Draws kernel.batch masks into squaredNorms and rowSums. */
export function drawDropConnectBatch(kernel: DropConnectKernel): void {
  const { rowCount, units, wordsPerRow, batch, contributions, squaredNorms, rowSums, scratch, keepRows } = kernel;
  const totals = TOTALS; // a local: a module constant is reloaded from the module context in a loop
  squaredNorms.fill(0);
  for (let j = 0; j < rowCount; j++) {
    scratch.fill(0, totals, totals + batch);
    for (let w = 0; w < wordsPerRow; w++) {
      buildByteTables(scratch, contributions, j * units, 32 * w, units);
      addWordLookups(kernel, batch);
    }
    for (let t = 0; t < batch; t++) {
      const total = scratch[totals + t]!;
      squaredNorms[t] = squaredNorms[t]! + total * total;
      if (keepRows) rowSums[t * rowCount + j] = total;
      else if (j === 0) rowSums[t] = total;
    }
  }
}

/**
 * tables[g·256 + v] = Σ of c_j,(32w + 8g + l) over the bits l of v (units beyond n count 0), each
 * entry = the entry without v's lowest bit + that unit. Entries are filled by lowest bit, highest
 * first (128; 64, 192; 32, 96, …; then the odd ones), so each reads an entry of an earlier level:
 * the same additions as in increasing v, but without a chain of store-to-load round trips (entry
 * v − 1 just written, at every odd v), which cost about 1.7 ns per entry. The four groups are
 * filled side by side, level by level (each group's entries in the same order and from the same
 * sums as group by group), so an iteration has four independent chains and the loop a quarter of
 * the back edges. A small function of its own, so V8 compiles it tightly rather than as part of the
 * batch loop.
 */
function buildByteTables(tables: Float64Array, contributions: Float64Array, rowStart: number, firstUnit: number, units: number): void {
  tables[0] = 0;
  tables[256] = 0;
  tables[512] = 0;
  tables[768] = 0;
  const top = firstUnit + 7;
  tables[128] = 0 + (top < units ? contributions[rowStart + top]! : 0);
  tables[384] = 0 + (top + 8 < units ? contributions[rowStart + top + 8]! : 0);
  tables[640] = 0 + (top + 16 < units ? contributions[rowStart + top + 16]! : 0);
  tables[896] = 0 + (top + 24 < units ? contributions[rowStart + top + 24]! : 0);
  // Lanes 6 … 0 have an even number of entries: two per group and iteration.
  for (let lane = 6; lane >= 0; lane--) {
    const i = firstUnit + lane;
    const v0 = i < units ? contributions[rowStart + i]! : 0;
    const v1 = i + 8 < units ? contributions[rowStart + i + 8]! : 0;
    const v2 = i + 16 < units ? contributions[rowStart + i + 16]! : 0;
    const v3 = i + 24 < units ? contributions[rowStart + i + 24]! : 0;
    // Index arithmetic truncated with `| 0`, so V8 emits no overflow checks for it.
    const step = 1 << lane;
    const twice = step << 1;
    const stride = step << 2;
    for (let v = step; v < 256; v = (v + stride) | 0) {
      const u = (v + twice) | 0;
      const p = (v - step) | 0;
      const q = (v + step) | 0;
      tables[v] = tables[p]! + v0;
      tables[u] = tables[q]! + v0;
      tables[(v + 256) | 0] = tables[(p + 256) | 0]! + v1;
      tables[(u + 256) | 0] = tables[(q + 256) | 0]! + v1;
      tables[(v + 512) | 0] = tables[(p + 512) | 0]! + v2;
      tables[(u + 512) | 0] = tables[(q + 512) | 0]! + v2;
      tables[(v + 768) | 0] = tables[(p + 768) | 0]! + v3;
      tables[(u + 768) | 0] = tables[(q + 768) | 0]! + v3;
    }
  }
}

/**
 * For each mask of the batch: 32 fresh keep-bits, four table look-ups into its row total. Below
 * q = 1 and away from ½ the batch's words are drawn first (fillMaskWords: the same draws in the
 * same order as one mask at a time) and then looked up, two tight loops instead of one that
 * interleaves five generator steps, the alias table and the byte tables (docs/architecture.md#v8-pitfalls,
 * 14: with the int32 alias table, q = 0.8 went from about 466 to 327 ns per mask at n = 192).
 */
function addWordLookups(kernel: DropConnectKernel, batch: number): void {
  const { scratch: tables, state, law, words } = kernel;
  if (law.mode === 'half') {
    addHalfWordLookups(tables, state, batch);
    return;
  }
  fillMaskWords(law, state, words, batch);
  addDrawnWordLookups(tables, words, batch);
}

/** tables[TOTALS + t] += the four byte look-ups of words[t], for t < batch. */
function addDrawnWordLookups(tables: Float64Array, words: Int32Array, batch: number): void {
  // The totals' offset is a literal: a module constant is reloaded from the module context in a loop.
  for (let t = 0; t < batch; t++) {
    const word = words[t]!;
    const i = (1024 + t) | 0;
    tables[i] = tables[i]! + (tables[word & 255]! + tables[256 | ((word >>> 8) & 255)]! + tables[512 | ((word >>> 16) & 255)]! + tables[768 | (word >>> 24)]!);
  }
}

/**
 * addWordLookups at q = ½, where the sfc32 word is the keep-bits: a loop of its own, small enough
 * for V8 to keep the generator state and the table in registers (the shared loop with the alias
 * draw was about twice as slow per word).
 */
function addHalfWordLookups(tables: Float64Array, state: Int32Array, batch: number): void {
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  // Two masks per iteration: V8 re-checks the array's map and reloads its length and data pointer
  // after every loop back edge, so fewer iterations cost less (the same words, in order). The
  // totals' offset is a literal: a module constant, even a small integer, is reloaded from the
  // module context and re-checked on every use.
  const end = (1024 + batch) | 0;
  let i = 1024;
  for (; i + 1 < end; i += 2) {
    const word = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + word) | 0;
    const next = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + next) | 0;
    tables[i] = tables[i]! + (tables[word & 255]! + tables[256 + ((word >>> 8) & 255)]! + tables[512 + ((word >>> 16) & 255)]! + tables[768 + (word >>> 24)]!);
    tables[i + 1] = tables[i + 1]! + (tables[next & 255]! + tables[256 + ((next >>> 8) & 255)]! + tables[512 + ((next >>> 16) & 255)]! + tables[768 + (next >>> 24)]!);
  }
  for (; i < end; i++) {
    const word = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + word) | 0;
    tables[i] = tables[i]! + (tables[word & 255]! + tables[256 + ((word >>> 8) & 255)]! + tables[512 + ((word >>> 16) & 255)]! + tables[768 + (word >>> 24)]!);
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}
