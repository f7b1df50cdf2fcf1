/**
 * DropConnect by exact enumeration of all 2^(d·n) weight masks M (d·n ≤ 20), u = (M⊙W)x unscaled.
 * Rows are independent, so each row's 2ⁿ partial sums u_j(m_j) = Σ_i m_ji W_ji x_i are tabled once
 * (each from the table entry without its lowest unit, a fixed order), and a joint mask costs d table
 * reads: R² = ‖u‖² = Σ_j u_j(m_j)². Per kept count K it keeps every R, sorted afterwards, Σ R, and for
 * per-sample matching Σ u_j/R and Σ u_1²/R² (over R > 0). Probabilities come from sorted lists by
 * binary search, as integer count differences times q^K(1−q)^(dn−K).
 */
import { addCompensated } from './compensatedSum.ts';
import type { DropConnectWeights } from './dropConnect.ts';
import { binomial } from './maskLaw.ts';
import type { ChunkedJob } from './workBudget.ts';

const BLOCK = 4096;
const WORK_PER_MASK = 6;

export interface DropConnectEnumeration extends ChunkedJob {
  /** Per kept count K: every ‖u‖, sorted once done. */
  readonly norms: readonly Float64Array[];
  /** Σ ‖u‖ per K. */
  rootSums(): Float64Array;
  /** Σ u_j/‖u‖ per K (row-major K × d) and Σ u_1²/‖u‖² per K, over masks with ‖u‖ > 0. */
  directionSums(): { directions: Float64Array; firstSquared: Float64Array };
}

export function enumerateDropConnect(x: readonly number[], weights: DropConnectWeights): DropConnectEnumeration {
  const n = x.length;
  const rows = weights.rows;
  const bits = rows * n;
  const size = 2 ** n;
  const rowSums = new Float64Array(rows * size);
  const popcount = new Uint8Array(size);
  for (let j = 0; j < rows; j++) {
    for (let m = 1; m < size; m++) {
      const lowest = 31 - Math.clz32(m & -m);
      const c = (weights.values[j * n + lowest] ?? 0) * (x[lowest] ?? 0);
      rowSums[j * size + m] = rowSums[j * size + (m & (m - 1))]! + c;
      if (j === 0) popcount[m] = popcount[m & (m - 1)]! + 1;
    }
  }
  const norms = Array.from({ length: bits + 1 }, (_, k) => new Float64Array(binomial(bits, k)));
  const filled = new Int32Array(bits + 1);
  const block = new Float64Array((bits + 1) * (rows + 2));
  const totals = new Float64Array(block.length);
  const errors = new Float64Array(block.length);
  const stride = rows + 2; // per K: Σ R, Σ u_j/R (rows), Σ u_1²/R²
  const masks = 2 ** bits;
  const unitMask = size - 1;
  let next = 0;
  let sorted = 0;

  const visit = (from: number, to: number): void => {
    for (let t = from; t < to; t++) {
      let squares = 0;
      let kept = 0;
      for (let j = 0; j < rows; j++) {
        const m = (t >>> (j * n)) & unitMask;
        const u = rowSums[j * size + m]!;
        squares += u * u;
        kept += popcount[m]!;
      }
      const root = Math.sqrt(squares);
      norms[kept]![filled[kept]!] = root;
      filled[kept] = filled[kept]! + 1;
      const base = kept * stride;
      block[base] = block[base]! + root;
      if (squares > 0) {
        for (let j = 0; j < rows; j++) {
          const m = (t >>> (j * n)) & unitMask;
          block[base + 1 + j] = block[base + 1 + j]! + rowSums[j * size + m]! / root;
        }
        block[base + 1 + rows] = block[base + 1 + rows]! + rowSums[t & unitMask]! ** 2 / squares;
      }
    }
    for (let i = 0; i < block.length; i++) {
      addCompensated(totals, errors, i, block[i]!);
      block[i] = 0;
    }
  };

  const total = (i: number): number => totals[i]! + errors[i]!;
  return {
    norms,
    get done() {
      return sorted > bits;
    },
    advance(maxWork: number): number {
      if (next < masks) {
        const end = Math.min(masks, next + Math.max(BLOCK, Math.ceil(maxWork / WORK_PER_MASK)));
        const start = next;
        for (; next < end; next = Math.min(end, next + BLOCK)) visit(next, Math.min(end, next + BLOCK));
        return (end - start) * WORK_PER_MASK;
      }
      const list = norms[sorted++]!;
      list.sort();
      return list.length * 20;
    },
    rootSums: () => Float64Array.from({ length: bits + 1 }, (_, k) => total(k * stride)),
    directionSums: () => ({
      directions: Float64Array.from({ length: (bits + 1) * rows }, (_, i) => total(Math.floor(i / rows) * stride + 1 + (i % rows))),
      firstSquared: Float64Array.from({ length: bits + 1 }, (_, k) => total(k * stride + 1 + rows)),
    }),
  };
}

/** Index of the first element of a sorted list with test(value) true (test false … false, true … true). */
export function firstWhere(list: Float64Array, test: (value: number) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(list[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}
