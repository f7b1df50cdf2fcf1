/**
 * Section 4's derivations with the reader's numbers: the mean-square norm E‖y‖² = ‖x‖²/q, Jensen's
 * two bounds ‖x‖ ≤ E‖y‖ ≤ ‖x‖/√q, and n_eff (docs/mathematics.md#moments-of-unit-dropout). Linked terms are marked with
 * \htmlData{term=…} so the histogram's markers light up with them.
 */
import { formatKeep, texNumber } from './formatNumber.ts';

export interface NormNumbers {
  /** ‖x‖² (so ‖x‖ = √normSquared). */
  readonly normSquared: number;
  /** q. */
  readonly keep: number;
  /** E‖y‖ under inverted dropout. */
  readonly meanNorm: number;
  /** Σ x_i⁴. */
  readonly sumFourth: number;
}

const term = (id: string, body: string) => String.raw`\htmlData{term=${id}}{${body}}`;

/** E‖y‖² = ‖x‖²/q = (numbers). */
export function meanSquareNormTex({ normSquared, keep }: Pick<NormNumbers, 'normSquared' | 'keep'>): string {
  return (
    String.raw`\mathbb{E}\,\lVert y\rVert^2 = \frac{\lVert x\rVert^2}{q} = ` +
    String.raw`\frac{${texNumber(normSquared, 4)}}{${formatKeep(keep)}} = ${texNumber(normSquared / keep, 4)}`
  );
}

/** ‖x‖ ≤ E‖y‖ ≤ ‖x‖/√q with the numbers, each bound marked as a linked term. */
export function jensenBoundsTex({ normSquared, keep, meanNorm }: NormNumbers): string {
  const norm = Math.sqrt(normSquared);
  return (
    String.raw`${term('norm', String.raw`\lVert x\rVert`)} \le ${term('mean', String.raw`\mathbb{E}\lVert y\rVert`)} \le ` +
    String.raw`${term('rms', String.raw`\frac{\lVert x\rVert}{\sqrt q}`)}` +
    String.raw`\qquad ${texNumber(norm, 4)} \le ${texNumber(meanNorm, 4)} \le ${texNumber(norm / Math.sqrt(keep), 4)}`
  );
}

/** n_eff = ‖x‖⁴ / Σx_i⁴ = (numbers). */
export function effectiveUnitsTex({ normSquared, sumFourth }: Pick<NormNumbers, 'normSquared' | 'sumFourth'>): string {
  const nEff = sumFourth > 0 ? (normSquared * normSquared) / sumFourth : 0;
  return (
    String.raw`n_{\text{eff}} = \frac{\lVert x\rVert^4}{\sum_i x_i^4} = ` +
    String.raw`\frac{${texNumber(normSquared * normSquared, 4)}}{${texNumber(sumFourth, 4)}} = ${texNumber(nEff, 4)}`
  );
}

/** Where E‖y‖ sits between the bounds: 0 at ‖x‖, 1 at ‖x‖/√q (null when the bounds meet, q = 1 or x = 0). */
export function positionBetweenBounds({ normSquared, keep, meanNorm }: NormNumbers): number | null {
  const norm = Math.sqrt(normSquared);
  const upper = norm / Math.sqrt(keep);
  return upper - norm > 1e-12 * upper ? (meanNorm - norm) / (upper - norm) : null;
}
