/**
 * The mean section's figure model: the page's state and the `mean` channel's answer → every label,
 * row, provenance string and conditional sentence the section shows. Pure (no React, no DOM); the
 * component renders it and computes nothing. Numbers appear only once the engine's complete answer
 * for exactly this state is in, so nothing stale or partial is ever shown as the current value;
 * meanwhile the figures keep their frames (an open data table or a pinned key stays as it is).
 */
import type { UnitMeanDatum } from '../../../charts/UnitMeansChart.tsx';
import { formatFixed, formatKeep } from '../../../explain/formatNumber.ts';
import { type DownstreamInput, formatAdaptive, type UnitInput } from '../../../explain/meanDerivation.ts';
import {
  compensationInfo,
  type Compensation,
  MAX_UNIT_LAW_UNITS,
  maskModel,
  type MaskModel,
  type UnitLaw,
  type UnitMaskModel,
  unreachable,
} from '../../../math/index.ts';
import type { AnalysisState } from '../../../state/analysisStore.ts';
import { unitModelOf } from '../../../state/meanQueries.ts';
import { compensationNote, type CompensationNote } from './compensationNote.ts';
import { COMPUTING, downstreamFigure, type DownstreamFigure, pendingDownstreamFigure } from './downstreamFigure.ts';
import { formatWithError, howObtained } from './meanNumbers.ts';

/** Units drawn in the per-unit figure (the first ones; the rest are in the data table). */
export const MAX_SHOWN_UNITS = 48;

const UNIT_COLUMNS = ['unit i', 'xᵢ', 'E[yᵢ]', 'sd(yᵢ)', 'E[yᵢ] − xᵢ'];

export interface MeanFigureState {
  readonly x: readonly number[];
  /** The page's seeded downstream weights (selectWeights). */
  readonly w: readonly number[];
  /** The page's mask model; the section shows unit masks (Bernoulli under DropConnect). */
  readonly model: MaskModel;
  /** The effective q (k/n under the fixed model). */
  readonly keep: number;
  /** k of the fixed model. */
  readonly kept: number;
  readonly compensation: Compensation;
  readonly weightsSeed: number;
  /** The compensation's label in the page's notation. */
  readonly compensationLabel: string;
  /** Whether the reader may change the compensation (a class link may lock or hide it). */
  readonly compensationFree: boolean;
}

/** The `mean` channel as the section reads it. */
export interface MeanChannel {
  /** The latest answer's law, and whether that answer is final. */
  readonly law: UnitLaw | null;
  readonly complete: boolean;
  readonly status: AnalysisState['status'];
}

/** A sentence with a link to another section between its two halves. */
export interface LinkedSentence {
  readonly before: string;
  readonly section: 'dropconnect';
  readonly after: string;
}

export interface UnitsFigure {
  readonly units: readonly UnitMeanDatum[];
  readonly title: string;
  readonly description: string;
  /** "× 1/q (inverted dropout) (exact enumeration of 16 masks)." and the notes after it. */
  readonly caption: string;
  readonly tableTitle: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** What only the engine's numbers can say, once they belong to the state shown. */
export interface MeanNumbers {
  readonly law: UnitLaw;
  readonly compensation: CompensationNote;
  /** The 1/q derivation of z with the engine's sums. */
  readonly derivation: DownstreamInput;
}

export interface MeanFigure {
  readonly n: number;
  /** The unit model shown (Bernoulli under DropConnect). */
  readonly unitModel: UnitMaskModel;
  /** The q of every sentence and formula (k/n under the fixed model). */
  readonly keep: number;
  /** Under DropConnect: the section shows unit dropout with Bernoulli masks (linked to DropConnect's section). */
  readonly dropConnectNote: LinkedSentence | null;
  /** Under the fixed model: what exactly k kept means here. */
  readonly fixedNote: string | null;
  /** The worked example: the largest unit, under 1/q. */
  readonly unit: UnitInput;
  /** The sentence on the spread of y_i under 1/q at this q. */
  readonly spreadSentence: string;
  readonly derivationLead: string;
  /** The fixed model's note on the correlated mask bits (n > 1). */
  readonly correlationNote: boolean;
  /** Var z under 1/q in words, for the closing paragraph. */
  readonly varianceWords: string;
  /** The per-unit figure and the figure of z: with the engine's numbers, or their frames without numbers while it computes. */
  readonly units: UnitsFigure;
  readonly downstream: DownstreamFigure;
  /** The engine's numbers for this state, or null while it computes (or could not). */
  readonly numbers: MeanNumbers | null;
  /** While computing: what the section waits for (null when there is nothing to wait for). */
  readonly waiting: string | null;
}

/** The 1-based index of the unit with the largest |x_i| (the first such), for the worked example. */
export function largestUnit(x: readonly number[]): number {
  let best = 0;
  x.forEach((v, i) => {
    if (Math.abs(v) > Math.abs(x[best] ?? 0)) best = i;
  });
  return best + 1;
}

/** Whether the law answers this state (same n, model, q, k, compensation and w·x). */
function lawFits(state: MeanFigureState, law: UnitLaw, undropped: number): boolean {
  const model = unitModelOf(state.model);
  return (
    law.n === state.x.length &&
    law.model === model &&
    law.compensation === state.compensation &&
    Math.abs(law.keep - state.keep) <= 1e-12 &&
    (maskModel(model).keepFromCount ? law.kept === state.kept : law.kept === null) &&
    Math.abs(law.undropped - undropped) <= 1e-9 * (1 + Math.abs(undropped))
  );
}

/** sd(y_i) = |x_i|√((1 − q)/q) under 1/q, in words for this q. */
function spreadSentence(q: number): string {
  const head =
    'With 1/q the price of dropout is noise, not bias: each output scatters by sd(y_i) = |x_i|√((1 − q)/q) around its own x_i';
  if (q === 1) return `${head}, which is 0 at q = 1: nothing is dropped.`;
  const factor = Math.sqrt((1 - q) / q);
  if (Math.abs(factor - 1) < 1e-9) return `${head}, which at q = ${formatKeep(q)} is as large as |x_i| itself.`;
  return `${head}, which at q = ${formatKeep(q)} is ${formatFixed(factor, 3)} times |x_i|, ${factor > 1 ? 'larger' : 'smaller'} than |x_i| itself.`;
}

function fixedNote(n: number, kept: number, q: number, compensation: Compensation): string {
  if (kept === n) return `Fixed count: all n = ${n} units kept (k = n), so q = k/n = 1 and nothing is dropped.`;
  const head = `Fixed count: exactly k = ${kept} of n = ${n} units kept, so q = k/n = ${formatKeep(q)}. Each unit is still kept with probability q`;
  switch (compensationInfo(compensation).kind) {
    case 'scalar':
      return `${head}, so with one scale for every mask its mean and variance are those of the Bernoulli model; the units become negatively correlated, which the downstream unit below feels.`;
    case 'per-sample':
      return `${head}, but per-sample matching scales each mask by its own factor, so the numbers below are not those of the Bernoulli model.`;
  }
}

function unitsFigure(state: MeanFigureState, law: UnitLaw): UnitsFigure {
  const { x } = state;
  const n = x.length;
  const shown = Math.min(n, MAX_SHOWN_UNITS);
  const how = howObtained(law.meanY.method, law);
  const sd = law.sdY;
  const described = x.slice(0, 8).map((v, i) => {
    const spread = sd?.values[i];
    return (
      `unit ${i + 1}: x = ${formatAdaptive(v)}, E[y] = ${formatAdaptive(law.meanY.values[i] ?? 0)}` +
      (spread === undefined ? '' : `, sd(y) = ${formatAdaptive(spread)}`)
    );
  });
  const more = n > 8 ? `; and ${n - 8} more units in the data table` : '';
  const notes = [
    n > shown ? ` The first ${shown} of ${n} units are drawn.` : '',
    sd === null ? ` The spread of per-sample matching is only computed by enumeration (n ≤ ${MAX_UNIT_LAW_UNITS}).` : '',
  ].join('');
  return {
    units: x.slice(0, shown).map((v, i) => ({ value: v, mean: law.meanY.values[i] ?? 0, sd: sd?.values[i] ?? null })),
    title: `Each unit xᵢ against the mean of its dropout output E[yᵢ], q = ${formatKeep(law.keep)}`,
    description: `Per unit, the activation xᵢ and the mean of its dropout output E[yᵢ] (${how}): ${described.join('; ')}${more}.`,
    caption: `${state.compensationLabel} (${how}).${notes}`,
    tableTitle: `Mean and spread of each unit’s output (${how})`,
    columns: UNIT_COLUMNS,
    rows: x.slice(0, shown).map((v, i) => {
      const mean = law.meanY.values[i] ?? 0;
      const spread = sd?.values[i];
      return [
        String(i + 1),
        formatAdaptive(v),
        formatWithError(mean, law.meanY.standardErrors?.[i]),
        spread === undefined ? 'not computed' : formatWithError(spread, sd?.standardErrors?.[i]),
        formatWithError(mean - v, law.meanY.standardErrors?.[i]),
      ];
    }),
  };
}

/** The per-unit figure while the engine computes: the frame, the caption's words, no numbers. */
function pendingUnitsFigure(state: MeanFigureState): UnitsFigure {
  return {
    units: [],
    title: `Each unit xᵢ against the mean of its dropout output E[yᵢ], q = ${formatKeep(state.keep)} (being computed)`,
    description: 'The means and spreads of the units are being computed.',
    caption: `${state.compensationLabel} (${COMPUTING}).`,
    tableTitle: 'Mean and spread of each unit’s output (being computed)',
    columns: UNIT_COLUMNS,
    rows: [],
  };
}

/** w·x, to check that an answer belongs to the state (the engine's own value is what is shown). */
const dot = (x: readonly number[], w: readonly number[]) => x.reduce((s, v, i) => s + v * (w[i] ?? 0), 0);

/** What the section shows for this state and this channel. */
export function meanFigure(state: MeanFigureState, channel: MeanChannel): MeanFigure {
  const { x, keep: q, kept, compensation } = state;
  const n = x.length;
  const model = unitModelOf(state.model);
  const unit = largestUnit(x);
  const law = channel.law;
  const fresh = law !== null && channel.complete && lawFits(state, law, dot(x, state.w));
  let dropConnectNote: LinkedSentence | null = null;
  let fixed: string | null = null;
  switch (state.model) {
    case 'bernoulli':
      break;
    case 'fixed':
      fixed = fixedNote(n, kept, q, compensation);
      break;
    case 'dropconnect':
      dropConnectNote = {
        before: 'The page’s mask model is DropConnect, which masks weights (',
        section: 'dropconnect',
        after: '). This section shows unit dropout with Bernoulli masks at the same q.',
      };
      break;
    default:
      return unreachable(state.model, 'mask model');
  }
  const fixedCount = maskModel(model).keepFromCount;
  return {
    n,
    unitModel: model,
    keep: q,
    dropConnectNote,
    fixedNote: fixed,
    unit: { value: x[unit - 1] ?? 0, index: unit, keep: q },
    spreadSentence: spreadSentence(q),
    derivationLead: compensationInfo(compensation).unbiased
      ? 'With these numbers:'
      : 'For inverted dropout (1/q), the compensation the frameworks use, with these numbers:',
    correlationNote: fixedCount && n > 1,
    varianceWords: fixedCount ? '(1 − q)/q · n/(n − 1) · Σ (w_i x_i − b̄)²' : '(1 − q)/q · Σ w_i²x_i²',
    units: fresh ? unitsFigure(state, law) : pendingUnitsFigure(state),
    downstream: fresh ? downstreamFigure(x, state.w, law) : pendingDownstreamFigure(x, state.w, q),
    numbers: fresh
      ? {
          law,
          compensation: compensationNote(
            { x, compensation, label: state.compensationLabel, compensationFree: state.compensationFree, unit },
            law,
          ),
          derivation: { x, w: state.w, keep: q, model, moments: law.inverted },
        }
      : null,
    waiting:
      fresh || channel.status === 'error'
        ? null
        : `Computing the mean and spread of each unit and the law of z = w·y for n = ${n} units…`,
  };
}
