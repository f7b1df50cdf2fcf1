/**
 * Section 6's derivations with the reader's numbers (docs/mathematics.md#jensen-bounds-on-the-expected-norm, #delta-method,
 * #norm-matching-and-the-alternatives): the norm-matching
 * constant c* = ‖x‖/E‖m⊙x‖, its bounds 1/√q ≤ c* ≤ 1/q, the mean it gives, E[y] = c*·q·x, and the
 * delta-method value that needs only ‖x‖₂ and ‖x‖₄.
 */
import { formatKeep, texNumber } from './formatNumber.ts';
import { texSignificant } from './layersDerivation.ts';

export interface RescalingNumbers {
  /** x, the activations. */
  readonly x: readonly number[];
  /** q (k/n for the fixed-count model). */
  readonly keep: number;
  /** E‖m⊙x‖ (closed form, or exact enumeration). */
  readonly maskedNorm: number;
}

/** Entries of a vector shown in full up to this length; longer ones show the first three and the last. */
const FULL_VECTOR = 6;

function normOf(x: readonly number[]): number {
  return Math.sqrt(x.reduce((sum, v) => sum + v * v, 0));
}

/** c* = ‖x‖/E‖m⊙x‖ (1/q when x = 0: every scale gives y = 0). */
export function constantScaleOf({ x, keep, maskedNorm }: RescalingNumbers): number {
  const norm = normOf(x);
  return maskedNorm > 0 ? norm / maskedNorm : 1 / keep;
}

/** Where c* sits between its bounds: 0 at 1/√q, 1 at 1/q; null when they meet (q = 1). */
export function scalePosition(numbers: RescalingNumbers): number | null {
  const low = 1 / Math.sqrt(numbers.keep);
  const high = 1 / numbers.keep;
  return high - low > 1e-12 * high ? (constantScaleOf(numbers) - low) / (high - low) : null;
}

/** A vector in TeX: (a, b, c, d), or (a, b, c, …, z) when long. */
export function vectorTex(values: readonly number[], decimals: number): string {
  const shown =
    values.length <= FULL_VECTOR
      ? values.map((v) => texNumber(v, decimals))
      : [...values.slice(0, 3).map((v) => texNumber(v, decimals)), String.raw`\ldots`, texNumber(values.at(-1) ?? 0, decimals)];
  return String.raw`\big(${shown.join(', ')}\big)`;
}

/** c* = ‖x‖/E‖m⊙x‖ = 5.0060/2.5786 = 1.9414. */
export function constantScaleTex(numbers: RescalingNumbers): string {
  return (
    String.raw`c^* = \frac{\lVert x\rVert}{\mathbb{E}\lVert m\odot x\rVert} = ` +
    String.raw`\frac{${texNumber(normOf(numbers.x), 4)}}{${texNumber(numbers.maskedNorm, 4)}} = ${texNumber(constantScaleOf(numbers), 4)}`
  );
}

/** 1/√q ≤ c* ≤ 1/q with the numbers. */
export function scaleBoundsTex(numbers: RescalingNumbers): string {
  const q = numbers.keep;
  return (
    String.raw`\frac{1}{\sqrt q} \le c^* \le \frac1q\qquad ` +
    String.raw`${texNumber(1 / Math.sqrt(q), 4)} \le ${texNumber(constantScaleOf(numbers), 4)} \le ${texNumber(1 / q, 4)}`
  );
}

/** E[y] = c*·q·x = factor·x = (…): the mean is shrunk by c*q ∈ [√q, 1]. */
export function constantMeanTex(numbers: RescalingNumbers): string {
  const c = constantScaleOf(numbers);
  const factor = c * numbers.keep;
  return (
    String.raw`\mathbb{E}[y] = c^*\,q\,x = ${texNumber(c, 4)}\cdot ${formatKeep(numbers.keep)}\cdot x = ${texNumber(factor, 4)}\,x = ` +
    `${vectorTex(numbers.x.map((v) => factor * v), 4)} \\ne x`
  );
}

/**
 * The delta-method value c ≈ (1/√q)/(1 − (1−q)/(8 q n_eff)) (docs/mathematics.md#delta-method): good for spread vectors,
 * poor when one unit dominates; shown next to the exact c*.
 */
export function scaleApproximationTex(numbers: RescalingNumbers): string {
  const { x, keep } = numbers;
  const squares = x.map((v) => v * v);
  const sumSquares = squares.reduce((a, b) => a + b, 0);
  const sumFourth = squares.reduce((a, b) => a + b * b, 0);
  if (!(sumFourth > 0)) return String.raw`x = 0:\ c^* = 1/q`;
  const nEff = (sumSquares * sumSquares) / sumFourth;
  const approx = 1 / Math.sqrt(keep) / (1 - (1 - keep) / (8 * keep * nEff));
  const q = formatKeep(keep);
  return (
    String.raw`c^* \approx \frac{1/\sqrt q}{1 - \frac{1-q}{8q\,n_{\text{eff}}}} = ` +
    String.raw`\frac{${texNumber(1 / Math.sqrt(keep), 4)}}{1 - \frac{${texNumber(1 - keep, 2)}}{8\cdot ${q}\cdot ${texSignificant(nEff, 4)}}} = ${texNumber(approx, 4)}` +
    String.raw`\qquad\text{exact: } ${texNumber(constantScaleOf(numbers), 4)}`
  );
}
