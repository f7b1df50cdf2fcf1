/**
 * The table of every mask of a small vector: the question's own way of looking at dropout.
 * Row r has m_i = bit (n−1−i) of r, so rows read as binary numbers with unit 1 first:
 * for n = 4 the question's mask (0, 0, 1, 1) is row 3.
 */

/** One keep-mask m and what it does to x under the Bernoulli model with keep probability q. */
export interface MaskRow {
  /** m_i ∈ {0, 1}, 1 = kept. */
  readonly mask: readonly (0 | 1)[];
  /** k = Σ m_i. */
  readonly kept: number;
  /** P(m) = q^k (1−q)^(n−k). */
  readonly probability: number;
  /** ‖m⊙x‖. */
  readonly maskedNorm: number;
  /** ‖m⊙x‖/q, the norm after inverted-dropout compensation. */
  readonly compensatedNorm: number;
}

/** Largest n for which the full list of masks is produced (2^12 = 4096 rows). */
export const MAX_LISTED_UNITS = 12;

/** q^k (1−q)^(n−k), with 0^0 = 1 so that q = 1 gives the all-kept mask probability 1. */
export function bernoulliMaskProbability(keep: number, kept: number, units: number): number {
  const dropped = units - kept;
  return (kept === 0 ? 1 : keep ** kept) * (dropped === 0 ? 1 : (1 - keep) ** dropped);
}

/** All 2ⁿ masks of x (n ≤ MAX_LISTED_UNITS) with their Bernoulli(q) probabilities and norms. */
export function listMasks(x: readonly number[], keep: number): MaskRow[] {
  const n = x.length;
  if (n < 1 || n > MAX_LISTED_UNITS) {
    throw new RangeError(`listMasks needs 1 ≤ n ≤ ${MAX_LISTED_UNITS}, got n = ${n}`);
  }
  if (!(keep > 0 && keep <= 1)) throw new RangeError(`keep probability must be in (0, 1], got ${keep}`);
  const rows: MaskRow[] = [];
  for (let r = 0; r < 2 ** n; r++) {
    const mask: (0 | 1)[] = [];
    let kept = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const bit = ((r >> (n - 1 - i)) & 1) as 0 | 1;
      mask.push(bit);
      if (bit === 1) {
        kept++;
        const xi = x[i] as number;
        sumSquares += xi * xi;
      }
    }
    const maskedNorm = Math.sqrt(sumSquares);
    rows.push({
      mask,
      kept,
      probability: bernoulliMaskProbability(keep, kept, n),
      maskedNorm,
      compensatedNorm: maskedNorm / keep,
    });
  }
  return rows;
}
