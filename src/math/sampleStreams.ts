/**
 * What every sampled model records per mask: ‖y‖ and, where it has no closed form, the downstream
 * unit z, turned into moments (sampleMoments.ts), the median with its order-statistic interval
 * (sampleQuantiles.ts), the tail probability P(‖y‖ > reference) and the caller's histogram
 * (sampleHistogram.ts). A chunk of norms is recorded at once: one loop for the moments, one that
 * finds each value's histogram bin and quantile cell and counts it in both, and P(‖y‖ > ‖x‖).
 */
import { createEdgeHistogram, EDGE_TOLERANCE, edgeHistogramSize, type EdgeHistogram } from './sampleHistogram.ts';
import { addMoments, centralMoments, createMomentState, meanEstimate, rootMeanSquareEstimate, standardDeviationEstimate, varianceEstimate, Z95 } from './sampleMoments.ts';
import { COARSE_CELLS, createNormQuantileSketch, FINE_CELLS, GRID_CELLS_SIZE, medianRanks, PILOT_SIZE, type NormQuantileSketch } from './sampleQuantiles.ts';
import type { SampleSummary } from './sample.ts';
import type { Estimate, VectorEstimate } from './types.ts';

/** A sampled estimate with the normal 95% interval value ± 1.96·SE. */
function estimate(value: number, standardError: number): Estimate {
  return {
    value,
    method: 'sample',
    standardError,
    interval: [value - Z95 * standardError, value + Z95 * standardError],
  };
}

/** Wilson score 95% interval for a proportion of `hits` in `count`. */
function proportionEstimate(hits: number, count: number): Estimate {
  const p = count > 0 ? hits / count : Number.NaN;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * count)) / (1 + z2 / count);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / count + z2 / (4 * count * count))) / (1 + z2 / count);
  return { value: p, method: 'sample', standardError: Math.sqrt((p * (1 - p)) / count), interval: [centre - half, centre + half] };
}

/** What every model records per sample: ‖y‖ and z, with their moments, median, tail and bins. */
export interface NormStreams {
  /** Records norms[0 … count) and, when sampled, downstream[0 … count) (z of the same masks). */
  recordChunk(norms: Float64Array, downstream: Float64Array | null, count: number): void;
  count(): number;
  /**
   * `closed` holds the numbers with a closed form for this model (they are then not sampled):
   * E‖y‖² and E z, Var z when known.
   */
  summary(meanVector: VectorEstimate, closed: ClosedSummary): SampleSummary;
}

/** Closed forms that replace sampled numbers in the summary (null: sampled). */
export interface ClosedSummary {
  readonly meanSquareNorm: number | null;
  readonly downstreamMean: number | null;
  readonly downstreamVariance: number | null;
}

/**
 * The quantile grid's cells at [0, GRID_CELLS_SIZE), then the histogram's counts and edges
 * (sampleHistogram.ts): one array for binPastPilot's loop, since V8 re-checks the map and reloads
 * the length and data pointer of every typed array the loop touches on each iteration
 * (docs/architecture.md#v8-pitfalls).
 */
interface BinStorage {
  readonly storage: Float64Array;
  readonly histogram: EdgeHistogram;
  readonly sketch: NormQuantileSketch;
}

/** Histogram bins, quantile cells and the count above `threshold` of values[0 … count); returns that count. */
function binChunk(bins: BinStorage, values: Float64Array, count: number, threshold: number): number {
  const { histogram, sketch } = bins;
  let above = 0;
  let t = 0;
  // The pilot, value by value; then one loop of its own (a loop that ran first inside the same
  // function would be compiled on-stack without feedback for it: docs/architecture.md, "OSR trap").
  for (; t < count && sketch.count() < PILOT_SIZE; t++) {
    sketch.add(values[t]!);
    histogram.add(values[t]!);
    above += values[t]! > threshold ? 1 : 0;
  }
  return t < count ? above + binPastPilot(bins, values, t, count, threshold) : above;
}

/**
 * binChunk for values[from … count), the sketch's grid being fixed. Written for TurboFan: the
 * scalars are read into float64 locals before the loop (`* 1`: object fields that once held a
 * small integer are tagged, and a tagged local is re-checked on every use in the loop), cells and
 * bins are truncated with `| 0` after a range test instead of Math.floor/min/max on doubles (the
 * values are ≥ the window's or the first edge's start there, so truncation is the floor), and the
 * cells, counts and edges are read at offsets of one array (BinStorage).
 */
function binPastPilot(bins: BinStorage, values: Float64Array, from: number, count: number, threshold: number): number {
  const { storage, histogram, sketch } = bins;
  const binCount = histogram.counts.length | 0;
  // Locals: imported module constants are reloaded from the module context and re-checked per use.
  const countsAt = GRID_CELLS_SIZE | 0;
  const edgesAt = (countsAt + binCount) | 0;
  const lastBin = (binCount - 1) | 0;
  const first = histogram.first * 1;
  const slack = histogram.slack * 1;
  const top = histogram.last * 1 + 2 * slack;
  const inverseWidth = histogram.inverseWidth * 1;
  const binSearch = histogram.uniform ? 0 : 1;
  const limit = threshold * 1;
  const grid = sketch.grid;
  const windowLow = grid.windowLow * 1;
  const windowHigh = grid.windowHigh * 1;
  const fineScale = grid.fineScale * 1;
  const coarseScale = grid.coarseScale * 1;
  const firstCoarse = grid.firstCoarse | 0;
  const endCoarse = grid.endCoarse | 0;
  const coarseCells = COARSE_CELLS | 0;
  const lastCoarse = (COARSE_CELLS - 1) | 0;
  const lastFine = (FINE_CELLS - 1) | 0;
  const end = count | 0;
  grid.added += count - from;
  let above = 0;
  for (let t = from | 0; t < end; t = (t + 1) | 0) {
    const value = values[t]!;
    above = (above + (value > limit ? 1 : 0)) | 0;
    // Quantile cell (gridCell, its common case inline): count, smallest and largest value.
    let cell: number;
    if (value >= windowLow && value < windowHigh) {
      const fine = (value - windowLow) * fineScale;
      cell = fine < lastFine ? (coarseCells + (fine | 0)) | 0 : (coarseCells + lastFine) | 0;
    } else {
      // gridCell outside the window, written out: a call here made V8 spill the loop's values
      // around it on every iteration.
      const coarse = value * coarseScale;
      cell = coarse >= 1 ? (coarse < lastCoarse ? coarse | 0 : lastCoarse) : 0;
      if (cell >= firstCoarse && cell < endCoarse) {
        cell = value < windowLow ? (firstCoarse - 1) | 0 : endCoarse;
        if (cell < 0) cell = coarseCells;
        else if (cell >= coarseCells) cell = (coarseCells + lastFine) | 0;
      }
    }
    const at = (3 * cell) | 0;
    storage[at] = storage[at]! + 1;
    if (value < storage[(at + 1) | 0]!) storage[(at + 1) | 0] = value;
    if (value > storage[(at + 2) | 0]!) storage[(at + 2) | 0] = value;
    // Histogram bin, as EdgeHistogram.add: "on an edge" goes into the bin that starts there.
    const v = value + slack;
    if (binCount === 0 || v < first || v > top) continue;
    let j: number;
    if (binSearch === 0) {
      const position = (v - first) * inverseWidth;
      j = position < lastBin ? position | 0 : lastBin;
      while (j > 0 && v < storage[(edgesAt + j) | 0]!) j = (j - 1) | 0;
      while (j < lastBin && v >= storage[(edgesAt + j + 1) | 0]!) j = (j + 1) | 0;
    } else {
      let low = 0;
      let high = binCount;
      while (high - low > 1) {
        const mid = (low + high) >>> 1;
        if (v >= storage[(edgesAt + mid) | 0]!) low = mid;
        else high = mid;
      }
      j = low;
    }
    storage[(countsAt + j) | 0] = storage[(countsAt + j) | 0]! + 1;
  }
  return above;
}

/**
 * `largestNorm`: the largest possible ‖y‖ (the median grid spans [0, largestNorm]);
 * `referenceNorm`: ‖x‖ (DropConnect ‖Wx‖), the threshold of P(‖y‖ > ‖x‖).
 */
export function createNormStreams(seed: number, edges: readonly number[], largestNorm: number, referenceNorm: number): NormStreams {
  const normMoments = createMomentState();
  const downstreamMoments = createMomentState();
  const storage = new Float64Array(GRID_CELLS_SIZE + edgeHistogramSize(edges.length));
  const histogram = createEdgeHistogram(edges, storage.subarray(GRID_CELLS_SIZE));
  const quantiles = createNormQuantileSketch(largestNorm, storage.subarray(0, GRID_CELLS_SIZE));
  const bins: BinStorage = { storage, histogram, sketch: quantiles };
  const aboveThreshold = referenceNorm * (1 + EDGE_TOLERANCE);
  let above = 0;
  let samples = 0;
  return {
    recordChunk(norms, downstream, count) {
      addMoments(normMoments, norms, count);
      if (downstream !== null) addMoments(downstreamMoments, downstream, count);
      above += binChunk(bins, norms, count, aboveThreshold);
      samples += count;
    },
    count: () => samples,
    summary(meanVector, closed) {
      const norms = centralMoments(normMoments);
      const downs = centralMoments(downstreamMoments);
      const mean = meanEstimate(norms);
      const rms = rootMeanSquareEstimate(norms);
      const sd = standardDeviationEstimate(norms);
      const ranks = medianRanks(samples);
      const median = quantiles.orderStatistic(ranks.median);
      const low = quantiles.orderStatistic(ranks.low);
      const high = quantiles.orderStatistic(ranks.high);
      const downMean = meanEstimate(downs);
      const downVariance = varianceEstimate(downs);
      const probabilities = Array.from(histogram.counts, (c) => c / samples);
      return {
        samples,
        seed,
        meanNorm: estimate(mean.value, mean.standardError),
        rmsNorm: closed.meanSquareNorm === null ? estimate(rms.value, rms.standardError) : { value: Math.sqrt(closed.meanSquareNorm), method: 'closed-form' },
        sdNorm: estimate(sd.value, sd.standardError),
        medianNorm: { value: median, method: 'sample', standardError: (high - low) / (2 * Z95), interval: [low, high] },
        pAboveNorm: proportionEstimate(above, samples),
        meanVector,
        downstreamMean: closed.downstreamMean === null ? estimate(downMean.value, downMean.standardError) : { value: closed.downstreamMean, method: 'closed-form' },
        downstreamVariance:
          closed.downstreamVariance === null ? estimate(downVariance.value, downVariance.standardError) : { value: closed.downstreamVariance, method: 'closed-form' },
        histogram: {
          edges: [...edges],
          probabilities,
          standardErrors: probabilities.map((p) => Math.sqrt((p * (1 - p)) / samples)),
        },
      };
    },
  };
}

