/**
 * Section 1's derivation with the reader's numbers: one mask m applied to x and compensated by the
 * inverted scale 1/q (the question as asked; docs/mathematics.md#reference-values):
 *   ‖m⊙x‖ = √(Σ_{i kept} x_i²),  ‖y‖ = ‖m⊙x‖/q,  against ‖x‖ = √(Σ_i x_i²).
 * Linked terms are marked with \htmlData{term=…} so the figure's bar groups light up with them.
 */
import { formatKeep, texNumber } from './formatNumber.ts';

export interface QuestionInput {
  /** x, the activations. */
  readonly x: readonly number[];
  /** m, 1 = kept (same length as x). */
  readonly mask: readonly (0 | 1)[];
  /** q, the keep probability the kept values are divided by. */
  readonly keep: number;
}

export interface DerivationStep {
  readonly id: string;
  readonly tex: string;
}

export interface QuestionDerivation {
  /** Number of kept units, Σ m_i. */
  readonly kept: number;
  /** ‖m⊙x‖. */
  readonly maskedNorm: number;
  /** ‖y‖ = ‖m⊙x‖/q. */
  readonly compensatedNorm: number;
  /** ‖x‖. */
  readonly norm: number;
  /** 1/q. */
  readonly scale: number;
  /** True when every unit is dropped (m = 0). */
  readonly allDropped: boolean;
  /** The three lines: masked norm, compensated norm, original norm. */
  readonly steps: readonly DerivationStep[];
}

/** Ids of the linked terms (the figure's three bar groups). */
export const QUESTION_TERMS = { norm: 'question-x', masked: 'question-masked', compensated: 'question-y' } as const;

/** Largest number of squares written out in full; longer sums show the first two and the last. */
const MAX_WRITTEN_TERMS = 6;

const term = (id: string, body: string) => String.raw`\htmlData{term=${id}}{${body}}`;

/**
 * Decimals that show a value to at least 4 significant digits below 0.1 and 4 decimals above
 * (0 → 4, 0.0123 → 5, 1e-6 → 9), capped at 12.
 */
export function magnitudeDecimals(value: number): number {
  const size = Math.abs(value);
  if (size === 0 || size >= 0.1 || !Number.isFinite(size)) return 4;
  return Math.min(12, 3 - Math.floor(Math.log10(size)));
}

/** A derived quantity (a norm, a sum of squares, a mean) for TeX, right to the digits shown. */
export function texMagnitude(value: number): string {
  return texNumber(value, magnitudeDecimals(value));
}

/** An entry of x as typed: as many decimals as it has, at least one and at most four (rounded). */
export function texEntry(value: number): string {
  let decimals = 1;
  while (decimals < 4 && Number(value.toFixed(decimals)) !== value) decimals++;
  return texNumber(value, decimals);
}

/** x_i² as TeX, with parentheses around a negative entry. */
function squareTex(value: number): string {
  const text = texEntry(value);
  return text.startsWith('-') ? `(${text})^{2}` : `${text}^{2}`;
}

/** "a^2 + b^2 + … + z^2", written out in full up to MAX_WRITTEN_TERMS terms. */
function sumOfSquaresTex(values: readonly number[]): string {
  const squares = values.map(squareTex);
  if (squares.length <= MAX_WRITTEN_TERMS) return squares.join(' + ');
  return `${squares.slice(0, 2).join(' + ')} + \\cdots + ${squares.at(-1) ?? ''}`;
}

/** The norms of one mask and the TeX of their derivation (never throws; q ≤ 0 gives an infinite scale). */
export function questionDerivation({ x, mask, keep }: QuestionInput): QuestionDerivation {
  const keptValues = x.filter((_, i) => mask[i] === 1);
  const kept = keptValues.length;
  const maskedSquares = keptValues.reduce((sum, v) => sum + v * v, 0);
  const squares = x.reduce((sum, v) => sum + v * v, 0);
  const maskedNorm = Math.sqrt(maskedSquares);
  const norm = Math.sqrt(squares);
  const scale = 1 / keep;
  const compensatedNorm = maskedNorm === 0 ? 0 : maskedNorm * scale;
  const q = formatKeep(keep);

  const maskedLhs = term(QUESTION_TERMS.masked, String.raw`\lVert m\odot x\rVert`);
  const masked =
    kept === 0
      ? String.raw`${maskedLhs} = \sqrt{\textstyle\sum_{i\in\varnothing} x_i^2} = \sqrt{0} = 0`
      : String.raw`${maskedLhs} = \sqrt{\textstyle\sum_{m_i = 1} x_i^2} = \sqrt{${sumOfSquaresTex(keptValues)}} = ` +
        String.raw`\sqrt{${texMagnitude(maskedSquares)}} = ${texMagnitude(maskedNorm)}`;
  const compensated =
    String.raw`${term(QUESTION_TERMS.compensated, String.raw`\lVert y\rVert`)} = \frac{\lVert m\odot x\rVert}{q} = ` +
    String.raw`\frac{${texMagnitude(maskedNorm)}}{${q}} = ${texMagnitude(compensatedNorm)}`;
  const original =
    String.raw`${term(QUESTION_TERMS.norm, String.raw`\lVert x\rVert`)} = \sqrt{\textstyle\sum_{i} x_i^2} = ` +
    String.raw`\sqrt{${sumOfSquaresTex(x)}} = \sqrt{${texMagnitude(squares)}} = ${texMagnitude(norm)}`;
  return {
    kept,
    maskedNorm,
    compensatedNorm,
    norm,
    scale,
    allDropped: kept === 0,
    steps: [
      { id: 'masked', tex: masked },
      { id: 'compensated', tex: compensated },
      { id: 'original', tex: original },
    ],
  };
}
