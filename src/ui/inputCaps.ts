/**
 * How much text an input box reads. Every reader is linear in its text (math/decimalNumber.ts),
 * so these caps are not what keeps the page responsive; they keep an accidental paste of a whole
 * file from being scanned, split or echoed back in an error message, and the box says so.
 */
import { formatCount } from '../explain/formatNumber.ts';

/** A box for one number (the guess, the generator's units, seed and norm). */
export const MAX_NUMBER_BOX_CHARS = 100;

/** The paste box: 512 numbers of 17 digits with exponent, sign and separators fit with room to spare. */
export const MAX_PASTE_CHARS = 50_000;

/** "The Norm box holds 100,001 characters; it reads at most 100." or null when the text fits. */
export function tooLongMessage(box: string, text: string, max: number): string | null {
  if (text.length <= max) return null;
  return `The ${box} box holds ${formatCount(text.length)} characters; it reads at most ${formatCount(max)}, so nothing was read.`;
}
