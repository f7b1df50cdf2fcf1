/**
 * The notation section's (id 'notation') derivations: the same layer read as keep probability q or as drop rate p = 1 − q,
 * with the reader's numbers, and why q = ½ makes the two readings coincide.
 */
import { formatFixed, formatKeep, texNumber } from './formatNumber.ts';

/** Whether formulas are written in the keep probability q or the drop rate p (the state's notation). */
export type PageNotation = 'keep' | 'drop';

/** The keep and drop probabilities as TeX in the chosen notation (q and 1 − q, or 1 − p and p). */
export interface ProbabilitySymbols {
  /** The keep probability, bare (for fractions and square roots): "q" or "1-p". */
  readonly keep: string;
  /** The keep probability safe to multiply: "q" or "(1-p)". */
  readonly keepFactor: string;
  /** The drop rate, bare: "1-q" or "p". */
  readonly drop: string;
  /** The drop rate safe to multiply: "(1-q)" or "p". */
  readonly dropFactor: string;
}

export function probabilitySymbols(notation: PageNotation): ProbabilitySymbols {
  return notation === 'keep'
    ? { keep: 'q', keepFactor: 'q', drop: '1-q', dropFactor: '(1-q)' }
    : { keep: '1-p', keepFactor: '(1-p)', drop: 'p', dropFactor: 'p' };
}

/** True when q = ½ (to the slider's resolution): then p = q and both conventions give the same number. */
export function isHalf(keep: number): boolean {
  return Math.abs(keep - 0.5) < 1e-9;
}

/** q clamped to [0, 1] (NaN reads as 1, nothing dropped), so no formula ever throws. */
export function safeKeep(keep: number): number {
  return Number.isFinite(keep) ? Math.min(1, Math.max(0, keep)) : 1;
}

/** The scale 1/q as TeX digits, or "\text{undefined}" when q = 0. */
function scaleTex(q: number): string {
  return q > 0 ? texNumber(1 / q, 4) : String.raw`\text{undefined}`;
}

/** The keep reading: q = …, so p = 1 − q = … and the scale is 1/q = …. */
export function keepReadingTex(keep: number): string {
  const q = safeKeep(keep);
  return (
    String.raw`q = ${formatKeep(q)} \;\Rightarrow\; p = 1 - q = 1 - ${formatKeep(q)} = ${formatKeep(1 - q)},` +
    String.raw`\qquad s = \frac{1}{q} = \frac{1}{${formatKeep(q)}} = ${scaleTex(q)}`
  );
}

/** The drop reading: p = …, so q = 1 − p = … and the scale is 1/(1 − p) = …. */
export function dropReadingTex(keep: number): string {
  const q = safeKeep(keep);
  const p = formatKeep(1 - q);
  return (
    String.raw`p = ${p} \;\Rightarrow\; q = 1 - p = 1 - ${p} = ${formatKeep(q)},` +
    String.raw`\qquad s = \frac{1}{1-p} = \frac{1}{1 - ${p}} = ${scaleTex(q)}`
  );
}

/** Both readings, the page's notation first. */
export function readingsTex(keep: number, notation: PageNotation): readonly [string, string] {
  return notation === 'keep' ? [keepReadingTex(keep), dropReadingTex(keep)] : [dropReadingTex(keep), keepReadingTex(keep)];
}

/** The layer itself in the chosen notation, and why its mean is x: E[y_i] = q·x_i/q = x_i. */
export function layerTex(keep: number, notation: PageNotation): string {
  const q = safeKeep(keep);
  const s = probabilitySymbols(notation);
  const value = formatKeep(q);
  const mean = q > 0 ? 'x_i' : String.raw`\text{undefined}`;
  return (
    String.raw`y = \frac{m\odot x}{${s.keep}},\quad m_i \sim \mathrm{Bernoulli}(${s.keep})` +
    String.raw`\qquad \mathbb{E}[y_i] = \frac{${s.keepFactor}\,x_i}{${s.keep}} = \frac{${value}\,x_i}{${value}} = ${mean}`
  );
}

/**
 * Why the question's wording works at q = ½, or what confusing the two costs otherwise:
 * 1/q against 1/p with the numbers.
 */
export function halfTex(keep: number): string {
  const q = safeKeep(keep);
  const p = 1 - q;
  if (isHalf(q)) {
    return String.raw`q = 1 - q = p = 0.50 \;\Rightarrow\; \frac{1}{q} = \frac{1}{p} = 2`;
  }
  const inverseDrop = p > 0 ? texNumber(1 / p, 4) : String.raw`\text{undefined}`;
  return (
    String.raw`q = ${formatKeep(q)} \ne p = ${formatKeep(p)} \;\Rightarrow\; ` +
    String.raw`\frac{1}{q} = ${scaleTex(q)} \ne \frac{1}{p} = ${inverseDrop}`
  );
}

/** One sentence for the q = ½ note, with the reader's numbers. */
export function halfSentence(keep: number): string {
  const q = safeKeep(keep);
  if (isHalf(q)) {
    return 'At q = ½ the two conventions coincide: p = q = 0.50, so “drop half” and “divide by 0.5” are right whichever probability the 0.5 names. That is why the question’s wording works.';
  }
  const ratio = q < 1 ? formatFixed(q / (1 - q), 4) : 'undefined';
  return `Here they differ: q = ${formatKeep(q)} but p = ${formatKeep(1 - q)}. Dividing by the wrong one scales the mean by q/p = ${ratio}, and passing one where the other is expected keeps a fraction ${formatKeep(1 - q)} of the units instead of ${formatKeep(q)} (see the next section).`;
}
