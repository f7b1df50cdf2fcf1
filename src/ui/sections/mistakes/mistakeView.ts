import { formatFixed } from '../../../explain/formatNumber.ts';
import type { MistakeNumbers } from '../../../explain/mistakes.ts';

/** Units drawn in the mistake figure and listed in its table. */
export const MISTAKE_SHOWN_UNITS = 12;

/** The mistake figure's description in numbers, unit by unit (for screen readers). */
export function mistakeDescription(numbers: MistakeNumbers, x: readonly number[]): string {
  const phase = numbers.phase === 'training' ? 'training' : 'test';
  const f = (v: number | undefined) => formatFixed(v ?? Number.NaN, 4);
  const units = x.slice(0, MISTAKE_SHOWN_UNITS).map(
    (v, i) =>
      `unit ${i + 1}: x = ${f(v)}, right E[y] = ${f(numbers.right.mean[i])} (sd ${f(numbers.right.sd[i])}), ` +
      `wrong E[y] = ${f(numbers.wrong.mean[i])} (sd ${f(numbers.wrong.sd[i])})`,
  );
  const more = x.length > MISTAKE_SHOWN_UNITS ? `; first ${MISTAKE_SHOWN_UNITS} of ${x.length} units shown` : '';
  return `Mean ${phase} output per unit, closed form. ${units.join('; ')}${more}.`;
}
