/**
 * Order statistics of the sampled norms ‖y‖ in bounded memory, for the median and its interval.
 *
 * The first PILOT_SIZE values are kept exactly; while no more have been drawn, order statistics are
 * exact. At the PILOT_SIZE-th value a grid is fixed: COARSE_CELLS equal cells over [0, maxValue]
 * and, inside the coarse cells that hold the pilot's central 99.8 % (widened by a quarter of its
 * span on each side), FINE_CELLS equal cells. Every value then lands in one cell, which records its
 * count, smallest and largest value. The j-th smallest value is read from the cell that holds rank
 * j: exact when the cell holds a single distinct value (atoms, e.g. the all-kept mask), otherwise
 * interpolated linearly in rank between the cell's smallest and largest value, so its error is
 * below one fine cell: (window width)/4096, i.e. about 1/600 of a standard deviation of ‖y‖ for a
 * unimodal law. The grid depends only on the first PILOT_SIZE values, so results do not depend on
 * how sampling was split into calls.
 */

export const PILOT_SIZE = 4096;
export const COARSE_CELLS = 4096;
export const FINE_CELLS = 4096;
/** Length of QuantileGrid.cells: count, smallest and largest value of each of the cells. */
export const GRID_CELLS_SIZE = 3 * (COARSE_CELLS + FINE_CELLS);

export interface NormQuantileSketch {
  /** Adds one value in [0, maxValue] (values outside are clamped into the end cells). */
  add(value: number): void;
  /** Number of values added. */
  count(): number;
  /** The rank-th smallest value added (1-based, clamped to [1, count]); NaN when empty. */
  orderStatistic(rank: number): number;
  /** The cells, for batch loops that add values past the pilot themselves (sampleStreams.ts). */
  readonly grid: QuantileGrid;
}

/**
 * The sketch's state. Past the pilot a value v goes to cell c = gridCell(grid, v), whose count,
 * smallest and largest value (cells[3c], cells[3c + 1], cells[3c + 2]: one or two cache lines per
 * value instead of three) it updates, and `added` counts it.
 */
export interface QuantileGrid {
  readonly cells: Float64Array;
  /** 1 / coarse cell width. */
  coarseScale: number;
  /** Fine window [windowLow, windowHigh) = coarse cells [firstCoarse, endCoarse); empty until set. */
  firstCoarse: number;
  endCoarse: number;
  windowLow: number;
  windowHigh: number;
  fineScale: number;
  added: number;
}

/** The cell of `value` (the grid must be fixed, i.e. at least PILOT_SIZE values added). */
export function gridCell(grid: QuantileGrid, value: number): number {
  if (value >= grid.windowLow && value < grid.windowHigh) {
    return COARSE_CELLS + Math.min(FINE_CELLS - 1, Math.floor((value - grid.windowLow) * grid.fineScale));
  }
  let cell = Math.min(COARSE_CELLS - 1, Math.max(0, Math.floor(value * grid.coarseScale)));
  // A value just outside the window that rounding put into a window cell goes next to it.
  if (cell >= grid.firstCoarse && cell < grid.endCoarse) {
    cell = value < grid.windowLow ? grid.firstCoarse - 1 : grid.endCoarse;
    if (cell < 0) return COARSE_CELLS;
    if (cell >= COARSE_CELLS) return COARSE_CELLS + FINE_CELLS - 1;
  }
  return cell;
}

/**
 * `cells`: where the grid's cells live (GRID_CELLS_SIZE zeros; default a new array), so that a batch
 * loop can keep them in one typed array with other state (sampleStreams.ts).
 */
export function createNormQuantileSketch(maxValue: number, cells = new Float64Array(GRID_CELLS_SIZE)): NormQuantileSketch {
  if (cells.length !== GRID_CELLS_SIZE) throw new RangeError(`the quantile grid needs ${GRID_CELLS_SIZE} cells, got ${cells.length}`);
  const top = maxValue > 0 && Number.isFinite(maxValue) ? maxValue : 1;
  const pilot = new Float64Array(PILOT_SIZE);
  const coarseWidth = top / COARSE_CELLS;
  for (let c = 0; c < COARSE_CELLS + FINE_CELLS; c++) {
    cells[3 * c] = 0;
    cells[3 * c + 1] = Number.POSITIVE_INFINITY;
    cells[3 * c + 2] = Number.NEGATIVE_INFINITY;
  }
  const grid: QuantileGrid = {
    cells,
    coarseScale: 1 / coarseWidth,
    firstCoarse: 0,
    endCoarse: 0,
    windowLow: 0,
    windowHigh: 0,
    fineScale: 0,
    added: 0,
  };
  const record = (value: number): void => {
    const at = 3 * gridCell(grid, value);
    cells[at] = cells[at]! + 1;
    if (value < cells[at + 1]!) cells[at + 1] = value;
    if (value > cells[at + 2]!) cells[at + 2] = value;
  };

  const fixGrid = (): void => {
    const sorted = pilot.slice().sort();
    const low = sorted[Math.ceil(0.001 * PILOT_SIZE) - 1]!;
    const high = sorted[Math.floor(0.999 * PILOT_SIZE) - 1]!;
    const span = high - low;
    if (span > 0) {
      grid.firstCoarse = Math.max(0, Math.floor((low - span / 4) / coarseWidth));
      grid.endCoarse = Math.min(COARSE_CELLS, Math.floor((high + span / 4) / coarseWidth) + 1);
      grid.windowLow = grid.firstCoarse * coarseWidth;
      grid.windowHigh = grid.endCoarse === COARSE_CELLS ? Number.POSITIVE_INFINITY : grid.endCoarse * coarseWidth;
      grid.fineScale = FINE_CELLS / ((grid.endCoarse - grid.firstCoarse) * coarseWidth);
    }
    for (const value of pilot) record(value);
  };

  /** Cells in increasing order of value. */
  const orderedCells = function* (): Generator<number> {
    const { firstCoarse, endCoarse } = grid;
    for (let c = 0; c < firstCoarse; c++) yield c;
    if (endCoarse > firstCoarse) for (let f = 0; f < FINE_CELLS; f++) yield COARSE_CELLS + f;
    for (let c = endCoarse > firstCoarse ? endCoarse : firstCoarse; c < COARSE_CELLS; c++) yield c;
  };

  return {
    grid,
    add(value: number): void {
      if (grid.added < PILOT_SIZE) {
        pilot[grid.added] = value;
        grid.added++;
        if (grid.added === PILOT_SIZE) fixGrid();
      } else {
        record(value);
        grid.added++;
      }
    },
    count: () => grid.added,
    orderStatistic(rank: number): number {
      const added = grid.added;
      if (added === 0) return Number.NaN;
      const j = Math.min(added, Math.max(1, Math.round(rank)));
      if (added < PILOT_SIZE) return pilot.subarray(0, added).slice().sort()[j - 1]!;
      let before = 0;
      for (const cell of orderedCells()) {
        const inCell = cells[3 * cell]!;
        if (before + inCell >= j) {
          const low = cells[3 * cell + 1]!;
          const high = cells[3 * cell + 2]!;
          return inCell === 1 || low === high ? low : low + ((high - low) * (j - before - 1)) / (inCell - 1);
        }
        before += inCell;
      }
      return Number.NaN;
    },
  };
}

/**
 * Distribution-free 95% interval for the median from order statistics: ranks
 * ⌊(N − 1.96√N)/2⌋ and ⌈1 + (N + 1.96√N)/2⌉ (normal approximation to the Binomial(N, ½) count
 * below the median), clamped to [1, N].
 */
export function medianRanks(count: number): { median: number; low: number; high: number } {
  const half = 1.959963984540054 * Math.sqrt(count);
  return {
    median: Math.max(1, Math.ceil(count / 2)),
    low: Math.max(1, Math.floor((count - half) / 2)),
    high: Math.min(count, Math.ceil(1 + (count + half) / 2)),
  };
}
