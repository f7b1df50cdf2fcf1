/**
 * The mean section's derivations with the reader's numbers (docs/mathematics.md#bernoulli-moments, #fixed-count-moments): what dividing by q
 * preserves. For one unit, E[y_i] = x_i E[m_i]/q = x_i and Var(y_i) = x_i²(1−q)/q; for a unit of the
 * next layer z = w·y, E[z] = w·x and Var z = (1−q)/q Σ w_i² x_i² (Bernoulli), or
 * (1−q)/q · n/(n−1) · Σ (b_i − b̄)² with b_i = w_i x_i, b̄ = w·x/n (fixed count, finite population).
 * Linked terms are marked with \htmlData{term=…} so the downstream histogram's markers light up.
 */
import type { DownstreamMoments, UnitMaskModel } from '../math/index.ts';
import { formatFixed, formatKeep } from './formatNumber.ts';

/** Terms linked between the derivation and the downstream histogram. */
export const DOWNSTREAM_TERMS = { mean: 'z-mean', undropped: 'z-undropped', sd: 'z-sd' } as const;

/**
 * A number to 4 decimals, or to 4 significant digits when it is smaller than 0.01 (so a small
 * variance does not read as 0.0000); at most 12 decimals. Rounded to nearest, so every digit is right.
 */
export function formatAdaptive(value: number): string {
  const size = Math.abs(value);
  if (!(size > 0) || size >= 0.01 || !Number.isFinite(value)) return formatFixed(value, 4);
  const decimals = Math.min(12, 3 - Math.floor(Math.log10(size)));
  return formatFixed(value, decimals);
}

/** formatAdaptive as plain ASCII for TeX. */
export function texAdaptive(value: number): string {
  return formatAdaptive(value).replace('−', '-');
}

/** A factor in a product: negative numbers in parentheses. */
const factor = (value: number) => (value < 0 ? `(${texAdaptive(value)})` : texAdaptive(value));

const term = (id: string, body: string) => String.raw`\htmlData{term=${id}}{${body}}`;

/** q and 1 − q as text, without binary noise (1 − 0.7 reads 0.30). */
const keepTex = (keep: number) => formatKeep(keep);
const dropTex = (keep: number) => formatKeep(Number((1 - keep).toFixed(12)));

/** One unit: its value x_i and its 1-based index i. */
export interface UnitInput {
  readonly value: number;
  readonly index: number;
  readonly keep: number;
}

/** E[y_i] = x_i E[m_i]/q = x_i q/q = x_i with the numbers. */
export function unitMeanTex({ value, index, keep }: UnitInput): string {
  const i = String(index);
  return (
    String.raw`\mathbb{E}[y_{${i}}] = \frac{x_{${i}}\,\mathbb{E}[m_{${i}}]}{q} = ` +
    String.raw`\frac{${factor(value)} \cdot ${keepTex(keep)}}{${keepTex(keep)}} = ${texAdaptive(value)} = x_{${i}}`
  );
}

/** Var(y_i) = x_i²(1−q)/q and sd(y_i) = |x_i|√((1−q)/q) with the numbers. */
export function unitVarianceTex({ value, index, keep }: UnitInput): string {
  const i = String(index);
  const ratio = (1 - keep) / keep;
  return (
    String.raw`\operatorname{Var}(y_{${i}}) = x_{${i}}^2\,\frac{1-q}{q} = ` +
    String.raw`${texAdaptive(value * value)} \cdot \frac{${dropTex(keep)}}{${keepTex(keep)}} = ${texAdaptive(value * value * ratio)},` +
    String.raw`\qquad \operatorname{sd}(y_{${i}}) = |x_{${i}}|\sqrt{\tfrac{1-q}{q}} = ${texAdaptive(Math.abs(value) * Math.sqrt(ratio))}`
  );
}

/** A scale s other than 1/q: E[y_i] = s·q·x_i, off by the factor s·q. */
export interface BiasInput extends UnitInput {
  /** TeX of the scale, e.g. "\frac{1}{\sqrt q}" (compensations.ts). */
  readonly scaleTex: string;
  readonly scale: number;
  /** E[y_i] as the engine computed it (s·q·x_i). */
  readonly mean: number;
}

/** E[y_i] = s q x_i ≠ x_i with the numbers (the bias of a compensation other than 1/q). */
export function biasedMeanTex({ value, index, keep, scaleTex, scale, mean }: BiasInput): string {
  const i = String(index);
  const relation = Math.abs(mean - value) <= 1e-12 * Math.abs(value) ? '=' : String.raw`\ne`;
  return (
    String.raw`s = ${scaleTex}:\quad \mathbb{E}[y_{${i}}] = s\,q\,x_{${i}} = ` +
    String.raw`${texAdaptive(scale)} \cdot ${keepTex(keep)} \cdot ${factor(value)} = ${texAdaptive(mean)} ${relation} x_{${i}} = ${texAdaptive(value)}`
  );
}

/** The downstream unit z = w·y: its weights, the activations, q, the mask model and the engine's sums for 1/q. */
export interface DownstreamInput {
  readonly x: readonly number[];
  readonly w: readonly number[];
  readonly keep: number;
  readonly model: UnitMaskModel;
  /** w·x, Σ w_i²x_i², Σ (b_i − b̄)² and Var z under 1/q (downstreamMoments in src/math). */
  readonly moments: DownstreamMoments;
}

/** Units written out term by term in a sum (beyond this, the sum is written Σ). */
export const MAX_WRITTEN_TERMS = 6;

/** E[z] = w·x = Σ w_i x_i = (terms) = value. */
export function downstreamMeanTex(input: DownstreamInput): string {
  const { x, w } = input;
  const { undropped } = input.moments;
  const head =
    String.raw`${term(DOWNSTREAM_TERMS.mean, String.raw`\mathbb{E}[z]`)} &= \sum_i w_i\,\mathbb{E}[y_i] = ` +
    String.raw`${term(DOWNSTREAM_TERMS.undropped, String.raw`w\cdot x`)}`;
  if (x.length > MAX_WRITTEN_TERMS) {
    return String.raw`\begin{aligned}${head} = \sum_{i=1}^{${x.length}} w_i x_i = ${texAdaptive(undropped)}\end{aligned}`;
  }
  const terms = x.map((xi, i) => String.raw`${factor(w[i] ?? 0)}\cdot ${factor(xi)}`);
  // Three products per line keep the formula inside a narrow column.
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 3) lines.push(terms.slice(i, i + 3).join(' + '));
  return (
    String.raw`\begin{aligned}${head} \\ &= ${lines.join(String.raw` \\ &\quad + `)} \\ ` +
    String.raw`&= ${texAdaptive(undropped)}\end{aligned}`
  );
}

/** Var z = (1−q)/q Σ w_i² x_i² (Bernoulli) or its n/(n−1) finite-population form (fixed), with numbers. */
export function downstreamVarianceTex(input: DownstreamInput): string {
  const { keep, model, x } = input;
  const n = x.length;
  const { sumSquares, spread, variance, undropped } = input.moments;
  const ratio = String.raw`\frac{${dropTex(keep)}}{${keepTex(keep)}}`;
  const sd = Math.sqrt(Math.max(0, variance));
  const tail = String.raw`,\qquad ${term(DOWNSTREAM_TERMS.sd, String.raw`\operatorname{sd} z`)} = ${texAdaptive(sd)}`;
  switch (model) {
    case 'bernoulli':
      return (
        String.raw`\operatorname{Var} z = \frac{1-q}{q}\sum_i w_i^2 x_i^2 = ` +
        String.raw`${ratio} \cdot ${texAdaptive(sumSquares)} = ${texAdaptive(variance)}${tail}`
      );
    case 'fixed':
      if (n <= 1) return String.raw`\operatorname{Var} z = 0\quad\text{(one unit: every mask keeps it)}${tail}`;
      return (
        String.raw`\begin{aligned}\operatorname{Var} z &= \frac{1-q}{q}\cdot\frac{n}{n-1}\sum_i \big(w_i x_i - \bar b\big)^2,\quad ` +
        String.raw`\bar b = \tfrac{w\cdot x}{n} = ${texAdaptive(undropped / n)} \\ ` +
        String.raw`&= ${ratio} \cdot \frac{${n}}{${n - 1}} \cdot ${texAdaptive(spread)} = ${texAdaptive(variance)}${tail}\end{aligned}`
      );
  }
}

/** E[z] = Σ w_i E[y_i] = w·x without numbers (while the engine computes them). */
export function downstreamMeanSymbolTex(): string {
  return (
    String.raw`${term(DOWNSTREAM_TERMS.mean, String.raw`\mathbb{E}[z]`)} = \sum_i w_i\,\mathbb{E}[y_i] = ` +
    String.raw`${term(DOWNSTREAM_TERMS.undropped, String.raw`w\cdot x`)} = \sum_i w_i x_i`
  );
}

/** Var z under 1/q for the model, without numbers (while the engine computes them). */
export function downstreamVarianceSymbolTex(model: UnitMaskModel): string {
  const sd = String.raw`,\qquad ${term(DOWNSTREAM_TERMS.sd, String.raw`\operatorname{sd} z`)} = \sqrt{\operatorname{Var} z}`;
  switch (model) {
    case 'bernoulli':
      return String.raw`\operatorname{Var} z = \frac{1-q}{q}\sum_i w_i^2 x_i^2${sd}`;
    case 'fixed':
      return String.raw`\operatorname{Var} z = \frac{1-q}{q}\cdot\frac{n}{n-1}\sum_i \big(w_i x_i - \bar b\big)^2${sd}`;
  }
}
