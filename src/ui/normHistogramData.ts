import { formatFixed, formatProbability } from '../explain/formatNumber.ts';

export interface HistogramData {
  readonly edges: readonly number[];
  readonly probabilities: readonly number[];
}

/** The histogram in words: every bin that holds probability, for the figure's text alternative. */
export function describeHistogram({ edges, probabilities }: HistogramData, limit = 12): string {
  const parts: string[] = [];
  probabilities.forEach((p, j) => {
    if (p > 0) {
      parts.push(
        `${formatProbability(p)} between ${formatFixed(edges[j] ?? 0, 3)} and ${formatFixed(edges[j + 1] ?? 0, 3)}`,
      );
    }
  });
  const shown = parts.length > limit ? [...parts.slice(0, limit), `and ${parts.length - limit} more ranges`] : parts;
  return `Probability of the compensated norm by range: ${shown.join('; ')}.`;
}
