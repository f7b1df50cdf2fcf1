/**
 * The norm section's figure model: the engine's result for the page's mask model and compensation
 * → the names, formulas, sentences and marker labels the section shows. Pure (no React, no DOM), so
 * every model × compensation is tested without a browser; the component renders it and computes
 * nothing.
 */
import { formatFixed, formatKeep, provenance } from '../../../explain/formatNumber.ts';
import { type AnalysisResult, type Compensation, maskModel, type MaskModel, unreachable, compensationInfo } from '../../../math/index.ts';
import type { SectionId } from '../../../state/explorerState.ts';
import {
  effectiveUnitsTex,
  jensenBoundsTex,
  meanSquareNormTex,
  positionBetweenBounds,
  type NormNumbers,
} from './normDerivation.ts';

/** Plain-text names of the section's quantities for one mask model. */
export interface NormNames {
  /** ‖y‖ or ‖u‖. */
  readonly out: string;
  /** ‖x‖ or ‖Wx‖. */
  readonly ref: string;
  /** ‖m⊙x‖ or ‖(M⊙W)x‖. */
  readonly masked: string;
  /** E‖y‖ or E‖u‖. */
  readonly mean: string;
  /** The third line of the histogram: ‖x‖/√q under 1/q with unit masks, else √E‖y‖². */
  readonly rms: string;
}

export function normNames(model: MaskModel, compensation: Compensation): NormNames {
  const d = maskModel(model);
  const out = `‖${d.output}‖`;
  const ref = `‖${d.reference}‖`;
  return {
    out,
    ref,
    masked: `‖${d.masked}‖`,
    mean: `E${out}`,
    rms: compensationInfo(compensation).unbiased && d.masks === 'units' ? `${ref}/√q` : `√E${out}²`,
  };
}

/** A sentence, and optionally a section it sends the reader to (rendered as a SectionRef after it). */
export interface Sentence {
  readonly text: string;
  readonly see?: SectionId;
}

export interface NormFigure {
  readonly names: NormNames;
  /** The words before and after the draggable q in the opening sentence. */
  readonly intro: { readonly before: string; readonly after: string };
  readonly meanSquareTex: string;
  /** How E‖y‖² was obtained, e.g. "closed form". */
  readonly meanSquareMethod: string;
  readonly boundsText: string;
  readonly boundsTex: string;
  /** n_eff's formula (unit models only). */
  readonly effectiveUnitsTex: string | null;
  readonly positionText: string;
  readonly shape: Sentence | null;
}

/** The numbers of the derivations, from the result. ‖E y‖ is ‖x‖ itself under 1/q (E y = x exactly). */
export function normNumbers(result: AnalysisResult): NormNumbers {
  const meanVectorNorm =
    compensationInfo(result.compensation).unbiased ? result.norm : Math.hypot(...result.meanVector.values);
  return {
    model: result.model,
    compensation: result.compensation,
    keep: result.keep,
    norm: result.norm,
    scale: result.scale,
    meanNorm: result.meanNorm.value,
    rmsNorm: result.rmsNorm.value,
    meanVectorNorm,
    pAllDropped: result.pAllDropped,
    nEff: result.nEff,
  };
}

function intro(model: MaskModel, compensation: Compensation, names: NormNames): NormFigure['intro'] {
  const ref = maskModel(model).reference;
  const meanOf = maskModel(model).masks === 'weights' ? 'the mean of every output' : 'the mean vector';
  switch (compensation) {
    case 'inverted':
      return {
        before: `Dividing by q makes ${meanOf} right (E[${maskModel(model).output}] = ${ref}), not the length. With the `,
        after:
          maskModel(model).masks === 'weights'
            ? ', the squared length gains the dropout variance of every output on average:'
            : ', the squared length is inflated by exactly 1/q on average:',
      };
    case 'none':
      return {
        before: `Without compensation in training (× q at test), the mean is q·${ref}, not ${ref}. With the `,
        after: ', the squared length on average is:',
      };
    case 'sqrt':
      return {
        before: `Scaling by 1/√q shrinks the mean to √q·${ref}. With the `,
        after:
          maskModel(model).masks === 'weights' ? ', the squared length on average is:' : `, the squared length is ${names.ref}² on average:`,
      };
    case 'constant':
      return {
        before: `Scaling by the constant c* = ${names.ref}/E${names.masked} makes the mean length right, ${names.mean} = ${names.ref}, but shrinks the mean to c*q·${ref}. With the `,
        after: ', the squared length on average is:',
      };
    case 'match':
      return {
        before: `Matching each sample’s length to ${names.ref} makes ${names.out} = ${names.ref} on every mask that keeps something, but the mean is no longer ${ref}. With the `,
        after: ', the squared length on average is:',
      };
    default:
      return unreachable(compensation, 'compensation');
  }
}

function boundsText(model: MaskModel, compensation: Compensation, names: NormNames): string {
  const y = maskModel(model).output;
  const inverted = compensationInfo(compensation).unbiased;
  const lower = inverted ? `‖E ${y}‖ = ${names.ref}` : `‖E ${y}‖`;
  const upper = inverted && maskModel(model).masks === 'units' ? `√(E${names.out}²) = ${names.ref}/√q` : `√(E${names.out}²)`;
  return (
    `The length itself is pinned between two bounds, both from Jensen’s inequality: the norm is convex, so ` +
    `${names.mean} is at least ${lower}; the square root is concave, so ${names.mean} is at most ${upper}. ` +
    (inverted
      ? 'Each bound has its line in the histogram below.'
      : `The upper bound and ${names.mean} have their lines in the histogram below; the lower bound is not ${names.ref} here, because this compensation does not keep the mean.`)
  );
}

function shape(result: AnalysisResult, names: NormNames): Sentence | null {
  const { keep, norm, nEff } = result;
  if (norm === 0) return null;
  if (compensationInfo(result.compensation).kind === 'per-sample') {
    return {
      text:
        `Per-sample matching gives ${names.out} = ${names.ref} on every mask that keeps a non-zero ` +
        (maskModel(result.model).masks === 'weights' ? 'term' : 'unit') +
        `; only when all of them are dropped (probability P₀ = ${formatFixed(result.pAllDropped, 6)}) is it 0, so ` +
        `${names.mean} = ${names.ref}(1 − P₀) = ${formatFixed(result.meanNorm.value, 4)}.`,
    };
  }
  if (maskModel(result.model).masks === 'weights') {
    return {
      text:
        `Under DropConnect each output uⱼ sums n independently kept terms Wⱼᵢ·xᵢ, so how ${names.out} spreads depends on ` +
        'every weight, not on the shape of x alone; n_eff of x does not decide it. DropConnect’s own derivation is in',
      see: 'dropconnect',
    };
  }
  if (keep === 1) return null;
  const ratio = result.meanMaskedNorm.value / norm;
  const ratioText = `E${names.masked}/${names.ref} = ${formatFixed(ratio, 4)}`;
  if (nEff < 1.5) {
    const kept = result.scale === null ? norm : result.scale * norm;
    return {
      text:
        `One unit dominates (n_eff = ${formatFixed(nEff, 4)}): whether it is kept decides almost everything, so ${names.out} ` +
        `splits into two modes — near ${formatFixed(kept, 3)} (it is kept, probability q) and near 0 (dropped) — and ` +
        `${names.mean} stays close to its lower bound. So ${ratioText} is close to q = ${formatKeep(keep)}; that holds only ` +
        'for a vector like this one' +
        (keep === 0.5 ? ', which is why the question found the ratio “about half”.' : '.'),
    };
  }
  return {
    text:
      `With n_eff = ${formatFixed(nEff, 2)} no unit dominates; the more units share the length, the more ${names.out} ` +
      `concentrates near √E${names.out}² (${ratioText}, against √q = ${formatFixed(Math.sqrt(keep), 4)} and q = ${formatKeep(keep)}).`,
  };
}

/** What the norm section shows for the engine's result (partial results are fine: closed forms come first). */
export function normFigure(result: AnalysisResult): NormFigure {
  const names = normNames(result.model, result.compensation);
  const numbers = normNumbers(result);
  const position = positionBetweenBounds(numbers);
  const units = maskModel(result.model).masks === 'units';
  return {
    names,
    intro: intro(result.model, result.compensation, names),
    meanSquareTex: meanSquareNormTex(numbers),
    meanSquareMethod: provenance(result.rmsNorm, 4),
    boundsText: boundsText(result.model, result.compensation, names),
    boundsTex: jensenBoundsTex(numbers),
    effectiveUnitsTex: units ? effectiveUnitsTex(numbers) : null,
    positionText:
      position !== null && Math.abs(numbers.rmsNorm - numbers.meanNorm) <= 1e-12 * numbers.rmsNorm
        ? `Here ${names.mean} is the upper bound itself: every mask gives ${names.out} the same length. `
        : position === null
        ? result.keep === 1
          ? 'With q = 1 nothing is dropped, and the two bounds meet.'
          : `Here the two bounds meet: ${names.out} is the same on every mask.`
        : `Here ${names.mean} sits ${formatFixed(position * 100, 1)} % of the way from the lower bound to the upper ` +
          `(${provenance(result.meanNorm, 4)}). `,
    shape: shape(result, names),
  };
}
