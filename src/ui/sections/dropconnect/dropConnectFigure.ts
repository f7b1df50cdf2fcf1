/**
 * Section 7's figure model (DropConnect against unit dropout, both with 1/q): the bars, the text
 * alternative and data tables, the strongest correlation and its explanation, from the closed-form
 * moments of docs/mathematics.md#dropconnect (computed in src/math). Pure: no React, no DOM.
 */
import { formatFixed, formatKeep, subscript } from '../../../explain/formatNumber.ts';
import { formatAdaptive } from '../../../explain/meanDerivation.ts';
import type { DropConnectInput } from '../../../explain/dropConnectDerivation.ts';
import {
  compensationInfo,
  dropConnectMoments,
  effectiveUnits,
  maskModel,
  type Compensation,
  type DropConnectMoments,
  type DropConnectWeights,
  type MaskModel,
} from '../../../math/index.ts';

/** Inputs listed in the weight table. */
export const MAX_WEIGHT_TABLE_INPUTS = 64;

/** Below this n_eff one unit carries almost all of ‖x‖, which the correlation sentence explains. */
const CONCENTRATED_UNITS = 1.5;

export interface DropConnectFigureState {
  readonly x: readonly number[];
  /** The page's seeded W (selectWeights), d × n. */
  readonly weights: DropConnectWeights;
  /** q: every weight (or unit) kept with this probability. */
  readonly keep: number;
  readonly model: MaskModel;
  readonly compensation: Compensation;
  /** The compensation's name as the page shows it. */
  readonly compensationLabel: string;
}

export interface OutputBar {
  readonly mean: number;
  readonly sdDropConnect: number;
  readonly sdUnit: number;
}

export interface DropConnectFigure {
  /** The input of the TeX builders (1/q). */
  readonly input: DropConnectInput;
  readonly moments: DropConnectMoments;
  readonly bars: readonly OutputBar[];
  readonly barsTitle: string;
  readonly description: string;
  readonly outputRows: readonly (readonly string[])[];
  readonly correlationRows: readonly (readonly string[])[];
  readonly weightTitle: string;
  readonly weightColumns: readonly string[];
  readonly weightRows: readonly (readonly string[])[];
  /** The largest |Corr(z_j, z_l)| over j ≠ l with its pair (1-based), or null for a single output. */
  readonly strongest: { readonly value: number; readonly j: number; readonly l: number } | null;
  /** n_eff when one unit carries almost all of ‖x‖ (n_eff < 1.5), else null. */
  readonly concentrated: number | null;
  /** The page's model masks weights: its main histogram shows ‖u‖. */
  readonly dropConnectOn: boolean;
  /** The page's compensation when it is not 1/q (this section's numbers stay 1/q), else null. */
  readonly otherCompensation: string | null;
}

const sdOf = (variance: number | undefined) => Math.sqrt(Math.max(0, variance ?? 0));

/** The per-output figure in words. */
function describeOutputs(moments: DropConnectMoments): string {
  const parts = moments.means.map((mean, j) => {
    const sd = sdOf(moments.variances[j]);
    return `output ${j + 1}: (Wx) = ${formatAdaptive(mean)}, sd = ${formatAdaptive(sd)} for both`;
  });
  return `Mean and ±1 standard deviation of each output, DropConnect and unit dropout (closed form): ${parts.join('; ')}.`;
}

/** Rows of the weight table: input i, x_i, W_1i … W_di (6 decimals, to recompute by hand). */
function weightMatrixRows(x: readonly number[], weights: DropConnectWeights, limit: number): string[][] {
  const n = x.length;
  return x.slice(0, limit).map((v, i) => [
    String(i + 1),
    formatFixed(v, 6),
    ...Array.from({ length: weights.rows }, (_, j) => formatFixed(weights.values[j * n + i] ?? 0, 6)),
  ]);
}

function strongestCorrelation(moments: DropConnectMoments): DropConnectFigure['strongest'] {
  let best: { value: number; j: number; l: number } | null = null;
  moments.unitCorrelation.forEach((row, j) =>
    row.forEach((c, l) => {
      if (l > j && Number.isFinite(c) && (best === null || Math.abs(c) > Math.abs(best.value))) best = { value: c, j: j + 1, l: l + 1 };
    }),
  );
  return best;
}

export function dropConnectFigure(state: DropConnectFigureState): DropConnectFigure {
  const { x, weights, keep } = state;
  const n = x.length;
  const moments = dropConnectMoments(x, weights, keep);
  const nEff = effectiveUnits(x);
  const limited = n > MAX_WEIGHT_TABLE_INPUTS;
  return {
    input: { x, weights, keep },
    moments,
    bars: moments.means.map((mean, j) => {
      const sd = sdOf(moments.variances[j]);
      return { mean, sdDropConnect: sd, sdUnit: sd };
    }),
    barsTitle: `Outputs (Wx)_j with ±1 sd for DropConnect and for unit dropout, q = ${formatKeep(keep)}`,
    description: describeOutputs(moments),
    outputRows: moments.means.map((mean, j) => {
      const sd = formatAdaptive(sdOf(moments.variances[j]));
      return [`output ${j + 1}`, formatAdaptive(mean), sd, sd];
    }),
    correlationRows: moments.unitCorrelation.map((row, j) => [
      `output ${j + 1}`,
      ...row.map((c) => (Number.isFinite(c) ? formatFixed(c, 4) : '—')),
    ]),
    weightTitle: `Weights W and activations x${limited ? ` (first ${MAX_WEIGHT_TABLE_INPUTS} of ${n} inputs)` : ''}`,
    weightColumns: ['input i', 'xᵢ', ...Array.from({ length: weights.rows }, (_, j) => `W${subscript(j + 1)}ᵢ`)],
    weightRows: weightMatrixRows(x, weights, MAX_WEIGHT_TABLE_INPUTS),
    strongest: strongestCorrelation(moments),
    concentrated: nEff > 0 && nEff < CONCENTRATED_UNITS ? nEff : null,
    dropConnectOn: maskModel(state.model).masks === 'weights',
    otherCompensation: compensationInfo(state.compensation).unbiased ? null : state.compensationLabel,
  };
}
