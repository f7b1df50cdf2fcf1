/**
 * Reads a pasted vector: numbers separated by commas, semicolons, spaces, tabs or new lines,
 * optionally wrapped in brackets as NumPy, PyTorch or JSON print them. Says exactly what it could
 * not read, by position.
 */
import { MAX_ABS_UNIT_VALUE, MAX_EXPLICIT_UNITS } from '../state/explorerState.ts';

export interface ReadVector {
  /** The numbers read, in order (only when there is no problem). */
  readonly values: readonly number[] | null;
  /** Plain sentences, one per problem. */
  readonly problems: readonly string[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function readVectorText(text: string): ReadVector {
  const stripped = text
    .trim()
    .replace(/^(tensor|np\.array|array)\s*\(/i, '')
    .replace(/\)\s*$/, '')
    .replace(/^\[+|\]+$/g, '');
  const tokens = stripped.split(/[\s,;]+/).filter((t) => t !== '');
  if (tokens.length === 0) return { values: null, problems: ['There are no numbers to read.'] };
  const problems: string[] = [];
  if (tokens.length > MAX_EXPLICIT_UNITS) {
    problems.push(`There are ${tokens.length} numbers; a typed vector may have at most ${MAX_EXPLICIT_UNITS} (use the generator for larger layers).`);
  }
  const values: number[] = [];
  const unreadable: string[] = [];
  tokens.forEach((token, index) => {
    const value = NUMBER.test(token) ? Number(token) : Number.NaN;
    if (!Number.isFinite(value)) unreadable.push(`“${token.length > 20 ? `${token.slice(0, 20)}…` : token}” (item ${index + 1})`);
    else if (Math.abs(value) > MAX_ABS_UNIT_VALUE) problems.push(`Item ${index + 1} (${token}) is larger than ${MAX_ABS_UNIT_VALUE} in size.`);
    else values.push(value + 0);
  });
  if (unreadable.length > 0) {
    const shown = unreadable.slice(0, 5).join(', ') + (unreadable.length > 5 ? ` and ${unreadable.length - 5} more` : '');
    problems.unshift(`Could not read ${unreadable.length === 1 ? 'one item as a number' : `${unreadable.length} items as numbers`}: ${shown}.`);
  }
  return problems.length === 0 ? { values, problems } : { values: null, problems };
}
