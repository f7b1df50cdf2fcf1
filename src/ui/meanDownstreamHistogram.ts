/**
 * Bins of the downstream unit z = w·y for section 3's histogram: exact bin masses from the
 * enumerated atoms, or the masses of the normal N(E z, Var z) (an approximation, labelled so).
 */
import { normalDistribution } from '../math/index.ts';
import type { DownstreamLaw } from './meanFigureNumbers.ts';

export interface DownstreamBins {
  readonly edges: readonly number[];
  readonly probabilities: readonly number[];
  /** True for the normal approximation. */
  readonly approximate: boolean;
  /** Probability outside the edges (the normal's tails beyond ±4 sd; 0 for exact atoms). */
  readonly outside: number;
}

/** `bins` equal bins on [low, high] (widened to a unit interval around a single point). */
function equalEdges(low: number, high: number, bins: number): number[] {
  const span = high - low;
  const [a, b] = span > 1e-12 * Math.max(1, Math.abs(low), Math.abs(high)) ? [low, high] : [low - 0.5, high + 0.5];
  return Array.from({ length: bins + 1 }, (_, j) => (j === bins ? b : a + ((b - a) * j) / bins));
}

/** The histogram of z on `bins` equal bins; `undropped` (w·x) is always inside the range. */
export function downstreamHistogram(
  law: DownstreamLaw,
  moments: { readonly meanZ: number; readonly varZ: number; readonly undropped: number },
  bins: number,
): DownstreamBins {
  const count = Math.max(1, Math.round(bins));
  if (law.kind === 'exact') {
    let low = moments.undropped;
    let high = moments.undropped;
    law.values.forEach((v, c) => {
      if ((law.probabilities[c] ?? 0) > 0) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    });
    const edges = equalEdges(low, high, count);
    const first = edges[0] as number;
    const width = ((edges[count] as number) - first) / count;
    const probabilities = new Array<number>(count).fill(0);
    law.values.forEach((v, c) => {
      const j = Math.min(count - 1, Math.max(0, Math.floor((v - first) / width)));
      probabilities[j] = (probabilities[j] as number) + (law.probabilities[c] ?? 0);
    });
    return { edges, probabilities, approximate: false, outside: 0 };
  }
  const sd = Math.sqrt(Math.max(0, moments.varZ));
  if (!(sd > 0)) {
    const edges = equalEdges(moments.meanZ, moments.meanZ, count);
    const probabilities = edges.slice(1).map((e, j) => (moments.meanZ >= (edges[j] as number) && moments.meanZ < e ? 1 : 0));
    if (!probabilities.includes(1)) probabilities[Math.floor(count / 2)] = 1;
    return { edges, probabilities, approximate: true, outside: 0 };
  }
  const low = Math.min(moments.meanZ - 4 * sd, moments.undropped);
  const high = Math.max(moments.meanZ + 4 * sd, moments.undropped);
  const edges = equalEdges(low, high, count);
  const cdf = edges.map((e) => normalDistribution(e, moments.meanZ, sd));
  const probabilities = cdf.slice(1).map((c, j) => Math.max(0, c - (cdf[j] as number)));
  const inside = probabilities.reduce((s, p) => s + p, 0);
  return { edges, probabilities, approximate: true, outside: Math.max(0, 1 - inside) };
}
