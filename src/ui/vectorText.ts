/**
 * Reads a pasted vector: numbers separated by commas, semicolons, spaces, tabs or new lines,
 * optionally wrapped in brackets as NumPy, PyTorch or JSON print them. Says exactly what it could
 * not read, by position.
 */
import { readDecimal } from '../math/index.ts';
import { MAX_ABS_UNIT_VALUE, MAX_EXPLICIT_UNITS, MIN_ABS_UNIT_VALUE } from '../state/explorerState.ts';
import { MAX_PASTE_CHARS, tooLongMessage } from './inputCaps.ts';

export interface ReadVector {
  /** The numbers read, in order (only when there is no problem). */
  readonly values: readonly number[] | null;
  /** Plain sentences, one per problem. */
  readonly problems: readonly string[];
}

/** How many unreadable or too-large items a problem names before "and N more". */
export const LISTED_ITEMS = 5;

/** The first few entries, then "and N more". */
function listSome(items: readonly string[]): string {
  return items.slice(0, LISTED_ITEMS).join(', ') + (items.length > LISTED_ITEMS ? ` and ${items.length - LISTED_ITEMS} more` : '');
}

/** A token as a message shows it: at most 20 characters. */
function shown(token: string): string {
  return token.length > 20 ? `${token.slice(0, 20)}…` : token;
}

/** The text without leading `[` and trailing `]` (a loop: the pattern `\]+$` took quadratic time on a long run of `]`). */
function stripBrackets(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '[') start++;
  while (end > start && text[end - 1] === ']') end--;
  return text.slice(start, end);
}

export function readVectorText(text: string): ReadVector {
  const tooLong = tooLongMessage('paste', text, MAX_PASTE_CHARS);
  if (tooLong !== null) return { values: null, problems: [tooLong] };
  const stripped = stripBrackets(
    text
      .trim()
      .replace(/^(tensor|np\.array|array)\s*\(/i, '')
      .replace(/\)\s*$/, ''),
  );
  const tokens = stripped.split(/[\s,;]+/).filter((t) => t !== '');
  if (tokens.length === 0) return { values: null, problems: ['There are no numbers to read.'] };
  const problems: string[] = [];
  if (tokens.length > MAX_EXPLICIT_UNITS) {
    problems.push(`There are ${tokens.length} numbers; a typed vector may have at most ${MAX_EXPLICIT_UNITS} (use the generator for larger layers).`);
  }
  const values: number[] = [];
  const unreadable: string[] = [];
  const tooLarge: string[] = [];
  const tooSmall: string[] = [];
  tokens.forEach((token, index) => {
    const value = readDecimal(token);
    if (value === null) unreadable.push(`“${shown(token)}” (item ${index + 1})`);
    else if (Math.abs(value) > MAX_ABS_UNIT_VALUE) tooLarge.push(`${index + 1} (${shown(token)})`);
    else if (value !== 0 && Math.abs(value) < MIN_ABS_UNIT_VALUE) tooSmall.push(`${index + 1} (${shown(token)})`);
    else values.push(value);
  });
  if (tooLarge.length === 1) problems.push(`Item ${tooLarge[0] ?? ''} is larger than ${MAX_ABS_UNIT_VALUE} in size.`);
  else if (tooLarge.length > 1) problems.push(`${tooLarge.length} items are larger than ${MAX_ABS_UNIT_VALUE} in size: items ${listSome(tooLarge)}.`);
  const small = `smaller than ${MIN_ABS_UNIT_VALUE} in size but not 0, too small to square; type 0 or a larger value`;
  if (tooSmall.length === 1) problems.push(`Item ${tooSmall[0] ?? ''} is ${small}.`);
  else if (tooSmall.length > 1) problems.push(`${tooSmall.length} items are ${small}: items ${listSome(tooSmall)}.`);
  if (unreadable.length > 0) {
    problems.unshift(`Could not read ${unreadable.length === 1 ? 'one item as a number' : `${unreadable.length} items as numbers`}: ${listSome(unreadable)}.`);
  }
  return problems.length === 0 ? { values, problems } : { values: null, problems };
}
