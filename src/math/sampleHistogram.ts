/**
 * Counts of sampled norms in the caller's bins [e_j, e_{j+1}) (the last bin closed).
 *
 * A value within EDGE_TOLERANCE·max|e| of an edge counts as lying on it, so an atom that sits on an
 * edge in exact arithmetic (e.g. ‖y‖ = ‖x‖/q for the all-kept mask on the top edge) is binned the
 * same way whatever the rounding of the sampled sum. Values outside [e_0, e_B] are not counted.
 * Equal-width edges are binned by one division; other edges by binary search.
 */

/** Relative tolerance for "on an edge" (also used for ‖y‖ = ‖x‖ ties). */
export const EDGE_TOLERANCE = 1e-12;

export interface EdgeHistogram {
  add(value: number): void;
  /** Count per bin (length = edges.length − 1, or 0 when there are fewer than two edges). */
  readonly counts: Float64Array;
  /** What a batch loop (sampleStreams.ts) needs to bin like add(): the edges, e_0, e_B, the slack, 1/width, uniform. */
  readonly edges: Float64Array;
  readonly first: number;
  readonly last: number;
  readonly slack: number;
  readonly inverseWidth: number;
  readonly uniform: boolean;
}

/** Length of the storage createEdgeHistogram needs for `edgeCount` edges: the counts, then the edges. */
export function edgeHistogramSize(edgeCount: number): number {
  const bins = Math.max(0, edgeCount - 1);
  return bins + edgeCount;
}

/**
 * `storage`: where the counts (first) and the edges (after them) live, edgeHistogramSize(edges.length)
 * doubles (default a new array), so that a batch loop can keep them in one typed array with other
 * state (sampleStreams.ts).
 */
export function createEdgeHistogram(edges: readonly number[], storage = new Float64Array(edgeHistogramSize(edges.length))): EdgeHistogram {
  const bins = Math.max(0, edges.length - 1);
  if (storage.length !== edgeHistogramSize(edges.length)) throw new RangeError(`the histogram needs ${edgeHistogramSize(edges.length)} doubles, got ${storage.length}`);
  const counts = storage.subarray(0, bins).fill(0);
  const e = storage.subarray(bins);
  e.set(edges);
  if (bins === 0) return { add: () => undefined, counts, edges: e, first: 0, last: 0, slack: 0, inverseWidth: 0, uniform: false };
  for (let j = 0; j < bins; j++) {
    if (!(e[j]! < e[j + 1]!)) throw new RangeError('histogram edges must be finite and strictly increasing');
  }
  const first = e[0]!;
  const last = e[bins]!;
  if (!Number.isFinite(first) || !Number.isFinite(last)) {
    throw new RangeError('histogram edges must be finite and strictly increasing');
  }
  const slack = EDGE_TOLERANCE * Math.max(Math.abs(first), Math.abs(last));
  const width = (last - first) / bins;
  let uniform = true;
  for (let j = 0; j <= bins; j++) {
    if (Math.abs(e[j]! - (first + j * width)) > slack) uniform = false;
  }
  const inverseWidth = 1 / width;
  return {
    counts,
    edges: e,
    first,
    last,
    slack,
    inverseWidth,
    uniform,
    add(value: number): void {
      const v = value + slack; // "on an edge" → into the bin that starts there
      if (v < first || v > last + 2 * slack) return;
      let j: number;
      if (uniform) {
        j = Math.min(bins - 1, Math.max(0, Math.floor((v - first) * inverseWidth)));
        while (j > 0 && v < e[j]!) j--;
        while (j < bins - 1 && v >= e[j + 1]!) j++;
      } else {
        let low = 0; // e[low] ≤ v
        let high = bins; // v < e[high] or high = bins
        while (high - low > 1) {
          const mid = (low + high) >>> 1;
          if (v >= e[mid]!) low = mid;
          else high = mid;
        }
        j = low;
      }
      counts[j] = counts[j]! + 1;
    },
  };
}
