/**
 * Section 1's figure model (one mask, compensated by 1/q): the mask shown, its norms, the figure's
 * text alternative and data table, and which special case the readout names. Numbers are rounded
 * to the digits shown, never truncated. Also used by the notebook export.
 */
import { formatFixed, formatKeep } from '../../../explain/formatNumber.ts';
import { magnitudeDecimals, questionDerivation, type QuestionDerivation } from '../../../explain/questionDerivation.ts';
import { compensationInfo, maskModel, type Compensation, type MaskModel } from '../../../math/index.ts';
import { maskText } from '../masks/maskTableRows.ts';

/** The mask of the single-mask view: the chosen one if it fits n units, else every unit kept (what toggling starts from). */
export function shownMask(mask: readonly (0 | 1)[] | null, units: number): readonly (0 | 1)[] {
  return mask !== null && mask.length === units ? mask : new Array<0 | 1>(units).fill(1);
}

/** A derived magnitude (a norm) in prose: 3 decimals, or 4 significant digits below 0.1. */
export function proseNumber(value: number): string {
  return formatFixed(value, Math.max(3, magnitudeDecimals(value) - 1));
}

/** An entry of a vector as typed: one to four decimals (rounded). */
export function entryText(value: number): string {
  let decimals = 1;
  while (decimals < 4 && Number(value.toFixed(decimals)) !== value) decimals++;
  return formatFixed(value, decimals);
}

const vectorText = (values: readonly number[]) => `(${values.map(entryText).join(', ')})`;

/** "units 1 and 2", "unit 3", "units 1, 2 and 5", "no unit". */
export function unitList(indices: readonly number[]): string {
  const names = indices.map((i) => String(i + 1));
  if (names.length === 0) return 'no unit';
  if (names.length === 1) return `unit ${names[0]}`;
  return `units ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export interface MaskFigureText {
  readonly title: string;
  readonly description: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The figure's title, its description with every number, and its data table. */
export function describeMaskFigure(
  x: readonly number[],
  mask: readonly (0 | 1)[],
  keep: number,
  d: QuestionDerivation,
): MaskFigureText {
  const masked = x.map((v, i) => (mask[i] === 1 ? v : 0));
  const compensated = masked.map((v) => (v === 0 ? 0 : v * d.scale));
  const dropped = x.map((_, i) => i).filter((i) => mask[i] === 0);
  const title = `x, m⊙x and y = m⊙x/q for the mask ${maskText(mask)} at q = ${formatKeep(keep)}`;
  const description =
    `Three groups of ${x.length} bars on one scale. x = ${vectorText(x)}, ‖x‖ = ${proseNumber(d.norm)}. ` +
    `m⊙x = ${vectorText(masked)}, ‖m⊙x‖ = ${proseNumber(d.maskedNorm)}. ` +
    `y = m⊙x/q = ${vectorText(compensated)}, ‖y‖ = ${proseNumber(d.compensatedNorm)}. ` +
    `Dropped: ${unitList(dropped)} (hatched in x, a cross at zero after masking).`;
  const rows = x.map((v, i) => [
    `unit ${i + 1}`,
    entryText(v),
    String(mask[i] ?? 0),
    entryText(masked[i] ?? 0),
    entryText(compensated[i] ?? 0),
  ]);
  rows.push(['norm', proseNumber(d.norm), `${d.kept} kept`, proseNumber(d.maskedNorm), proseNumber(d.compensatedNorm)]);
  return { title, description, columns: ['unit', 'xᵢ', 'mᵢ', '(m⊙x)ᵢ', 'yᵢ = (m⊙x)ᵢ/q'], rows };
}

/** What section 1 shows for a state: pure (no React), so its numbers can be checked against brute force. */
export interface QuestionFigureState {
  readonly x: readonly number[];
  /** The reader's chosen mask, or null (every unit kept). */
  readonly mask: readonly (0 | 1)[] | null;
  /** The page's q (k/n under the fixed model). */
  readonly keep: number;
  readonly model: MaskModel;
  /** k of the fixed-count model. */
  readonly kept: number;
  readonly compensation: Compensation;
}

/** How the single-mask readout ends: the special masks get a sentence of their own. */
export type QuestionEnding =
  | { readonly kind: 'all-dropped'; readonly bernoulliProbability: number }
  | { readonly kind: 'zero-kept' }
  | { readonly kind: 'all-kept' }
  | null;

export interface QuestionFigure {
  readonly mask: readonly (0 | 1)[];
  readonly derivation: QuestionDerivation;
  readonly text: MaskFigureText;
  /** ‖y‖/‖x‖, or null for x = 0. */
  readonly ratio: number | null;
  /** The fixed-count model with k = 0: no q to divide by, so no figure. */
  readonly noKeep: boolean;
  readonly ending: QuestionEnding;
  /** The page's compensation is not 1/q's family: the section says it divides by q anyway. */
  readonly compensationUnused: boolean;
  /** The page masks weights (DropConnect): the section says its mask is on the units. */
  readonly unitMaskInstead: boolean;
}

/**
 * Section 1 always compensates by 1/q, the question as asked (docs/mathematics.md#reference-values),
 * whatever the page's compensation; under DropConnect its mask is still on the units.
 */
export function questionFigure(state: QuestionFigureState): QuestionFigure {
  const { x, keep } = state;
  const mask = shownMask(state.mask, x.length);
  const derivation = questionDerivation({ x, mask, keep });
  const n = x.length;
  const ending: QuestionEnding = derivation.allDropped
    ? { kind: 'all-dropped', bernoulliProbability: (1 - keep) ** n }
    : derivation.maskedNorm === 0
      ? { kind: 'zero-kept' }
      : derivation.kept === n
        ? { kind: 'all-kept' }
        : null;
  return {
    mask,
    derivation,
    text: describeMaskFigure(x, mask, keep, derivation),
    ratio: derivation.norm > 0 ? derivation.compensatedNorm / derivation.norm : null,
    noKeep: maskModel(state.model).keepFromCount && state.kept === 0,
    ending,
    compensationUnused: !compensationInfo(state.compensation).unbiased,
    unitMaskInstead: maskModel(state.model).masks === 'weights',
  };
}
