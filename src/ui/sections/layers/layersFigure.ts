/**
 * The layers section's figure model (docs/architecture.md#sections): the state and the engine's
 * answers (the `layers` channel for the section's own Bernoulli + 1/q numbers, the main channel for
 * the histogram under the page's controls) → every label, number with its provenance and sentence
 * the section shows. Pure (no React, no DOM); the component renders it and computes nothing.
 */
import { formatCount, formatFixed, formatKeep, formatProbability, methodLabel, superscript } from '../../../explain/formatNumber.ts';
import type { LayersNumbers } from '../../../explain/layersDerivation.ts';
import type { LineStyle } from '../../../charts/lineStyle.ts';
import {
  type AnalysisResult,
  type Compensation,
  compensationInfo,
  type LayersOutput,
  maskModel,
  type MaskModel,
  type PercentileResult,
  QUESTION_LAYER,
  type SpreadPoint,
  unreachable,
  type VectorKind,
} from '../../../math/index.ts';
import type { VectorSource } from '../../../state/explorerState.ts';
import { layerSpec, layersThreshold } from '../../../state/layersQueries.ts';

export type ChannelStatus = 'idle' | 'running' | 'done' | 'error';

export interface LayersFigureInput {
  readonly x: readonly number[];
  readonly keep: number;
  readonly model: MaskModel;
  readonly compensation: Compensation;
  readonly source: VectorSource;
  readonly reference: number | null;
  /** The `layers` channel's answer (partial while running) and its status. */
  readonly layers: LayersOutput | null;
  readonly layersStatus: ChannelStatus;
  /** The page's compensation control's label, in the page's notation. */
  readonly compensationLabel: string;
}

/** One row of the key-numbers table. */
export interface NumberRow {
  readonly label: string;
  readonly value: string;
  readonly provenance: string;
}

/** The marked length on the histogram and in the percentile sentence. */
export interface Measured {
  readonly threshold: number;
  /** The question's own measurement (its 192-unit layer, or its 1.305 carried into another layer by the preset). */
  readonly question: boolean;
  /** The histogram marker's label: "measured 1.305" or "marked 1.200". */
  readonly label: string;
  /** How the sentence names it: "the question’s measured 1.305" or "the marked ‖y‖ = 1.200". */
  readonly name: string;
}

export interface PercentileFigure {
  /** "P(‖y‖ ≤ 1.305)". */
  readonly label: string;
  /** "0.8123 ± 0.0009", "0.503418" or "1". */
  readonly value: string;
  /** How it was obtained, in words. */
  readonly provenance: string;
  /** Where the measured length sits. */
  readonly position: string;
  /** The normal-approximation sentence (null when ‖m⊙x‖² does not vary). */
  readonly normal: string | null;
  /** Φ(z), for the formula. */
  readonly normalValue: number;
}

export interface SpreadFigure {
  readonly points: readonly { readonly units: number; readonly exact: number; readonly approximate: number }[];
  readonly current: { readonly units: number; readonly exact: number } | null;
  readonly title: string;
  readonly description: string;
  readonly caption: string;
  readonly tableTitle: string;
  readonly rows: readonly (readonly string[])[];
}

export interface LayersFigure {
  readonly n: number;
  /** "(uniform draw, seed 7, ‖x‖ = 0.885)" or "(your typed-in vector)". */
  readonly sizeSource: string;
  /** Whether the page's controls are the section's Bernoulli masks and 1/q. */
  readonly standard: boolean;
  /** Under other controls: what the histogram follows and what the numbers are for. */
  readonly otherControls: string | null;
  readonly tableCaption: string;
  /** The key numbers, null until the engine answers. */
  readonly rows: readonly NumberRow[] | null;
  readonly derivation: LayersNumbers | null;
  readonly measured: Measured | null;
  /** The percentile: its figure, 'computing', or a sentence why there is none. */
  readonly percentile: PercentileFigure | 'computing' | { readonly none: string };
  /** A warning for few effective units (followed by a link to the norm section). */
  readonly fewUnits: { readonly before: string; readonly after: string } | null;
  /** "So the more units share the length…" (before the link to the mean section) and the rest. */
  readonly concentration: { readonly before: string; readonly after: string } | null;
  readonly spread: SpreadFigure | 'computing' | { readonly none: string };
}

/** The page's mask model in words, and whether it is the section's own (exhaustive over the models). */
function modelWords(model: MaskModel): { readonly words: string; readonly bernoulli: boolean } {
  switch (model) {
    case 'bernoulli':
      return { words: 'Bernoulli masks', bernoulli: true };
    case 'fixed':
      return { words: 'exactly k of n kept', bernoulli: false };
    case 'dropconnect':
      return { words: 'DropConnect', bernoulli: false };
    default:
      return unreachable(model, 'mask model');
  }
}

const KIND_WORDS: { readonly [K in VectorKind]: string } = {
  gauss: 'Gaussian',
  uniform: 'uniform (non-negative)',
  dominant: 'one-dominant-unit',
  equal: 'equal-unit',
};

/** An English ordinal: 1st, 2nd, 3rd, 4th, 11th, 21st. */
export function ordinal(k: number): string {
  const tens = k % 100;
  if (tens >= 11 && tens <= 13) return `${k}th`;
  switch (k % 10) {
    case 1:
      return `${k}st`;
    case 2:
      return `${k}nd`;
    case 3:
      return `${k}rd`;
    default:
      return `${k}th`;
  }
}

/** Where a probability P(‖y‖ ≤ t) puts t: "the median", "the 81st percentile", "below the 1st percentile". */
export function percentileWords(p: number): string {
  const k = Math.round(p * 100);
  if (k < 1) return 'below the 1st percentile';
  if (k > 99) return 'above the 99th percentile';
  return k === 50 ? 'the median (50th percentile)' : `the ${ordinal(k)} percentile`;
}

/** An approximate probability: 4 decimals, or 3 significant digits when it is tiny. */
export function approximate(p: number): string {
  return p !== 0 && Math.abs(p) < 0.001 ? formatProbability(Number(p.toPrecision(3))) : formatFixed(p, 4);
}

/** A difference of probabilities: 4 decimals, or "less than 0.0001" (never a misleading 0.0000). */
export function difference(d: number): string {
  return Math.abs(d) < 0.00005 ? 'less than 0.0001' : formatFixed(Math.abs(d), 4);
}

/** The measured length the section places, if any. */
export function measuredOf(x: readonly number[], keep: number, reference: number | null): Measured | null {
  const threshold = layersThreshold(x, keep, reference);
  if (threshold === null) return null;
  const t = formatFixed(threshold, 3);
  const question = threshold === QUESTION_LAYER.measured;
  return question
    ? { threshold, question, label: `measured ${t}`, name: `the question’s measured ${t}` }
    : { threshold, question, label: `marked ${t}`, name: `the marked ‖y‖ = ${t}` };
}

function percentileValue(result: PercentileResult): string {
  const e = result.estimate;
  switch (e.method) {
    case 'sample': {
      const samples = result.samples ?? 0;
      // No sampled mask on one side: the standard error is 0, so say what the sample does bound
      // (the "rule of three": P < 3/N with 95% confidence).
      if (e.value === 0) return `below ${formatProbability(3 / samples)}`;
      if (e.value === 1) return `above ${formatFixed(1 - 3 / samples, 5)}`;
      return `${formatFixed(e.value, 4)} ± ${formatFixed(e.standardError ?? Number.NaN, 4)}`;
    }
    case 'closed-form':
      return formatProbability(e.value);
    case 'enumerate':
    case 'split':
      return formatFixed(e.value, 6);
    default:
      return unreachable(e.method, 'method');
  }
}

function percentileProvenance(result: PercentileResult, units: number): string {
  const e = result.estimate;
  switch (e.method) {
    case 'enumerate':
      return `exact: all 2${superscript(units)} masks enumerated`;
    case 'split':
      return `exact: 2${superscript(units)} masks, split enumeration (meet in the middle)`;
    case 'closed-form':
      return 'closed form';
    case 'sample': {
      const interval = e.interval;
      return (
        `sampled: ${formatCount(result.samples ?? 0)} masks, seed ${result.seed ?? ''}, drawn by this section ` +
        'for Bernoulli masks and 1/q with the page’s sample count and seed' +
        (interval === undefined || interval[0] === interval[1] ? '' : `; 95% interval ${formatFixed(interval[0], 4)} to ${formatFixed(interval[1], 4)}`)
      );
    }
    default:
      return unreachable(e.method, 'method');
  }
}

function percentileFigure(result: PercentileResult, measured: Measured, units: number): PercentileFigure {
  const e = result.estimate;
  const sampled = e.method === 'sample';
  const oneSided = sampled && (e.value === 0 || e.value === 1);
  const t = formatFixed(measured.threshold, 3);
  const samples = formatCount(result.samples ?? 0);
  const position = oneSided
    ? `None of the ${samples} sampled masks gives ‖y‖ ${e.value === 0 ? '≤' : '>'} ${t} (95% bound by the rule of three, 3/N): ` +
      `in this layer ${measured.name} would be ${e.value === 0 ? 'far too short' : 'far too long'}. The normal approximation below says how far.`
    : `So ${measured.name} sits at ${percentileWords(e.value)} of ‖y‖ in this layer: with probability ${formatFixed(1 - e.value, 4)} ` +
      `a mask gives a longer y.${e.value > 0.005 && e.value < 0.995 ? ' Nothing about it is unusual.' : ' That would be rare.'}`;
  let normal: string | null = null;
  if (result.z !== null) {
    const reference = sampled ? `the sampled value ${percentileValue(result)}` : `the exact value ${percentileValue(result)}`;
    const errors = sampled && (e.standardError ?? 0) > 0 ? ` (${formatFixed(Math.abs(result.normal - e.value) / (e.standardError ?? 1), 1)} standard errors of the sample)` : '';
    normal =
      `Cross-check, normal approximation of ‖m⊙x‖² (mean q‖x‖², variance q(1−q)Σxᵢ⁴): Φ(${formatFixed(result.z, 3)}) = ${approximate(result.normal)}, ` +
      `which differs from ${reference} by ${difference(result.normal - e.value)}${errors}. ` +
      `Adding the first Edgeworth terms (skewness and kurtosis of ‖m⊙x‖²) gives ${approximate(result.edgeworth)}, ` +
      `which differs from it by ${difference(result.edgeworth - e.value)}; the Edgeworth terms move the normal value by ${difference(result.edgeworth - result.normal)}.`;
  }
  return {
    label: `P(‖y‖ ≤ ${t})`,
    value: percentileValue(result),
    provenance: percentileProvenance(result, units),
    position,
    normal,
    normalValue: result.normal,
  };
}

function spreadFigure(points: readonly SpreadPoint[], kind: VectorKind, seed: number, keep: number, current: { units: number; exact: number }): SpreadFigure {
  const words = KIND_WORDS[kind];
  const q = formatKeep(keep);
  const first = points[0];
  const last = points.at(-1);
  const describe = (p: SpreadPoint) => `n = ${p.units}: ${formatFixed(p.relativeSpread, 4)}`;
  return {
    points: points.map((p) => ({ units: p.units, exact: p.relativeSpread, approximate: p.approximateSpread })),
    current: current.exact > 0 ? current : null,
    title: `Relative spread of ‖y‖ against the layer size, ${words} layers, q = ${q}`,
    description:
      `Relative spread sd‖y‖/E‖y‖ of ${words} layers (seed ${seed}) at q = ${q}, closed form: ` +
      `${points.map(describe).join('; ')}. The delta method ½√((1−q)/(q·n_eff)) gives ` +
      `${first === undefined ? '' : formatFixed(first.approximateSpread, 4)} at n = ${first?.units ?? ''} and ` +
      `${last === undefined ? '' : formatFixed(last.approximateSpread, 4)} at n = ${last?.units ?? ''}. ` +
      `Your layer, n = ${current.units}: ${formatFixed(current.exact, 4)}.`,
    caption: `Each n is its own seeded ${words} draw, so the curve wiggles where n_eff does.`,
    tableTitle: `Relative spread of ‖y‖ by layer size (${words}, q = ${q})`,
    rows: points.map((p) => [String(p.units), formatFixed(p.nEff, 2), formatFixed(p.relativeSpread, 5), formatFixed(p.approximateSpread, 5)]),
  };
}

/** What the layers section shows for the state and the engine's answers. */
export function layersFigure(input: LayersFigureInput): LayersFigure {
  const { x, keep, model, compensation, source, reference, layers, layersStatus, compensationLabel } = input;
  const n = x.length;
  const spec = layerSpec(source, n);
  const { words, bernoulli } = modelWords(model);
  const standard = bernoulli && compensationInfo(compensation).unbiased;
  const measured = measuredOf(x, keep, reference);
  // Numbers only from an answer to this very state (a stale answer never shows).
  const output = layers !== null && layers.n === n && layers.keep === keep ? layers : null;
  const moments = output?.moments ?? null;
  const rows: NumberRow[] | null =
    moments === null
      ? null
      : [
          { label: 'E‖y‖', value: formatFixed(moments.meanNorm, 5), provenance: 'closed form' },
          { label: '‖x‖/√q', value: formatFixed(moments.rmsNorm, 5), provenance: 'closed form' },
          { label: 'sd‖y‖', value: formatFixed(moments.sdNorm, 5), provenance: 'closed form' },
          { label: 'sd‖y‖/E‖y‖', value: formatFixed(moments.relativeSpread, 5), provenance: 'closed form' },
          { label: 'n_eff = ‖x‖⁴/Σxᵢ⁴', value: formatFixed(moments.nEff, 2), provenance: 'closed form' },
        ];
  const failed = layersStatus === 'error';
  let percentile: LayersFigure['percentile'];
  if (measured === null) {
    percentile = {
      none:
        `No measured length is marked for this vector: the question’s ${formatFixed(QUESTION_LAYER.measured, 3)} belongs to its layer of ` +
        `${QUESTION_LAYER.units} units with ‖x‖ = ${QUESTION_LAYER.norm} at q = ${formatKeep(QUESTION_LAYER.keep)} (load it above).`,
    };
  } else if (output === null || output.percentile === 'pending') {
    percentile = failed ? { none: 'The percentile could not be computed for this state.' } : 'computing';
  } else if (output.percentile === null) {
    percentile = { none: 'No percentile for this vector.' };
  } else {
    percentile = percentileFigure(output.percentile, measured, n);
  }
  const q = formatKeep(keep);
  const spread: LayersFigure['spread'] =
    keep >= 1
      ? { none: 'With q = 1 nothing is dropped: ‖y‖ = ‖x‖ on every mask, so there is no spread to plot.' }
      : output?.spread === null || output?.spread === undefined || moments === null
        ? failed
          ? { none: 'The spread chart could not be computed for this state.' }
          : 'computing'
        : spreadFigure(output.spread, spec.kind, spec.seed, keep, { units: n, exact: moments.relativeSpread });
  return {
    n,
    sizeSource: source.kind === 'generated' ? `${spec.kind} draw, seed ${spec.seed}, ‖x‖ = ${spec.norm}` : 'your typed-in vector',
    standard,
    otherControls: standard
      ? null
      : `The histogram follows the page’s controls (${words}, kept values ${compensationLabel}), while the numbers below are for Bernoulli masks and 1/q.`,
    tableCaption: `Inverted dropout, Bernoulli masks, n = ${n}, q = ${q}`,
    rows,
    derivation:
      moments === null ? null : { norm: moments.norm, keep, nEff: moments.nEff, meanNorm: moments.meanNorm, sdNorm: moments.sdNorm },
    measured,
    percentile,
    fewUnits:
      moments !== null && moments.nEff > 0 && moments.nEff < 10
        ? {
            before:
              `With n_eff = ${formatFixed(moments.nEff, 2)} only a few units carry the length: these expansions drop terms of order 1/n_eff², ` +
              'so compare each with its exact value; ‖y‖ may split into modes instead of concentrating (',
            after: ').',
          }
        : null,
    concentration:
      keep >= 1
        ? null
        : {
            before:
              `So the more units share the length, the tighter ‖y‖ sits just below ‖x‖/√q, which is ${formatFixed((1 / Math.sqrt(keep) - 1) * 100, 1)} % ` +
              `above ‖x‖ at q = ${q}. The mean vector is still exactly x, which is what the next layer needs (`,
            after: '); the length was never what 1/q preserves. The chart shows the relative spread shrinking as 1/√n_eff:',
          },
    spread,
  };
}

export interface HistogramFigure {
  readonly title: string;
  readonly description: string;
  readonly markers: readonly { readonly id: string; readonly label: string; readonly value: number; readonly dash: LineStyle }[];
  readonly legend: { readonly ref: string; readonly mean: string; readonly rms: string; readonly measured: string | null };
  readonly xLabel: string;
  readonly dataTitle: string;
}

/**
 * The main result's histogram (the page's model and compensation) with ‖x‖, E‖y‖, √E‖y‖² and, only
 * when the section places one, the measured length. `compensationLabel` is the control's label in
 * the page's notation.
 */
export function histogramFigure(result: AnalysisResult, measured: Measured | null, compensationLabel: string): HistogramFigure {
  const d = maskModel(result.model);
  const out = `‖${d.output}‖`;
  const ref = `‖${d.reference}‖`;
  const unitsOneOverQ = compensationInfo(result.compensation).unbiased && d.masks === 'units';
  const rms = unitsOneOverQ ? `${ref}/√q` : `√E${out}²`;
  const method = methodLabel(result.histogram.method);
  const markers: HistogramFigure['markers'] = [
    { id: 'norm', label: `${ref} = ${formatFixed(result.norm, 3)}`, value: result.norm, dash: 'solid' },
    { id: 'mean', label: `E${out} = ${formatFixed(result.meanNorm.value, 3)}`, value: result.meanNorm.value, dash: 'dashed' },
    { id: 'rms', label: `${rms} = ${formatFixed(result.rmsNorm.value, 3)}`, value: result.rmsNorm.value, dash: 'dotted' },
    ...(measured === null ? [] : [{ id: 'measured', label: measured.label, value: measured.threshold, dash: 'dashdot' as const }]),
  ];
  return {
    title: `Distribution of ${out} in a layer of ${result.n} units, q = ${formatKeep(result.keep)}, ${compensationLabel} (${method})`,
    description:
      `${ref} = ${formatFixed(result.norm, 4)}, E${out} = ${formatFixed(result.meanNorm.value, 4)}, ` +
      `√(E${out}²) = ${formatFixed(result.rmsNorm.value, 4)}, sd${out} = ${formatFixed(result.sdNorm.value, 4)}` +
      (measured === null ? '.' : `; ${measured.label} is marked.`),
    markers,
    legend: {
      ref: `${ref}, the test-time length`,
      mean: `E${out}, the mean length`,
      rms: `√E${out}²${unitsOneOverQ ? ` = ${ref}/√q` : ''}`,
      measured: measured === null ? null : measured.question ? 'the measured ‖y‖ (the question’s 1.305)' : 'the marked ‖y‖',
    },
    xLabel: out,
    dataTitle: `Distribution of ${out}, ${result.n} units (${method})`,
  };
}
