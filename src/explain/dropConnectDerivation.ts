/**
 * Section 8's derivations with the reader's numbers (docs/mathematics.md#dropconnect): DropConnect u = (M⊙W)x/q with
 * M_ji ~ Bernoulli(q) i.i.d., against unit dropout followed by the same layer, z = W(m⊙x)/q.
 * Per output j both have mean (Wx)_j and variance (1−q)/q Σ_i W_ji² x_i²; DropConnect's outputs are
 * uncorrelated, unit dropout's have Cov(z_j, z_l) = (1−q)/q Σ_i W_ji W_li x_i² (one dropped x_i
 * leaves every output at once). E‖u‖² = E‖z‖² = ‖Wx‖² + (1−q)/q Σ_ji W_ji² x_i².
 */
import { dropConnectMoments, type DropConnectMoments, type DropConnectWeights } from '../math/index.ts';
import { formatKeep } from './formatNumber.ts';
import { MAX_WRITTEN_TERMS, texAdaptive } from './meanDerivation.ts';

export interface DropConnectInput {
  readonly x: readonly number[];
  /** W (d×n, row-major). */
  readonly weights: DropConnectWeights;
  readonly keep: number;
}

/** W_ji (row j, column i). */
const weightAt = (weights: DropConnectWeights, n: number, j: number, i: number) => weights.values[j * n + i] ?? 0;

/** The closed-form moments for the input (src/math, one formula for the page and these derivations). */
export const momentsOf = ({ x, weights, keep }: DropConnectInput): DropConnectMoments => dropConnectMoments(x, weights, keep);

const factor = (value: number) => (value < 0 ? `(${texAdaptive(value)})` : texAdaptive(value));
const ratioTex = (keep: number) =>
  String.raw`\frac{${formatKeep(Number((1 - keep).toFixed(12)))}}{${formatKeep(keep)}}`;

/** The row j of W, 0-based. */
const rowOf = (weights: DropConnectWeights, n: number, j: number) =>
  Array.from({ length: n }, (_, i) => weightAt(weights, n, j, i));

/** E u_j = (1/q) Σ_i E[M_ji] W_ji x_i = (Wx)_j = terms = value, for output j (0-based). */
export function outputMeanTex(input: DropConnectInput, j: number): string {
  const { x, weights } = input;
  const n = x.length;
  const r = String(j + 1);
  const row = rowOf(weights, n, j);
  const mean = momentsOf(input).means[j] ?? 0;
  const head = String.raw`\mathbb{E}\,u_{${r}} &= \frac1q\sum_i \mathbb{E}[M_{${r}i}]\,W_{${r}i}\,x_i = (Wx)_{${r}}`;
  if (n > MAX_WRITTEN_TERMS) return String.raw`\begin{aligned}${head} = ${texAdaptive(mean)}\end{aligned}`;
  const terms = row.map((wji, i) => String.raw`${factor(wji)}\cdot ${factor(x[i] ?? 0)}`);
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 3) lines.push(terms.slice(i, i + 3).join(' + '));
  return (
    String.raw`\begin{aligned}${head} \\ &= ${lines.join(String.raw` \\ &\quad + `)} \\ ` +
    String.raw`&= ${texAdaptive(mean)}\end{aligned}`
  );
}

/** Var u_j = (1−q)/q Σ_i W_ji² x_i² = value (and the same for z_j), for output j (0-based). */
export function outputVarianceTex(input: DropConnectInput, j: number): string {
  const { x, weights, keep } = input;
  const n = x.length;
  const r = String(j + 1);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (weightAt(weights, n, j, i) * (x[i] as number)) ** 2;
  const variance = momentsOf(input).variances[j] ?? 0;
  return (
    String.raw`\operatorname{Var} u_{${r}} = \operatorname{Var} z_{${r}} = \frac{1-q}{q}\sum_i W_{${r}i}^2 x_i^2 = ` +
    String.raw`${ratioTex(keep)} \cdot ${texAdaptive(sum)} = ${texAdaptive(variance)},\qquad ` +
    String.raw`\operatorname{sd} = ${texAdaptive(Math.sqrt(Math.max(0, variance)))}`
  );
}

/** Cov(z_j, z_l) = (1−q)/q Σ_i W_ji W_li x_i² = value, Corr = value; Cov(u_j, u_l) = 0 (0-based j, l). */
export function outputCovarianceTex(input: DropConnectInput, j: number, l: number): string {
  const { x, weights, keep } = input;
  const n = x.length;
  const a = String(j + 1);
  const b = String(l + 1);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weightAt(weights, n, j, i) * weightAt(weights, n, l, i) * (x[i] as number) ** 2;
  const moments = momentsOf(input);
  const covariance = moments.unitCovariance[j]?.[l] ?? 0;
  const correlation = moments.unitCorrelation[j]?.[l] ?? Number.NaN;
  return (
    String.raw`\begin{aligned}\operatorname{Cov}(z_{${a}}, z_{${b}}) &= \frac{1-q}{q}\sum_i W_{${a}i}W_{${b}i}\,x_i^2 = ` +
    String.raw`${ratioTex(keep)} \cdot ${factor(sum)} = ${texAdaptive(covariance)}` +
    (Number.isFinite(correlation)
      ? String.raw` \\ \operatorname{Corr}(z_{${a}}, z_{${b}}) &= ${texAdaptive(correlation)}`
      : '') +
    String.raw` \\ \operatorname{Cov}(u_{${a}}, u_{${b}}) &= 0\end{aligned}`
  );
}

/** E‖u‖² = ‖Wx‖² + (1−q)/q Σ_ji W_ji² x_i² = a + b = c. */
export function meanSquareOutputTex(input: DropConnectInput): string {
  const { testNormSquared, totalVariance, meanSquareNorm } = momentsOf(input);
  return (
    String.raw`\mathbb{E}\lVert u\rVert^2 = \mathbb{E}\lVert z\rVert^2 = \lVert Wx\rVert^2 + \frac{1-q}{q}\sum_{j,i}W_{ji}^2x_i^2 = ` +
    String.raw`${texAdaptive(testNormSquared)} + ${texAdaptive(totalVariance)} = ${texAdaptive(meanSquareNorm)}`
  );
}
