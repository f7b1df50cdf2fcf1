/**
 * Section 5's derivations with the reader's numbers (docs/mathematics.md#concentration-and-bimodality,
 * #normal-and-edgeworth-approximations): how ‖y‖ concentrates as
 * the effective number of units n_eff = ‖x‖⁴/Σx_i⁴ grows, for inverted dropout y = m⊙x/q with
 * Bernoulli masks. Each delta-method approximation is set next to the exact closed-form value.
 */
import { formatKeep, texNumber } from './formatNumber.ts';

export interface LayersNumbers {
  /** ‖x‖. */
  readonly norm: number;
  /** q. */
  readonly keep: number;
  /** n_eff = ‖x‖⁴/Σx_i⁴ (0 for x = 0). */
  readonly nEff: number;
  /** E‖y‖, exact (closed form, docs/mathematics.md#trapezoid-recipe). */
  readonly meanNorm: number;
  /** sd ‖y‖ = √(‖x‖²/q − (E‖y‖)²), exact (closed form). */
  readonly sdNorm: number;
}

/** A positive number to `digits` significant digits, in TeX (1.234\times10^{-8} for tiny ones). */
export function texSignificant(value: number, digits: number): string {
  if (!Number.isFinite(value)) return texNumber(value, 0);
  const [mantissa = '', exponent] = value.toExponential(digits - 1).split('e');
  const power = Number(exponent);
  if (power >= -4 && power < digits) return texNumber(value, Math.max(0, digits - 1 - power));
  return String.raw`${mantissa}\times10^{${power}}`;
}

/** Nothing to derive: x = 0 (every ‖y‖ is 0). */
const degenerate = ({ norm, nEff }: LayersNumbers) => !(norm > 0 && nEff > 0);

/** The n_eff factor (1−q)/(q·n_eff) shared by every formula. */
function spreadFactor({ keep, nEff }: LayersNumbers): number {
  return (1 - keep) / (keep * nEff);
}

/** √((1−q)/(q·n_eff)) = √(0.50/(0.50·67.33)) with the numbers. */
function spreadRootTex(numbers: LayersNumbers): string {
  const q = formatKeep(numbers.keep);
  return String.raw`\sqrt{\frac{${texNumber(1 - numbers.keep, 2)}}{${q}\cdot ${texSignificant(numbers.nEff, 4)}}}`;
}

/** CV(‖y‖²) = √((1−q)/(q n_eff)) = … (exact for Bernoulli masks: Var‖y‖² = (1−q)/q³·Σx_i⁴). */
export function squareNormSpreadTex(numbers: LayersNumbers): string {
  if (degenerate(numbers)) return String.raw`x = 0:\ \lVert y\rVert = 0 \text{ on every mask}`;
  return (
    String.raw`\frac{\operatorname{sd}\lVert y\rVert^2}{\mathbb{E}\,\lVert y\rVert^2} = \sqrt{\frac{1-q}{q\,n_{\text{eff}}}} = ` +
    String.raw`${spreadRootTex(numbers)} = ${texNumber(Math.sqrt(spreadFactor(numbers)), 4)}`
  );
}

/** sd‖y‖ ≈ (‖x‖/√q)·½√((1−q)/(q n_eff)) = …, next to the exact sd. */
export function sdApproximationTex(numbers: LayersNumbers): string {
  if (degenerate(numbers)) return String.raw`\operatorname{sd}\lVert y\rVert = 0`;
  const top = numbers.norm / Math.sqrt(numbers.keep);
  const root = Math.sqrt(spreadFactor(numbers));
  return (
    String.raw`\operatorname{sd}\lVert y\rVert \approx \frac{\lVert x\rVert}{\sqrt q}\cdot\frac12\sqrt{\frac{1-q}{q\,n_{\text{eff}}}} = ` +
    String.raw`${texNumber(top, 4)}\cdot\frac12\cdot ${texNumber(root, 4)} = ${texNumber(top * root * 0.5, 4)}` +
    String.raw`\qquad\text{exact: } ${texNumber(numbers.sdNorm, 4)}`
  );
}

/** E‖y‖ ≈ (‖x‖/√q)(1 − (1−q)/(8 q n_eff)) = …, next to the exact E‖y‖. */
export function meanApproximationTex(numbers: LayersNumbers): string {
  if (degenerate(numbers)) return String.raw`\mathbb{E}\lVert y\rVert = 0`;
  const top = numbers.norm / Math.sqrt(numbers.keep);
  const q = formatKeep(numbers.keep);
  return (
    String.raw`\mathbb{E}\lVert y\rVert \approx \frac{\lVert x\rVert}{\sqrt q}\Big(1 - \frac{1-q}{8q\,n_{\text{eff}}}\Big) = ` +
    String.raw`${texNumber(top, 5)}\Big(1 - \frac{${texNumber(1 - numbers.keep, 2)}}{8\cdot ${q}\cdot ${texSignificant(numbers.nEff, 4)}}\Big) = ` +
    String.raw`${texNumber(top * (1 - spreadFactor(numbers) / 8), 5)}` +
    String.raw`\qquad\text{exact: } ${texNumber(numbers.meanNorm, 5)}`
  );
}

/**
 * The normal approximation (docs/mathematics.md#normal-and-edgeworth-approximations) for P(‖y‖ ≤ t): ‖y‖ ≤ t ⇔ S = ‖m⊙x‖² ≤ (qt)², with S
 * approximately normal, mean q‖x‖², variance q(1−q)Σx_i⁴. `probability` is Φ(z) for the z shown.
 */
export function normalApproximationTex(numbers: LayersNumbers, threshold: number, probability: number): string {
  const { norm, keep, nEff } = numbers;
  if (degenerate(numbers) || keep >= 1) {
    return String.raw`P(\lVert y\rVert \le ${texNumber(threshold, 3)}) = ${texNumber(probability, 4)}`;
  }
  const sumFourth = norm ** 4 / nEff;
  const z = ((keep * threshold) ** 2 - keep * norm * norm) / Math.sqrt(keep * (1 - keep) * sumFourth);
  const t = texNumber(threshold, 3);
  const q = formatKeep(keep);
  return (
    String.raw`\begin{aligned}P(\lVert y\rVert \le ${t}) &= P\big(\lVert m\odot x\rVert^2 \le (q\cdot ${t})^2\big) ` +
    String.raw`\approx \Phi\Big(\frac{(q\cdot ${t})^2 - q\lVert x\rVert^2}{\sqrt{q(1-q)\sum_i x_i^4}}\Big)\\ ` +
    String.raw`&= \Phi\Big(\frac{(${q}\cdot ${t})^2 - ${q}\cdot ${texNumber(norm * norm, 4)}}{\sqrt{${q}\cdot ${texNumber(1 - keep, 2)}\cdot ${texSignificant(sumFourth, 4)}}}\Big) = ` +
    String.raw`\Phi(${texNumber(z, 3)}) = ${probability > 0 && probability < 0.001 ? texSignificant(probability, 3) : texNumber(probability, 4)}\end{aligned}`
  );
}
