/**
 * Bernoulli(q) keep-bits, 32 at a time, for the Monte Carlo kernels.
 *
 * A byte of 8 keep-bits is drawn in one go from its exact law P(v) = q^{|v|}(1−q)^{8−|v|} with
 * Walker's alias method: a column c (8 random bits) and a 31-bit uniform u give v = c if
 * u < T_c·2³¹, else alias[c]. One random word supplies the four columns of a 32-bit mask word and
 * four more words the thresholds: 5 words per 32 units instead of 32 for one-word-per-unit
 * threshold sampling (docs/architecture.md#monte-carlo-per-frame), and the choice is branch-free
 * (the sign of the int32 `(u − T) | 0` as the flag). Thresholds are rounded to 2⁻³¹, so every byte probability is
 * exact to within 2⁻³²: the same precision as a 31-bit threshold per unit. q = ½ uses the random
 * word itself (exact), q = 1 keeps every unit without drawing.
 */

/** How a 32-bit keep-mask word is produced for one keep probability. */
export interface MaskWordLaw {
  /** 'all': every unit kept (q = 1); 'half': the word is a random word (q = ½); 'alias': byte alias draw. */
  readonly mode: 'all' | 'half' | 'alias';
  /** T_c·2³¹ for the 256 columns (integers in [0, 2³¹]). */
  readonly thresholds: Float64Array;
  /** alias[c], the byte returned when u ≥ T_c·2³¹. */
  readonly aliases: Int32Array;
  /**
   * Both, interleaved for the kernels: table[2c] = T_c·2³¹ as an int32 (2³¹ wraps to −2³¹) and
   * table[2c + 1] = alias[c]. One small integer array instead of a float and an integer one: V8
   * checks and reloads each typed array a loop reads on every iteration, and `(u − table[2c]) | 0`
   * stays in integer registers. u < T exactly when that difference is negative: with 0 ≤ u < 2³¹
   * and 0 ≤ T ≤ 2³¹ the true difference lies in [−2³¹, 2³¹), which int32 arithmetic holds exactly
   * (T = 2³¹ stored as −2³¹ gives u + 2³¹ ≡ u − 2³¹ mod 2³², the same number). About 30 % less time
   * per mask word than the Float64Array of thresholds at q = 0.8.
   */
  readonly table: Int32Array;
}

/** Number of units with bit set in byte v. */
function bitCount(v: number): number {
  let count = 0;
  for (let b = v; b !== 0; b >>= 1) count += b & 1;
  return count;
}

/** Walker/Vose alias table of the byte law for keep probability q ∈ (0, 1]. */
export function maskWordLaw(keep: number): MaskWordLaw {
  const thresholds = new Float64Array(256);
  const aliases = new Int32Array(256);
  const table = new Int32Array(512);
  if (keep === 1) return { mode: 'all', thresholds, aliases, table };
  if (keep === 0.5) return { mode: 'half', thresholds, aliases, table };
  const scaled = new Float64Array(256); // 256·P(v): the mean column holds exactly 1
  for (let v = 0; v < 256; v++) {
    const kept = bitCount(v);
    scaled[v] = 256 * keep ** kept * (1 - keep) ** (8 - kept);
  }
  const small: number[] = [];
  const large: number[] = [];
  for (let v = 0; v < 256; v++) (scaled[v]! < 1 ? small : large).push(v);
  const share = new Float64Array(256).fill(1);
  for (let v = 0; v < 256; v++) aliases[v] = v;
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    share[s] = scaled[s]!;
    aliases[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    (scaled[l]! < 1 ? small : large).push(l);
  }
  // Leftovers are 1 up to rounding: they keep their own column entirely.
  for (let c = 0; c < 256; c++) {
    thresholds[c] = Math.round(share[c]! * 2 ** 31);
    table[2 * c] = thresholds[c]! | 0;
    table[2 * c + 1] = aliases[c]!;
  }
  return { mode: 'alias', thresholds, aliases, table };
}

/**
 * Fills maskWords[0 … count) with keep-mask words (bit l of a word = unit l kept), advancing the
 * sfc32 state (random.ts) with the step inlined: t = a + b + d; d += 1; a = b ^ (b >>> 9);
 * b = c + (c << 3); c = rotl(c, 21) + t. A top-level function over typed arrays, so V8 compiles one
 * version for every keep probability.
 */
export function fillMaskWords(law: MaskWordLaw, state: Int32Array, maskWords: Int32Array, count: number): void {
  if (law.mode === 'all') maskWords.fill(-1, 0, count);
  else if (law.mode === 'half') fillHalfWords(state, maskWords, count);
  else fillAliasWords(law.table, state, maskWords, count);
}

/** fillMaskWords at q = ½: each sfc32 word is a mask word. */
function fillHalfWords(state: Int32Array, maskWords: Int32Array, count: number): void {
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  for (let w = 0; w < count; w++) {
    const r = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + r) | 0;
    maskWords[w] = r;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

/**
 * fillMaskWords at any other q: one sfc32 word of four columns, then per byte one draw against the
 * column's threshold (MaskWordLaw.table). A loop of its own, without the other laws' branch: inside
 * fillMaskWords the DropConnect batch (131,072 words at n = 1024) ran at 1.8 or 2.8 µs a mask from
 * one process to the next.
 */
function fillAliasWords(aliasTable: Int32Array, state: Int32Array, maskWords: Int32Array, count: number): void {
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  for (let w = 0; w < count; w++) {
    const columns = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + columns) | 0;
    // The four alias bytes written out (V8 does not unroll the 4-step loop); the same draws in order.
    let r = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + r) | 0;
    let column = columns & 255;
    let other = aliasTable[(column << 1) | 1]!;
    let word = other ^ ((column ^ other) & ((((r >>> 1) - aliasTable[column << 1]!) | 0) >> 31)); // branch-free u < T: the column's byte
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
    maskWords[w] = word;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}
