/**
 * Words and numbers for section 1 (one mask, compensated by 1/q): the mask shown, the figure's
 * text alternative and its data table. Numbers are rounded to the digits shown, never truncated.
 */
import { formatFixed, formatKeep } from '../explain/formatNumber.ts';
import { magnitudeDecimals, type QuestionDerivation } from '../explain/questionDerivation.ts';
import { maskText } from './maskTableRows.ts';

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
  return { title, description, columns: ['unit', 'x_i', 'm_i', '(m⊙x)_i', 'y_i = (m⊙x)_i/q'], rows };
}
