/**
 * The histogram of a downstream unit z = w·y on equal bins: exact bin masses from enumerated atoms,
 * or the masses of the normal N(E z, Var z), an approximation that says so. Bin j is
 * [e_j, e_{j+1}), the last one closed; a value within 1e-12·max|e| of an edge counts as on it, so
 * atoms that are equal in exact arithmetic land in the same bin whatever the rounding of their sums.
 */
import { normalDistribution } from './normalApproximation.ts';

export interface DownstreamBins {
  readonly edges: readonly number[];
  readonly probabilities: readonly number[];
  /** 'exact': masses of the enumerated atoms; 'normal': masses of N(E z, Var z). */
  readonly kind: 'exact' | 'normal';
  /** Probability outside the edges (the normal's tails beyond ±4 sd; 0 for exact atoms). */
  readonly outside: number;
}

/** Relative distance to an edge under which a value counts as on it. */
const EDGE_TOLERANCE = 1e-12;

/** `bins` equal bins on [low, high], widened to a unit interval around a single point. */
export function equalEdges(low: number, high: number, bins: number): number[] {
  const span = high - low;
  const [a, b] = span > 1e-12 * Math.max(1, Math.abs(low), Math.abs(high)) ? [low, high] : [low - 0.5, high + 0.5];
  return Array.from({ length: bins + 1 }, (_, j) => (j === bins ? b : a + ((b - a) * j) / bins));
}

/** The bin of v on equal edges (see the file comment for values on an edge). */
export function binOf(v: number, edges: readonly number[]): number {
  const count = edges.length - 1;
  const first = edges[0] as number;
  const last = edges[count] as number;
  const tolerance = EDGE_TOLERANCE * Math.max(Math.abs(first), Math.abs(last));
  let j = Math.min(count - 1, Math.max(0, Math.floor(((v - first) / (last - first)) * count)));
  while (j < count - 1 && v >= (edges[j + 1] as number) - tolerance) j++;
  while (j > 0 && v < (edges[j] as number) - tolerance) j--;
  return j;
}

/** Exact bins of the atoms (value, probability); the range covers every atom of positive probability and w·x. */
export function exactDownstreamBins(
  values: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  undropped: number,
  bins: number,
): DownstreamBins {
  const count = Math.max(1, Math.round(bins));
  let low = undropped;
  let high = undropped;
  for (let c = 0; c < values.length; c++) {
    if ((probabilities[c] as number) > 0) {
      low = Math.min(low, values[c] as number);
      high = Math.max(high, values[c] as number);
    }
  }
  const edges = equalEdges(low, high, count);
  const masses = new Array<number>(count).fill(0);
  for (let c = 0; c < values.length; c++) {
    const p = probabilities[c] as number;
    if (p > 0) {
      const j = binOf(values[c] as number, edges);
      masses[j] = (masses[j] as number) + p;
    }
  }
  return { edges, probabilities: masses, kind: 'exact', outside: 0 };
}

/** Bins of N(E z, Var z) over E z ± 4 sd (and w·x); a point mass when the variance is 0. */
export function normalDownstreamBins(meanZ: number, varZ: number, undropped: number, bins: number): DownstreamBins {
  const count = Math.max(1, Math.round(bins));
  const sd = Math.sqrt(Math.max(0, varZ));
  if (!(sd > 0)) {
    const edges = equalEdges(Math.min(meanZ, undropped), Math.max(meanZ, undropped), count);
    const masses = new Array<number>(count).fill(0);
    masses[binOf(meanZ, edges)] = 1;
    return { edges, probabilities: masses, kind: 'normal', outside: 0 };
  }
  const edges = equalEdges(Math.min(meanZ - 4 * sd, undropped), Math.max(meanZ + 4 * sd, undropped), count);
  const cdf = edges.map((e) => normalDistribution(e, meanZ, sd));
  const masses = cdf.slice(1).map((c, j) => Math.max(0, c - (cdf[j] as number)));
  const inside = masses.reduce((s, p) => s + p, 0);
  return { edges, probabilities: masses, kind: 'normal', outside: Math.max(0, 1 - inside) };
}
