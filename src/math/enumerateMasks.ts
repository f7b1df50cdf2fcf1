/**
 * Exact enumeration of all 2ⁿ keep-masks from two tables: mask i keeps unit j when bit j of i is
 * set; its low ⌊n/2⌋ bits index the sub-mask sums of half A and the high bits those of half B, so
 * S = T_A[lo] + T_B[hi] and k = k_A[lo] + k_B[hi] (two loads per mask, no carried sum that could
 * drift), in the summation order every exact method shares (gridUnits.ts).
 *
 * Per mask it records, for every kept count k (so the fixed model gets every k for free and the
 * Bernoulli weights q^k(1−q)^(n−k) are applied afterwards):
 * - counts[k·(T+1) + j]: masks with exactly j of the sorted thresholds τ ≤ S (interval counts);
 * - Σ (√S − c) and Σ (√S − c)² around a centre c given by the caller (√E S is the natural one: it is
 *   within one sd of E√S, so Var √S = E(√S − c)² − (E√S − c)² loses no more than a factor of two,
 *   and a law with one atom gives exactly 0), added per block of BLOCK masks and then Neumaier-summed
 *   across blocks.
 * The interval index j is found without a search: a table of cells uniform in √S gives the number of
 * thresholds certainly below S, and a short scan over the thresholds of the same cell finishes it
 * (16 cells per threshold up to 4096 cells: most cells hold none, so the scan's exit is nearly always
 * predicted).
 * Masks are walked row by row (T_B[hi], k_B[hi] fixed over a row of 2^⌊n/2⌋), and within a row T_A
 * group by group of its kept count k_A (a stable counting sort, once): within a run k is fixed, so
 * its Σ (√S − c) and Σ (√S − c)² are two registers, flushed into the block sums after the run
 * (docs/architecture.md#v8-pitfalls: accumulated in the heap slot of the run's k, each mask was a
 * load–add–store chain on one address). Positions, not mask indices, are enumerated: position
 * hi·2^⌊n/2⌋ + p is the mask of B sub-mask hi and the p-th A sub-mask in grouped order, so every
 * prefix of positions is a set of distinct masks.
 */
import { addCompensated } from './compensatedSum.ts';
import { groupByKept, halfSums, type GridUnits } from './gridUnits.ts';
import { binomial } from './maskLaw.ts';
import type { ChunkedJob } from './workBudget.ts';

/** Masks per kernel call; per-k root sums are flushed into the compensated totals after each. */
const BLOCK = 4096;
/** Work units per enumerated mask (workBudget.ts). */
export const ENUMERATE_WORK_PER_MASK = 2;

export interface MaskEnumeration extends ChunkedJob {
  readonly units: number;
  /** 2ⁿ. */
  readonly masks: number;
  readonly visited: number;
  /** The sorted thresholds τ_0 ≤ … ≤ τ_{T−1} on S. */
  readonly thresholds: Float64Array;
  /** counts[k·(T+1) + j]: masks with k kept and exactly j thresholds ≤ S. */
  readonly counts: Float64Array;
  /** Σ √S over the masks with k kept, k = 0 … n. */
  rootSums(): Float64Array;
  /** Σ (√S − c) and Σ (√S − c)² over the masks with k kept, c the centre (units of √S). */
  deviationSums(): { readonly first: Float64Array; readonly second: Float64Array };
}

/** Kernel state, one monomorphic object. */
interface State {
  /**
   * The kernel's doubles in one array (fewer array bases and lengths for the hot loop to keep in
   * registers): T_A at [0, 2^⌊n/2⌋), the thresholds and an Infinity sentinel at boundsAt, per kept
   * count k the block sums Σ (√S − c) at firstAt + 2k and Σ (√S − c)² at firstAt + 2k + 1, and the
   * counts at countsAt (slot k·(T+1) + j; `counts` is a view of them).
   */
  readonly heap: Float64Array;
  readonly boundsAt: number;
  readonly firstAt: number;
  readonly countsAt: number;
  /** centre, rootLow, cellScale and cells − ½ (c ≥ cells − ½ and c ∈ [cells − 1, cells − ½) both give cell cells − 1). */
  readonly constantsAt: number;
  /** T_A is stored grouped by kept count k_A (stable): group g at [groupStarts[g], groupStarts[g + 1]). */
  readonly groupStarts: Int32Array;
  readonly unitsA: number;
  readonly bSums: Float64Array;
  readonly bKept: Uint8Array;
  /** ⌊n/2⌋ and 2^⌊n/2⌋ − 1. */
  readonly shift: number;
  readonly lowMask: number;
  /** cellBase[c] = boundsAt + the number of thresholds whose cell is below c. */
  readonly cellBase: Int32Array;
  readonly cells: number;
  /** Cell of S: floor((√S − rootLow)·cellScale), clamped to [0, cells − 1]. */
  readonly rootLow: number;
  readonly cellScale: number;
  readonly counts: Float64Array;
  readonly stride: number;
  readonly centre: number;
}

/** Kept counts of the sub-masks of a half of `units` units. */
export function halfKept(units: number): Uint8Array {
  const kept = new Uint8Array(2 ** units);
  for (let m = 1; m < kept.length; m++) kept[m] = kept[m >>> 1]! + (m & 1);
  return kept;
}

/**
 * Positions [from, to) of the row hi: T_B[hi] and k_B[hi] stay in registers, and T_A runs group by
 * group, so within a run k_A is fixed and the block sums and the counts row are fixed slots.
 */
function enumerateRow(e: State, hi: number, from: number, to: number): void {
  const starts = e.groupStarts;
  for (let g = 0; g <= e.unitsA; g++) {
    const lo = Math.max(from, starts[g]!);
    const end = Math.min(to, starts[g + 1]!);
    if (lo < end) enumerateRun(e, hi, g, lo, end);
  }
}

/** Positions [from, to) of the row hi, all in kept-count group g of A. */
function enumerateRun(e: State, hi: number, g: number, from: number, to: number): void {
  const heap = e.heap;
  const cellBase = e.cellBase;
  // Doubles read from the heap are doubles in the loop (a field or local holding 0 would be a small
  // integer, converted on every use; so are the two sums, which start from their block slots).
  const at = e.constantsAt;
  const centre = heap[at]!;
  const rootLow = heap[at + 1]!;
  const cellScale = heap[at + 2]!;
  const limit = heap[at + 3]!;
  const last = e.cells - 1;
  const b = e.bSums[hi]!;
  const kept = e.bKept[hi]! + g;
  // This run's block sums, and its counts row (j counted from boundsAt).
  const f = (e.firstAt + 2 * kept) | 0;
  const countsAt = (e.countsAt + kept * e.stride - e.boundsAt) | 0;
  let first = heap[f]!;
  let second = heap[f + 1]!;
  for (let lo = from; lo < to; lo++) {
    const sum = heap[lo]! + b;
    const root = Math.sqrt(sum);
    const deviation = root - centre;
    first += deviation;
    second += deviation * deviation;
    const c = (root - rootLow) * cellScale;
    let j = cellBase[c < 0 ? 0 : c >= limit ? last : c | 0]!;
    while (sum >= heap[j]!) j++;
    const slot = countsAt + j;
    heap[slot] = heap[slot]! + 1;
  }
  heap[f] = first;
  heap[f + 1] = second;
}

/** Positions [from, to), row by row (position i = hi·2^⌊n/2⌋ + lo, lo in grouped order). */
function enumerateBlock(e: State, from: number, to: number): void {
  const shift = e.shift;
  const lowMask = e.lowMask;
  let i = from;
  while (i < to) {
    const lo = i & lowMask;
    const end = Math.min(to - i, lowMask + 1 - lo);
    enumerateRow(e, i >>> shift, lo, lo + end);
    i += end;
  }
}

/**
 * A resumable enumeration of every mask against sorted thresholds τ (doubles in [0, nextSum(total)]). Cells are uniform in √S between √τ_0 and √τ_{T−1} (or √total), so the thresholds
 * of a histogram and those of a narrow median refinement are both spread over the cells.
 */
export function enumerateMasks(grid: GridUnits, thresholds: Float64Array, centre = 0): MaskEnumeration {
  const n = grid.squares.length;
  const count = thresholds.length;
  const masks = 2 ** n;
  const bounds = new Float64Array(count + 1);
  bounds.set(thresholds);
  bounds[count] = Number.POSITIVE_INFINITY;
  const low = count > 0 ? Math.min(thresholds[0]!, grid.total) : 0;
  const high = count > 0 ? Math.min(thresholds[count - 1]!, grid.total) : grid.total;
  const cells = Math.max(256, Math.min(16 * count, 4096));
  const rootLow = Math.sqrt(low);
  const span = Math.sqrt(high) - rootLow;
  const cellScale = span > 0 ? cells / span : 0;
  const shift = grid.splitAt;
  const { sums: aSums, starts: groupStarts } = groupByKept(halfSums(grid.squares, 0, shift), halfKept(shift), shift);
  const boundsAt = aSums.length;
  // Cell c holds boundsAt + the first j whose own cell (unclamped above) is ≥ c, so S in cell c is
  // certainly ≥ the thresholds before it. Filled per threshold (a short call runs this in the
  // interpreter: one step per threshold, not per cell).
  const cellBase = new Int32Array(cells);
  let filled = 0;
  for (let j = 0; j < count && filled < cells; j++) {
    const own = Math.max(0, Math.floor((Math.sqrt(thresholds[j]!) - rootLow) * cellScale));
    const end = Math.min(cells, own + 1);
    if (end > filled) {
      cellBase.fill(boundsAt + j, filled, end);
      filled = end;
    }
  }
  cellBase.fill(boundsAt + count, filled);
  const stride = count + 1;
  const firstAt = boundsAt + bounds.length;
  const countsAt = firstAt + 2 * (n + 1);
  const constantsAt = countsAt + (n + 1) * stride;
  const heap = new Float64Array(constantsAt + 4);
  heap.set(aSums);
  heap.set(bounds, boundsAt);
  heap.set([centre, rootLow, cellScale, cells - 0.5], constantsAt);
  const state: State = {
    heap,
    boundsAt,
    firstAt,
    countsAt,
    constantsAt,
    groupStarts,
    unitsA: shift,
    bSums: halfSums(grid.squares, shift, n),
    bKept: halfKept(n - shift),
    shift,
    lowMask: 2 ** shift - 1,
    cellBase,
    cells,
    rootLow,
    cellScale,
    counts: heap.subarray(countsAt, constantsAt),
    stride,
    centre,
  };
  // Compensated totals: slot k = Σ (√S − c), slot n + 1 + k = Σ (√S − c)².
  const totals = new Float64Array(2 * (n + 1));
  const errors = new Float64Array(2 * (n + 1));
  let visited = 0;
  return {
    units: n,
    masks,
    thresholds,
    counts: state.counts,
    get visited() {
      return visited;
    },
    get done() {
      return visited >= masks;
    },
    advance(maxWork: number): number {
      const start = visited;
      const end = Math.min(masks, start + Math.max(1, Math.ceil(maxWork / ENUMERATE_WORK_PER_MASK)));
      while (visited < end) {
        const to = Math.min(end, visited + BLOCK);
        enumerateBlock(state, visited, to);
        for (let k = 0; k <= n; k++) {
          addCompensated(totals, errors, k, heap[firstAt + 2 * k]!);
          addCompensated(totals, errors, n + 1 + k, heap[firstAt + 2 * k + 1]!);
          heap[firstAt + 2 * k] = 0;
          heap[firstAt + 2 * k + 1] = 0;
        }
        visited = to;
      }
      return (visited - start) * ENUMERATE_WORK_PER_MASK;
    },
    rootSums(): Float64Array {
      return Float64Array.from({ length: n + 1 }, (_, k) => totals[k]! + errors[k]! + binomial(n, k) * centre);
    },
    deviationSums() {
      return {
        first: Float64Array.from({ length: n + 1 }, (_, k) => totals[k]! + errors[k]!),
        second: Float64Array.from({ length: n + 1 }, (_, k) => totals[n + 1 + k]! + errors[n + 1 + k]!),
      };
    },
  };
}
