/**
 * The page-wide notation switch, for formulas: derivations are written in the keep probability q;
 * when the reader prefers the drop rate p, every free q becomes (1 − p) before KaTeX renders it.
 * Only a q standing alone is replaced: not one inside a word or a command (\quad, \sqrt, \text{…}).
 */
import { createContext } from 'react';

export type TexNotation = 'keep' | 'drop';

/** The notation formulas are shown in; provided once for the page. */
export const TexNotationContext = createContext<TexNotation>('keep');

const FREE_Q = /(?<![\\A-Za-z])q(?![A-Za-z])/g;

/** The TeX with every free q written as (1 − p) when the notation is 'drop'. */
export function inNotation(tex: string, notation: TexNotation): string {
  return notation === 'drop' ? tex.replace(FREE_Q, '{(1-p)}') : tex;
}
