/**
 * The table of every mask of a small vector: the question's own way of looking at dropout.
 * Row r has m_i = bit (n−1−i) of r, so rows read as binary numbers with unit 1 first:
 * for n = 4 the question's mask (0, 0, 1, 1) is row 3.
 */
import { scalarScale } from './compensations.ts';
import { maskDraw } from './maskModels.ts';
import type { Compensation } from './types.ts';

/** One keep-mask m and what it does to x (listMasks: Bernoulli model, inverted compensation). */
export interface MaskRow {
  /** m_i ∈ {0, 1}, 1 = kept. */
  readonly mask: readonly (0 | 1)[];
  /** k = Σ m_i. */
  readonly kept: number;
  /** P(m) = q^k (1−q)^(n−k) (fixed model: 1/C(n, k)). */
  readonly probability: number;
  /** ‖m⊙x‖. */
  readonly maskedNorm: number;
  /** ‖y‖ = s·‖m⊙x‖, the norm after compensation (listMasks: ‖m⊙x‖/q). */
  readonly compensatedNorm: number;
  /** s for this mask: 1/q for listMasks; for 'match' ‖x‖/‖m⊙x‖, and 0 when m⊙x = 0 (output taken as 0). */
  readonly scale: number;
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
      scale: 1 / keep,
    });
  }
  return rows;
}

/** Which masks and which compensation maskRows lists. */
export interface MaskRowsInput {
  readonly x: readonly number[];
  /** q (Bernoulli); ignored by the fixed model, where q = kept/n. */
  readonly keep: number;
  readonly model: 'bernoulli' | 'fixed';
  /** k for the fixed model (0 … n). */
  readonly kept?: number;
  readonly compensation: Compensation;
  /** c* for 'constant'. */
  readonly constantScale?: number;
}

/**
 * The masks of x (n ≤ MAX_LISTED_UNITS) with probabilities and norms for either unit model and any
 * compensation: all 2ⁿ rows for Bernoulli, the C(n, k) rows with k kept for the fixed model (1/C(n, k)
 * each), in the row order of listMasks.
 */
export function maskRows(input: MaskRowsInput): MaskRow[] {
  const { x, model, compensation } = input;
  const n = x.length;
  const draw = maskDraw(model, n, input.keep, input.kept);
  const { q, kept } = draw;
  if (kept !== null && !(Number.isInteger(kept) && kept >= 0 && kept <= n)) {
    throw new RangeError(`kept must be a whole number from 0 to ${n}, got ${kept}`);
  }
  // A fixed count lists the C(n, k) masks with k kept, each 1/C(n, k); independent units all 2ⁿ.
  const all = listMasks(x, kept === null ? q : 0.5);
  const rows = kept === null ? all : all.filter((row) => row.kept === kept);
  const norm = Math.hypot(...x);
  const scalar = scalarScale(compensation, q, input.constantScale ?? Number.NaN);
  const perSample = scalar === null;
  return rows.map((row) => {
    const scale = perSample ? (row.maskedNorm > 0 ? norm / row.maskedNorm : 0) : scalar;
    return {
      mask: row.mask,
      kept: row.kept,
      probability: kept === null ? row.probability : 1 / rows.length,
      maskedNorm: row.maskedNorm,
      compensatedNorm: perSample ? (row.maskedNorm > 0 ? norm : 0) : scale * row.maskedNorm,
      scale,
    };
  });
}
