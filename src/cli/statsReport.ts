/**
 * What `npm run stats` prints for an AnalysisResult: one flat JSON object of plain numbers (the
 * methods, standard errors and 95% intervals keyed like the numbers they belong to), or a table.
 */
import type { AnalysisResult, Estimate, VectorEstimate } from '../math/index.ts';

/** The scalar Estimates of a result, in output order, with their JSON keys. */
const SCALARS = [
  'meanNorm',
  'rmsNorm',
  'sdNorm',
  'medianNorm',
  'medianUpperNorm',
  'pAboveNorm',
  'pAtNorm',
  'meanMaskedNorm',
  'constantScale',
  'varianceSquareNorm',
] as const;

type Json = number | string | null | Json[] | { [key: string]: Json };

/** JSON has no NaN: unknown numbers become null. */
const num = (v: number): number | null => (Number.isFinite(v) ? v : null);
const nums = (values: readonly number[]): (number | null)[] => values.map(num);

export function statsJson(result: AnalysisResult): { [key: string]: Json } {
  const out: { [key: string]: Json } = {
    n: result.n,
    keep: result.keep,
    drop: 1 - result.keep,
    ...(result.kept === undefined ? {} : { kept: result.kept }),
    ...(result.outputs === undefined ? {} : { outputs: result.outputs }),
    model: result.model,
    compensation: result.compensation,
    method: result.method,
    scale: result.scale === null ? null : num(result.scale),
    norm: num(result.norm),
    maxNorm: num(result.maxNorm),
  };
  const methods: { [key: string]: Json } = {};
  const standardErrors: { [key: string]: Json } = {};
  const intervals: { [key: string]: Json } = {};
  const errorBounds: { [key: string]: Json } = {};
  const scalar = (key: string, e: Estimate, target: { [key: string]: Json } = out): void => {
    target[key] = num(e.value);
    methods[key] = e.method;
    if (e.errorBound !== undefined) errorBounds[key] = num(e.errorBound);
    if (e.standardError !== undefined) standardErrors[key] = num(e.standardError);
    if (e.interval !== undefined) intervals[key] = nums(e.interval);
  };
  const vector = (key: string, e: VectorEstimate): void => {
    out[key] = nums(e.values);
    methods[key] = e.method;
    if (e.standardErrors !== undefined) standardErrors[key] = nums(e.standardErrors);
  };
  for (const key of SCALARS) {
    const e = result[key];
    if (e !== undefined) scalar(key, e);
  }
  out.pAllDropped = num(result.pAllDropped);
  out.nEff = num(result.nEff);
  vector('meanVector', result.meanVector);
  vector('bias', result.bias);
  const downstream: { [key: string]: Json } = { undropped: num(result.downstream.undropped) };
  downstream.mean = num(result.downstream.mean.value);
  downstream.variance = num(result.downstream.variance.value);
  out.downstream = downstream;
  methods.downstream = { mean: result.downstream.mean.method, variance: result.downstream.variance.method };
  const se = (e: Estimate): Json => (e.standardError === undefined ? null : num(e.standardError));
  if (result.downstream.mean.standardError !== undefined || result.downstream.variance.standardError !== undefined) {
    standardErrors.downstream = { mean: se(result.downstream.mean), variance: se(result.downstream.variance) };
  }
  out.histogram = { edges: nums(result.histogram.edges), probabilities: nums(result.histogram.probabilities) };
  methods.histogram = result.histogram.method;
  if (result.histogram.standardErrors !== undefined) standardErrors.histogram = nums(result.histogram.standardErrors);
  out.methods = methods;
  if (Object.keys(errorBounds).length > 0) out.errorBounds = errorBounds;
  if (result.samples !== undefined) {
    out.samples = result.samples;
    out.seed = result.seed ?? null;
    out.standardErrors = standardErrors;
    out.intervals = intervals;
  }
  return out;
}

/** A number as the table prints it; one that is not defined (0/0: c* and n_eff of the zero vector) reads "undefined", as `null` in --json. */
function format(v: number): string {
  if (Number.isNaN(v)) return 'undefined';
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e6 || (v !== 0 && Math.abs(v) < 1e-4) ? v.toExponential(9) : v.toPrecision(10).replace(/\.?0+$/, '');
}

function describe(e: Estimate): string {
  const interval = e.interval === undefined ? '' : `  95% [${format(e.interval[0])}, ${format(e.interval[1])}]`;
  const se = e.standardError === undefined ? '' : ` ± ${format(e.standardError)}`;
  const bound = e.errorBound === undefined ? '' : `  (error ≤ ${format(e.errorBound)})`;
  return `${format(e.value)}${se}  (${e.method})${interval}${bound}`;
}

const LABELS: Record<(typeof SCALARS)[number], string> = {
  meanNorm: 'E‖y‖',
  rmsNorm: '√E‖y‖²',
  sdNorm: 'sd ‖y‖',
  medianNorm: 'median ‖y‖ (lower)',
  medianUpperNorm: 'median ‖y‖ (upper)',
  pAboveNorm: 'P(‖y‖ > ‖x‖)',
  pAtNorm: 'P(‖y‖ = ‖x‖)',
  meanMaskedNorm: 'E‖m⊙x‖',
  constantScale: 'c* = ‖x‖/E‖m⊙x‖',
  varianceSquareNorm: 'Var ‖y‖²',
};

/** A readable table of the same numbers. */
export function statsTable(result: AnalysisResult, vectorText: string): string {
  const lines: string[] = [];
  const row = (label: string, value: string) => lines.push(`${label.padEnd(22)} ${value}`);
  row('vector', `${vectorText} (n = ${result.n}${result.outputs === undefined ? '' : `, d = ${result.outputs}`})`);
  row('mask model', `${result.model}, keep q = ${format(result.keep)} (drop ${format(1 - result.keep)})${result.kept === undefined ? '' : `, k = ${result.kept}`}`);
  row('compensation', `${result.compensation}${result.scale === null ? ' (per sample)' : `, s = ${format(result.scale)}`}`);
  row('distribution by', result.method + (result.samples === undefined ? '' : `, ${result.samples} samples, seed ${result.seed ?? ''}`));
  row(result.outputs === undefined ? '‖x‖' : '‖Wx‖ (test-time output)', format(result.norm));
  for (const key of SCALARS) {
    const e = result[key];
    if (e !== undefined) row(LABELS[key], describe(e));
  }
  row('P(all dropped)', format(result.pAllDropped));
  row('n_eff', format(result.nEff));
  row('downstream E[z]', `${describe(result.downstream.mean)}  vs w·x = ${format(result.downstream.undropped)}`);
  row('downstream Var z', describe(result.downstream.variance));
  const shown = result.meanVector.values.slice(0, 8).map(format).join(', ');
  row('E[y]', `(${shown}${result.meanVector.values.length > 8 ? ', …' : ''})  (${result.meanVector.method})`);
  lines.push('', `histogram of ‖y‖ (${result.histogram.method}):`);
  const { edges, probabilities, standardErrors } = result.histogram;
  probabilities.forEach((p, j) => {
    const last = j === probabilities.length - 1;
    const se = standardErrors === undefined ? '' : ` ± ${format(standardErrors[j]!)}`;
    lines.push(`  [${format(edges[j]!)}, ${format(edges[j + 1]!)}${last ? ']' : ')'}`.padEnd(36) + `${format(p)}${se}`);
  });
  return lines.join('\n');
}
