/**
 * Words for section 3's figures: text alternatives, data-table rows and how each number was
 * obtained. Pure functions of the figure's numbers.
 */
import { formatAdaptive } from '../explain/meanDerivation.ts';
import { formatFixed, formatProbability } from '../explain/formatNumber.ts';
import type { DownstreamBins } from './meanDownstreamHistogram.ts';
import type { MeanFigureNumbers } from './meanFigureNumbers.ts';

/** Units drawn in the per-unit figure (the first ones; the rest are summarised in words). */
export const MAX_SHOWN_UNITS = 48;

/** How the moments were obtained, in words. */
export function meanProvenance(numbers: MeanFigureNumbers): string {
  return numbers.provenance;
}

/** A value with its standard error when sampled ("2.5000 ± 0.0012"). */
export function formatWithError(value: number, error: number | null): string {
  return error === null ? formatAdaptive(value) : `${formatAdaptive(value)} ± ${formatAdaptive(error)}`;
}

/** The per-unit figure in words (first `limit` units). */
export function describeUnitMeans(x: readonly number[], numbers: MeanFigureNumbers, limit = 8): string {
  const parts = x.slice(0, limit).map((v, i) => {
    const sd = numbers.sdY?.[i];
    return (
      `unit ${i + 1}: x = ${formatAdaptive(v)}, E[y] = ${formatAdaptive(numbers.meanY[i] ?? 0)}` +
      (sd === undefined ? '' : `, sd(y) = ${formatAdaptive(sd)}`)
    );
  });
  const more = x.length > limit ? `; and ${x.length - limit} more units in the data table` : '';
  return `Per unit, the activation x_i and the mean of its dropout output E[y_i] (${meanProvenance(numbers)}): ${parts.join('; ')}${more}.`;
}

/** Rows of the per-unit data table: unit, x_i, E[y_i], sd(y_i), E[y_i] − x_i. */
export function unitMeanRows(x: readonly number[], numbers: MeanFigureNumbers, limit: number): string[][] {
  return x.slice(0, limit).map((v, i) => {
    const mean = numbers.meanY[i] ?? 0;
    const sd = numbers.sdY?.[i];
    return [
      String(i + 1),
      formatAdaptive(v),
      formatAdaptive(mean),
      sd === undefined ? 'not available' : formatAdaptive(sd),
      formatAdaptive(mean - v),
    ];
  });
}

/** Rows of the weights table: unit, x_i, w_i, w_i·x_i (6 decimals, to recompute w·x by hand). */
export function weightRows(x: readonly number[], w: readonly number[], limit: number): string[][] {
  return x.slice(0, limit).map((v, i) => {
    const wi = w[i] ?? 0;
    return [String(i + 1), formatFixed(v, 6), formatFixed(wi, 6), formatFixed(wi * v, 6)];
  });
}

/** The histogram of z in words. */
export function describeDownstream(numbers: MeanFigureNumbers, bins: DownstreamBins, limit = 10): string {
  const ranges: string[] = [];
  bins.probabilities.forEach((p, j) => {
    if (p >= 5e-5) {
      ranges.push(`${formatProbability(p)} between ${formatFixed(bins.edges[j] ?? 0, 3)} and ${formatFixed(bins.edges[j + 1] ?? 0, 3)}`);
    }
  });
  const shown = ranges.length > limit ? [...ranges.slice(0, limit), `and ${ranges.length - limit} more ranges`] : ranges;
  const kind = bins.approximate ? 'Normal approximation of the distribution' : 'Exact distribution';
  return (
    `${kind} of the downstream unit z = w·y: ${shown.join('; ')}. ` +
    `w·x = ${formatAdaptive(numbers.undropped)}, E[z] = ${formatAdaptive(numbers.meanZ)}, ` +
    `sd z = ${formatAdaptive(Math.sqrt(Math.max(0, numbers.varZ)))}.`
  );
}

/** Rows of the histogram's data table: from, to, probability. */
export function downstreamRows(bins: DownstreamBins): string[][] {
  return bins.probabilities.map((p, j) => [
    formatFixed(bins.edges[j] ?? 0, 4),
    formatFixed(bins.edges[j + 1] ?? 0, 4),
    formatProbability(p),
  ]);
}

/** The 1-based index of the unit with the largest |x_i| (the first such), for the worked example. */
export function largestUnit(x: readonly number[]): number {
  let best = 0;
  x.forEach((v, i) => {
    if (Math.abs(v) > Math.abs(x[best] ?? 0)) best = i;
  });
  return best + 1;
}
