/**
 * The figure of the downstream unit z = w·y, from the engine's law: the histogram's bins, markers
 * and words, the table of its key numbers with how each was obtained, and the data tables. Pure.
 */
import type { DownstreamMarker } from '../../../charts/DownstreamHistogram.tsx';
import { formatFixed, formatProbability } from '../../../explain/formatNumber.ts';
import { DOWNSTREAM_TERMS, formatAdaptive } from '../../../explain/meanDerivation.ts';
import { MAX_UNIT_LAW_UNITS, type UnitLaw } from '../../../math/index.ts';
import type { HighlightKey } from '../../HighlightKeys.tsx';
import { formatEstimate, formatWithError, howObtained, masksInWords } from './meanNumbers.ts';

/** Rows of the weights table. */
export const MAX_WEIGHT_ROWS = 64;

/** One row of the table of z's key numbers. */
export interface DownstreamRow {
  readonly name: string;
  readonly value: number;
  /** The value as shown, with its standard error when sampled. */
  readonly text: string;
  readonly how: string;
}

export interface DownstreamFigure {
  /** How the histogram was obtained, in one or two sentences above it. */
  readonly method: string;
  readonly edges: readonly number[];
  readonly probabilities: readonly number[];
  /** True for the normal approximation (drawn hatched). */
  readonly approximate: boolean;
  readonly markers: readonly DownstreamMarker[];
  readonly spread: { readonly id: string; readonly low: number; readonly high: number; readonly label: string } | null;
  readonly title: string;
  readonly description: string;
  readonly rows: readonly DownstreamRow[];
  readonly keys: readonly HighlightKey[];
  readonly weightsTitle: string;
  readonly weightRows: readonly (readonly string[])[];
  readonly binsTitle: string;
  readonly binRows: readonly (readonly string[])[];
}

/** The histogram in words: the bins that hold mass, then w·x, E[z] and sd z. */
function describe(law: UnitLaw, title: string, limit = 10): string {
  const { edges, probabilities } = law.zBins;
  const ranges: string[] = [];
  probabilities.forEach((p, j) => {
    if (p >= 5e-5) ranges.push(`${formatProbability(p)} between ${formatFixed(edges[j] ?? 0, 3)} and ${formatFixed(edges[j + 1] ?? 0, 3)}`);
  });
  const shown = ranges.length > limit ? [...ranges.slice(0, limit), `and ${ranges.length - limit} more ranges`] : ranges;
  return (
    `${title}: ${shown.join('; ')}. ` +
    `w·x = ${formatAdaptive(law.undropped)}, E[z] = ${formatAdaptive(law.meanZ.value)}, ` +
    `sd z = ${formatAdaptive(Math.sqrt(Math.max(0, law.varZ.value)))}.`
  );
}

/** How the bars were obtained. */
function methodSentence(law: UnitLaw, sd: number): string {
  const bins = law.zBins.probabilities.length;
  if (law.zBins.kind === 'exact') {
    return `Exact law: ${masksInWords(law.enumerated ?? 0)} enumerated, each weighted by its probability, in ${bins} bins.`;
  }
  const why = `Normal approximation, not the exact law: n = ${law.n} is above the ${MAX_UNIT_LAW_UNITS} units whose masks this figure enumerates.`;
  const how = howObtained(law.meanZ.method, law);
  return sd > 0
    ? `${why} The bars are the bin masses of N(E[z], Var z) with E[z] and Var z as in the table (${how}); the bins cover E[z] ± 4 sd.`
    : `${why} Var z = 0 (${how}), so z = E[z] on every mask: one bar.`;
}

/** What is shown while the engine computes. */
export const COMPUTING = 'computing…';

/** Rows of the weights table: unit, x_i, w_i, w_i·x_i, to six decimals (to recompute w·x by hand). */
function weightRows(x: readonly number[], w: readonly number[]): string[][] {
  return x.slice(0, MAX_WEIGHT_ROWS).map((v, i) => {
    const wi = w[i] ?? 0;
    return [String(i + 1), formatFixed(v, 6), formatFixed(wi, 6), formatFixed(wi * v, 6)];
  });
}

const weightsTitle = (n: number) => `Downstream weights w and activations x${n > MAX_WEIGHT_ROWS ? ` (first ${MAX_WEIGHT_ROWS} of ${n} units)` : ''}`;

const ROW_NAMES = ['w·x (no dropout)', 'E[z]', 'Var z', 'sd z', 'bias E[z] − w·x'] as const;

/**
 * The figure while the engine computes: the same frames, tables and keys (so an open data table or
 * a pinned key stays as it is), with no number of z in them. x and w are the page's own.
 */
export function pendingDownstreamFigure(x: readonly number[], w: readonly number[], keep: number): DownstreamFigure {
  const title = 'Distribution of the downstream unit z = w·y (being computed)';
  return {
    method: `Computing the law of z = w·y for n = ${x.length} units…`,
    edges: [0, 1],
    probabilities: [],
    approximate: false,
    markers: [],
    spread: null,
    title,
    description: `${title}.`,
    rows: ROW_NAMES.map((name) => ({ name, value: Number.NaN, text: COMPUTING, how: '' })),
    keys: [
      { term: DOWNSTREAM_TERMS.mean, label: 'E[z]' },
      { term: DOWNSTREAM_TERMS.undropped, label: 'w·x' },
      ...(keep < 1 ? [{ term: DOWNSTREAM_TERMS.sd, label: 'sd z' }] : []),
    ],
    weightsTitle: weightsTitle(x.length),
    weightRows: weightRows(x, w),
    binsTitle: 'Histogram of z (being computed)',
    binRows: [],
  };
}

export function downstreamFigure(x: readonly number[], w: readonly number[], law: UnitLaw): DownstreamFigure {
  const sd = Math.sqrt(Math.max(0, law.varZ.value));
  const meanHow = howObtained(law.meanZ.method, law);
  const varHow = howObtained(law.varZ.method, law);
  const approximate = law.zBins.kind === 'normal';
  const title = `${approximate ? 'Normal approximation of the distribution' : 'Exact distribution'} of the downstream unit z = w·y`;
  const n = x.length;
  const bias = law.meanZ.value - law.undropped;
  return {
    method: methodSentence(law, sd),
    edges: law.zBins.edges,
    probabilities: law.zBins.probabilities,
    approximate,
    markers: [
      { id: DOWNSTREAM_TERMS.undropped, label: `w·x = ${formatAdaptive(law.undropped)}`, value: law.undropped, dash: 'solid', tone: 'norm' },
      { id: DOWNSTREAM_TERMS.mean, label: `E[z] = ${formatAdaptive(law.meanZ.value)}`, value: law.meanZ.value, dash: 'dashed', tone: 'mean' },
    ],
    spread: sd > 0 ? { id: DOWNSTREAM_TERMS.sd, low: law.meanZ.value - sd, high: law.meanZ.value + sd, label: `±1 sd = ${formatAdaptive(sd)}` } : null,
    title,
    description: describe(law, title),
    rows: [
      { name: ROW_NAMES[0], value: law.undropped, text: formatAdaptive(law.undropped), how: 'closed form' },
      { name: ROW_NAMES[1], value: law.meanZ.value, text: formatEstimate(law.meanZ), how: meanHow },
      { name: ROW_NAMES[2], value: law.varZ.value, text: formatEstimate(law.varZ), how: varHow },
      { name: ROW_NAMES[3], value: sd, text: formatAdaptive(sd), how: varHow },
      { name: ROW_NAMES[4], value: bias, text: formatWithError(bias, law.meanZ.standardError), how: meanHow },
    ],
    keys: [
      { term: DOWNSTREAM_TERMS.mean, label: 'E[z]' },
      { term: DOWNSTREAM_TERMS.undropped, label: 'w·x' },
      // The figure draws ±1 sd only when the spread is not 0.
      ...(sd > 0 ? [{ term: DOWNSTREAM_TERMS.sd, label: 'sd z' }] : []),
    ],
    weightsTitle: weightsTitle(n),
    weightRows: weightRows(x, w),
    binsTitle: `Histogram of z (${approximate ? 'normal approximation' : 'exact'})`,
    binRows: law.zBins.probabilities.map((p, j) => [
      formatFixed(law.zBins.edges[j] ?? 0, 4),
      formatFixed(law.zBins.edges[j + 1] ?? 0, 4),
      formatProbability(p),
    ]),
  };
}
