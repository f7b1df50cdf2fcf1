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

export interface NormQuantileSketch {
  /** Adds one value in [0, maxValue] (values outside are clamped into the end cells). */
  add(value: number): void;
  /** Number of values added. */
  count(): number;
  /** The rank-th smallest value added (1-based, clamped to [1, count]); NaN when empty. */
  orderStatistic(rank: number): number;
}

export function createNormQuantileSketch(maxValue: number): NormQuantileSketch {
  const top = maxValue > 0 && Number.isFinite(maxValue) ? maxValue : 1;
  const pilot = new Float64Array(PILOT_SIZE);
  const cellCount = new Float64Array(COARSE_CELLS + FINE_CELLS);
  const cellMin = new Float64Array(COARSE_CELLS + FINE_CELLS).fill(Number.POSITIVE_INFINITY);
  const cellMax = new Float64Array(COARSE_CELLS + FINE_CELLS).fill(Number.NEGATIVE_INFINITY);
  const coarseWidth = top / COARSE_CELLS;
  // Fine window [windowLow, windowHigh) = coarse cells [firstCoarse, endCoarse); empty until set.
  let firstCoarse = 0;
  let endCoarse = 0;
  let windowLow = 0;
  let windowHigh = 0;
  let fineScale = 0;
  let added = 0;

  const cellOf = (value: number): number => {
    if (value >= windowLow && value < windowHigh) {
      return COARSE_CELLS + Math.min(FINE_CELLS - 1, Math.floor((value - windowLow) * fineScale));
    }
    let cell = Math.min(COARSE_CELLS - 1, Math.max(0, Math.floor(value / coarseWidth)));
    // A value just outside the window that rounding put into a window cell goes next to it.
    if (cell >= firstCoarse && cell < endCoarse) {
      cell = value < windowLow ? firstCoarse - 1 : endCoarse;
      if (cell < 0) return COARSE_CELLS;
      if (cell >= COARSE_CELLS) return COARSE_CELLS + FINE_CELLS - 1;
    }
    return cell;
  };

  const record = (value: number): void => {
    const cell = cellOf(value);
    cellCount[cell] = cellCount[cell]! + 1;
    if (value < cellMin[cell]!) cellMin[cell] = value;
    if (value > cellMax[cell]!) cellMax[cell] = value;
  };

  const fixGrid = (): void => {
    const sorted = pilot.slice().sort();
    const low = sorted[Math.ceil(0.001 * PILOT_SIZE) - 1]!;
    const high = sorted[Math.floor(0.999 * PILOT_SIZE) - 1]!;
    const span = high - low;
    if (span > 0) {
      firstCoarse = Math.max(0, Math.floor((low - span / 4) / coarseWidth));
      endCoarse = Math.min(COARSE_CELLS, Math.floor((high + span / 4) / coarseWidth) + 1);
      windowLow = firstCoarse * coarseWidth;
      windowHigh = endCoarse === COARSE_CELLS ? Number.POSITIVE_INFINITY : endCoarse * coarseWidth;
      fineScale = FINE_CELLS / ((endCoarse - firstCoarse) * coarseWidth);
    }
    for (const value of pilot) record(value);
  };

  /** Cells in increasing order of value. */
  const orderedCells = function* (): Generator<number> {
    for (let c = 0; c < firstCoarse; c++) yield c;
    if (endCoarse > firstCoarse) for (let f = 0; f < FINE_CELLS; f++) yield COARSE_CELLS + f;
    for (let c = endCoarse > firstCoarse ? endCoarse : firstCoarse; c < COARSE_CELLS; c++) yield c;
  };

  return {
    add(value: number): void {
      if (added < PILOT_SIZE) {
        pilot[added] = value;
        added++;
        if (added === PILOT_SIZE) fixGrid();
      } else {
        record(value);
        added++;
      }
    },
    count: () => added,
    orderStatistic(rank: number): number {
      if (added === 0) return Number.NaN;
      const j = Math.min(added, Math.max(1, Math.round(rank)));
      if (added < PILOT_SIZE) return pilot.subarray(0, added).slice().sort()[j - 1]!;
      let before = 0;
      for (const cell of orderedCells()) {
        const inCell = cellCount[cell]!;
        if (before + inCell >= j) {
          const low = cellMin[cell]!;
          const high = cellMax[cell]!;
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
