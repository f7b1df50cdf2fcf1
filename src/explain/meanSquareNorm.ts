/**
 * E‖y‖² = ‖x‖²/q with the reader's numbers: the one identity the norm does keep (MATH.md §2.1).
 * Inputs are numbers computed by the app; nothing else reaches the TeX.
 */
import { formatKeep, texNumber } from './formatNumber.ts';

export interface MeanSquareNormInput {
  /** ‖x‖². */
  readonly normSquared: number;
  /** q. */
  readonly keep: number;
}

export function meanSquareNormTex({ normSquared, keep }: MeanSquareNormInput): string {
  return (
    String.raw`\mathbb{E}\,\lVert y\rVert^2 = \frac{\lVert x\rVert^2}{q} = ` +
    String.raw`\frac{${texNumber(normSquared, 4)}}{${formatKeep(keep)}} = ${texNumber(normSquared / keep, 4)}`
  );
}
