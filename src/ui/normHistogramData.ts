import { bin, range, sum } from 'd3';
import { formatFixed, formatProbability } from '../explain/formatNumber.ts';
import type { MaskRow } from '../math/maskTable.ts';

/** Number of equal-width bins of ‖y‖ over [0, ‖x‖/q]. */
export const HISTOGRAM_BINS = 20;

export interface HistogramData {
  readonly edges: readonly number[];
  readonly probabilities: readonly number[];
}

/**
 * Bins the compensated norms of every mask, each weighted by its probability: bin j is
 * [e_j, e_{j+1}), the last one closed, with equal-width edges over [0, max ‖y‖].
 */
export function binMaskNorms(rows: readonly MaskRow[], maxNorm: number): HistogramData {
  const top = maxNorm > 0 ? maxNorm : 1;
  const edges = range(HISTOGRAM_BINS + 1).map((j) => (j === HISTOGRAM_BINS ? top : (top * j) / HISTOGRAM_BINS));
  const bins = bin<MaskRow, number>()
    .value((row) => row.compensatedNorm)
    .domain([0, top])
    .thresholds(edges.slice(1, -1))(rows);
  return { edges, probabilities: bins.map((b) => sum(b, (row) => row.probability)) };
}

/** The histogram in words: every bin that holds probability, for the figure's text alternative. */
export function describeHistogram({ edges, probabilities }: HistogramData): string {
  const parts: string[] = [];
  probabilities.forEach((p, j) => {
    if (p > 0) {
      parts.push(
        `${formatProbability(p)} between ${formatFixed(edges[j] ?? 0, 3)} and ${formatFixed(edges[j + 1] ?? 0, 3)}`,
      );
    }
  });
  return `Probability of the compensated norm by range: ${parts.join('; ')}.`;
}
