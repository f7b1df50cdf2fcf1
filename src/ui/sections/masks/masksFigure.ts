/**
 * Section masks' figure model: the page's state (and the main channel's engine result) → the masks
 * listed, the averages with their provenance, and the comparison with the other unit model. Pure (no
 * React): the rows come from src/math's maskRows, E‖m⊙x‖ from the engine's result when it is for the
 * listed model, else from src/math's closed form, so the number has one provenance wherever it appears
 * (docs/architecture.md#one-engine). Masks are unit masks with 1/q
 * (docs/mathematics.md#reference-values); under DropConnect the table shows Bernoulli unit masks and
 * says so.
 */
import { formatFixed, formatKeep, provenance } from '../../../explain/formatNumber.ts';
import { type MasksDerivation, masksDerivation } from '../../../explain/masksDerivation.ts';
import { magnitudeDecimals } from '../../../explain/questionDerivation.ts';
import {
  type AnalysisResult,
  type Estimate,
  expectedMaskedNorm,
  expectedMaskedNormFixed,
  type MaskModel,
  type MaskRow,
  maskRows,
  unreachable,
} from '../../../math/index.ts';

/** The unit models the table can list. */
export type TableModel = 'bernoulli' | 'fixed';

/** The unit model the table lists for the page's model: its own, or Bernoulli masks for DropConnect. */
export function tableModelOf(model: MaskModel): TableModel {
  switch (model) {
    case 'bernoulli':
      return 'bernoulli';
    case 'fixed':
      return 'fixed';
    case 'dropconnect':
      return 'bernoulli';
    default:
      return unreachable(model, 'mask model');
  }
}

/** The other unit model, for the comparison under the table. */
export function otherTableModel(model: TableModel): TableModel {
  switch (model) {
    case 'bernoulli':
      return 'fixed';
    case 'fixed':
      return 'bernoulli';
    default:
      return unreachable(model, 'table model');
  }
}

export interface MasksState {
  readonly x: readonly number[];
  /** The state's keep (the Bernoulli q). */
  readonly keep: number;
  readonly model: MaskModel;
  /** k, at least 1. */
  readonly kept: number;
  /** ‖x‖ (the state's selector). */
  readonly norm: number;
}

/** One unit model's average over its masks. */
export interface ModelAverage {
  readonly model: TableModel;
  /** q: keep, or k/n. */
  readonly q: number;
  readonly rows: readonly MaskRow[];
  readonly derivation: MasksDerivation;
  /** E‖m⊙x‖ with how it was obtained (the engine's, or the closed form). */
  readonly meanMaskedNorm: Estimate;
  /** E‖m⊙x‖/q, same method. */
  readonly meanNorm: Estimate;
}

export interface MasksFigure {
  /** The model listed. */
  readonly listed: ModelAverage;
  /** The other unit model at the same k or q. */
  readonly other: ModelAverage;
  /** ‖x‖. */
  readonly norm: number;
  /** (E‖y‖/‖x‖ − 1)·100, or null for x = 0. */
  readonly excessPercent: number | null;
  /** "the C(4, 2) = 6 masks that keep exactly 2" or "all 2⁴ = 16 masks". */
  readonly countText: string;
  /** The sentence on the other unit model's average. */
  readonly otherText: string;
  /** Whether the derivation groups masks by kept count (S_k), as for Bernoulli masks. */
  readonly groupsByKeptCount: boolean;
  /** Whether the page's model masks weights, so the table shows Bernoulli unit masks instead. */
  readonly showsUnitMasksInstead: boolean;
}

/** Whether the engine's result is for this unit model's masks of this x and q (so its E‖m⊙x‖ is the table's). */
function resultFits(result: AnalysisResult | null, model: TableModel, x: readonly number[], q: number): result is AnalysisResult {
  return (
    result !== null &&
    result.model === model &&
    Math.abs(result.keep - q) < 1e-12 &&
    Number.isFinite(result.meanMaskedNorm.value) &&
    result.meanVector.values.length === x.length
  );
}

function closedForm(model: TableModel, x: readonly number[], q: number, kept: number): number {
  switch (model) {
    case 'bernoulli':
      return expectedMaskedNorm(x, q);
    case 'fixed':
      return expectedMaskedNormFixed(x, kept);
    default:
      return unreachable(model, 'table model');
  }
}

/** q of a unit model: the Bernoulli keep probability, or k/n. */
function keepOf(model: TableModel, keep: number, kept: number, n: number): number {
  switch (model) {
    case 'bernoulli':
      return keep;
    case 'fixed':
      return kept / n;
    default:
      return unreachable(model, 'table model');
  }
}

const divided = (estimate: Estimate, q: number): Estimate => ({
  value: estimate.value / q,
  method: estimate.method,
  ...(estimate.standardError === undefined ? {} : { standardError: estimate.standardError / q }),
  ...(estimate.interval === undefined ? {} : { interval: [estimate.interval[0] / q, estimate.interval[1] / q] as const }),
});

function average(state: MasksState, model: TableModel, norm: number, result: AnalysisResult | null): ModelAverage {
  const { x, keep, kept } = state;
  const n = x.length;
  const q = keepOf(model, keep, kept, n);
  const rows = maskRows({ x, keep, model, kept, compensation: 'inverted' });
  const derivation = masksDerivation({ rows, model, units: n, keep: q, kept, norm });
  const meanMaskedNorm: Estimate = resultFits(result, model, x, q)
    ? result.meanMaskedNorm
    : { value: closedForm(model, x, q, kept), method: 'closed-form' };
  return { model, q, rows, derivation, meanMaskedNorm, meanNorm: divided(meanMaskedNorm, q) };
}

/** What the masks section shows for n ≤ 12 units. */
export function masksFigure(state: MasksState, result: AnalysisResult | null): MasksFigure {
  const { norm } = state;
  const listedModel = tableModelOf(state.model);
  const listed = average(state, listedModel, norm, result);
  const other = average(state, otherTableModel(listedModel), norm, result);
  return {
    listed,
    other,
    norm,
    excessPercent: norm > 0 ? (listed.meanNorm.value / norm - 1) * 100 : null,
    countText: countText(listed, state.x.length, state.kept),
    otherText: otherText(other, state.x.length, state.kept),
    groupsByKeptCount: listed.derivation.steps.length > 0 && groupsByKeptCount(listed.model),
    showsUnitMasksInstead: listedModel !== state.model,
  };
}

function groupsByKeptCount(model: TableModel): boolean {
  switch (model) {
    case 'bernoulli':
      return true;
    case 'fixed':
      return false;
    default:
      return unreachable(model, 'table model');
  }
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** 2ⁿ written with superscript digits ("2¹²"). */
const powerOfTwo = (n: number) => `2${[...String(n)].map((d) => SUPERSCRIPTS[Number(d)] ?? d).join('')}`;

/** A mean in the sentences: 4 decimals, or 5 significant digits below 0.1. */
const meanText = (value: number) => formatFixed(value, magnitudeDecimals(value));

function countText(listed: ModelAverage, n: number, kept: number): string {
  switch (listed.model) {
    case 'fixed':
      return `the C(${n}, ${kept}) = ${listed.rows.length} masks that keep exactly ${kept}`;
    case 'bernoulli':
      return `all ${powerOfTwo(n)} = ${listed.rows.length} masks`;
    default:
      return unreachable(listed.model, 'table model');
  }
}

function otherText(other: ModelAverage, n: number, kept: number): string {
  const value = `E‖y‖ = ${meanText(other.meanNorm.value)} (${provenance(other.meanNorm, magnitudeDecimals(other.meanNorm.value))})`;
  switch (other.model) {
    case 'fixed':
      return `The accepted answer’s model, exactly k = ${kept} of ${n} kept (q = ${formatKeep(other.q)}), averages only ${other.derivation.count} masks and gives ${value}.`;
    case 'bernoulli':
      return `Real dropout at q = ${formatKeep(other.q)} draws all ${other.derivation.count} masks, including keeping none (‖y‖ = 0) and keeping all (‖y‖ = ‖x‖/q), and gives ${value}.`;
    default:
      return unreachable(other.model, 'table model');
  }
}

/** For n > 12: E‖m⊙x‖ and E‖m⊙x‖/q from the engine, for unit models only (null under DropConnect or while computing). */
export function manyMasksNumbers(result: AnalysisResult | null): { readonly masked: Estimate; readonly divided: Estimate; readonly q: number } | null {
  if (result === null || !result.complete) return null;
  switch (result.model) {
    case 'bernoulli':
    case 'fixed':
      return { masked: result.meanMaskedNorm, divided: divided(result.meanMaskedNorm, result.keep), q: result.keep };
    case 'dropconnect':
      return null;
    default:
      return unreachable(result.model, 'mask model');
  }
}
