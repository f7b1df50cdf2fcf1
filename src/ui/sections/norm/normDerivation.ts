/**
 * Section "norm"'s derivations with the reader's numbers, for every mask model and compensation
 * (docs/mathematics.md#bernoulli-moments, #jensen-bounds-on-the-expected-norm,
 * #concentration-and-bimodality, #dropconnect): the mean-square norm, the two Jensen bounds
 * ‖E y‖ ≤ E‖y‖ ≤ √E‖y‖² and n_eff. Every number comes from the engine's result; the builders only
 * write TeX. Linked terms are marked with \htmlData{term=…} so the histogram's markers light up
 * with them.
 */
import { formatKeep, texNumber } from '../../../explain/formatNumber.ts';
import { type Compensation, maskModel, type MaskModel, unreachable, compensationInfo } from '../../../math/index.ts';

/** What the derivations need, all from the engine's result for the page's model and compensation. */
export interface NormNumbers {
  readonly model: MaskModel;
  readonly compensation: Compensation;
  /** q (k/n under the fixed model). */
  readonly keep: number;
  /** ‖x‖ (DropConnect: ‖Wx‖), the test-time length. */
  readonly norm: number;
  /** s of a scalar compensation (c* for 'constant'); null for per-sample matching. */
  readonly scale: number | null;
  /** E‖y‖. */
  readonly meanNorm: number;
  /** √E‖y‖². */
  readonly rmsNorm: number;
  /** ‖E y‖, the length of the mean vector. */
  readonly meanVectorNorm: number;
  /** P(every unit dropped), P₀. */
  readonly pAllDropped: number;
  /** n_eff = ‖x‖⁴/Σx_i⁴ (unit models). */
  readonly nEff: number;
}

const term = (id: string, body: string) => String.raw`\htmlData{term=${id}}{${body}}`;
const lVert = (body: string) => String.raw`\lVert ${body}\rVert`;

/** The output's and the reference's TeX norms: ‖y‖ and ‖x‖, or ‖u‖ and ‖Wx‖. */
export function normSymbols(model: MaskModel): { readonly out: string; readonly ref: string } {
  const d = maskModel(model);
  return { out: lVert(d.outputTex), ref: lVert(d.referenceTex) };
}

/**
 * E‖y‖² with the numbers. Unit models: s²q‖x‖² (‖x‖²/q for 1/q); DropConnect:
 * (sq)²(‖Wx‖² + (1−q)/q Σ W²x²), whose second term is the engine's E‖u‖² less ‖Wx‖² at 1/q;
 * per-sample matching: ‖x‖²(1 − P₀) under either.
 */
export function meanSquareNormTex(n: NormNumbers): string {
  const { out, ref } = normSymbols(n.model);
  const lhs = String.raw`\mathbb{E}\,${out}^2 = `;
  const normSquared = n.norm * n.norm;
  const value = texNumber(n.rmsNorm * n.rmsNorm, 4);
  const q = formatKeep(n.keep);
  if (n.compensation === 'match') {
    return (
      lhs + String.raw`${ref}^2\,(1 - P_0) = ${texNumber(normSquared, 4)}\cdot(1 - ${texNumber(n.pAllDropped, 4)}) = ${value}`
    );
  }
  const s = n.scale ?? Number.NaN;
  if (maskModel(n.model).masks === 'weights') {
    const sq = s * n.keep;
    // E‖u‖² at 1/q: ‖Wx‖² plus the dropout term (1−q)/q·Σ W²x².
    const inverted = (n.rmsNorm * n.rmsNorm) / (sq * sq);
    const spread = Math.max(0, inverted - normSquared);
    const inner = String.raw`${ref}^2 + \frac{1-q}{q}\sum_{j,i} W_{ji}^2 x_i^2`;
    const numbers = String.raw`${texNumber(normSquared, 4)} + ${texNumber(spread, 4)}`;
    if (compensationInfo(n.compensation).unbiased) return lhs + String.raw`${inner} = ${numbers} = ${value}`;
    return lhs + String.raw`(${scaleTex(n.compensation)}\,q)^2\big(${inner}\big) = ${texNumber(sq, 4)}^2\,(${numbers}) = ${value}`;
  }
  switch (n.compensation) {
    case 'inverted':
      return lhs + String.raw`\frac{${ref}^2}{q} = \frac{${texNumber(normSquared, 4)}}{${q}} = ${value}`;
    case 'none':
      return lhs + String.raw`q\,${ref}^2 = ${q}\cdot ${texNumber(normSquared, 4)} = ${value}`;
    case 'sqrt':
      return lhs + String.raw`\Big(\frac{1}{\sqrt q}\Big)^2 q\,${ref}^2 = ${ref}^2 = ${value}`;
    case 'constant':
      return lhs + String.raw`c^{*2}\,q\,${ref}^2 = ${texNumber(s, 4)}^2\cdot ${q}\cdot ${texNumber(normSquared, 4)} = ${value}`;
    default:
      return unreachable(n.compensation, 'compensation');
  }
}

function scaleTex(c: Compensation): string {
  switch (c) {
    case 'inverted':
      return String.raw`\tfrac{1}{q}`;
    case 'none':
      return '1';
    case 'sqrt':
      return String.raw`\tfrac{1}{\sqrt q}`;
    case 'constant':
      return 'c^*';
    case 'match':
      return String.raw`\tfrac{${lVert('x')}}{${lVert(String.raw`m\odot x`)}}`;
    default:
      return unreachable(c, 'compensation');
  }
}

/**
 * ‖E y‖ ≤ E‖y‖ ≤ √E‖y‖² with the numbers. Under 1/q, E y is the test-time vector itself, so the
 * lower bound is ‖x‖ (‖Wx‖), and for unit masks the upper one is ‖x‖/√q; each bound is a linked term.
 */
export function jensenBoundsTex(n: NormNumbers): string {
  const { out, ref } = normSymbols(n.model);
  const mean = term('mean', String.raw`\mathbb{E}${out}`);
  const inverted = compensationInfo(n.compensation).unbiased;
  const lower = inverted ? term('norm', ref) : String.raw`\lVert \mathbb{E}\,${maskModel(n.model).outputTex}\rVert`;
  const upper =
    inverted && maskModel(n.model).masks === 'units'
      ? term('rms', String.raw`\frac{${ref}}{\sqrt q}`)
      : term('rms', String.raw`\sqrt{\mathbb{E}\,${out}^2}`);
  return (
    String.raw`${lower} \le ${mean} \le ${upper}` +
    String.raw`\qquad ${texNumber(n.meanVectorNorm, 4)} \le ${texNumber(n.meanNorm, 4)} \le ${texNumber(n.rmsNorm, 4)}`
  );
}

/** n_eff = ‖x‖⁴ / Σx_i⁴ = (numbers), from ‖x‖ and n_eff of the result. */
export function effectiveUnitsTex({ norm, nEff }: Pick<NormNumbers, 'norm' | 'nEff'>): string {
  const fourth = norm ** 4;
  return (
    String.raw`n_{\text{eff}} = \frac{\lVert x\rVert^4}{\sum_i x_i^4} = ` +
    String.raw`\frac{${texNumber(fourth, 4)}}{${texNumber(nEff > 0 ? fourth / nEff : 0, 4)}} = ${texNumber(nEff, 4)}`
  );
}

/** Where E‖y‖ sits between the bounds: 0 at the lower, 1 at the upper (null when they meet). */
export function positionBetweenBounds({ meanVectorNorm, meanNorm, rmsNorm }: NormNumbers): number | null {
  return rmsNorm - meanVectorNorm > 1e-9 * rmsNorm ? (meanNorm - meanVectorNorm) / (rmsNorm - meanVectorNorm) : null;
}
