/**
 * "Predict, then reveal": the numbers a class link can ask for, how a typed guess is read, and how
 * far off it was, in words. Pure functions: the PredictGate component shows what they return.
 */
import { formatEstimateValue, formatFixed, formatKeep, provenance } from '../explain/formatNumber.ts';
import type { AnalysisResult, Compensation, Estimate, MaskModel } from '../math/types.ts';
import type { PredictTarget } from '../state/classLink.ts';
import type { Notation } from '../state/explorerState.ts';
import { inWords } from './labels.ts';

export type TargetKind = 'length' | 'probability';

export interface PredictTargetInfo {
  /** The symbol, as the page writes it ("E‖y‖"). */
  readonly symbol: string;
  /** What it is, in words, to finish "Predict E‖y‖: …". */
  readonly words: string;
  /** For the builder's list. */
  readonly option: string;
  readonly kind: TargetKind;
  /** Whether setting it beside ‖x‖ says something (a length of y, not a spread or a probability). */
  readonly besideNorm: boolean;
  /** Where the page explains it. */
  readonly section: 'norm' | 'question' | 'layers';
  readonly read: (result: AnalysisResult) => Estimate;
}

export const PREDICT_TARGET_INFO: Readonly<Record<PredictTarget, PredictTargetInfo>> = {
  mean: {
    symbol: 'E‖y‖',
    words: 'the average length of y over all masks',
    option: 'E‖y‖, the average length of y',
    kind: 'length',
    besideNorm: true,
    section: 'norm',
    read: (r) => r.meanNorm,
  },
  rms: {
    symbol: '√E‖y‖²',
    words: 'the root-mean-square length of y over all masks',
    option: '√E‖y‖², the root-mean-square length',
    kind: 'length',
    besideNorm: true,
    section: 'norm',
    read: (r) => r.rmsNorm,
  },
  above: {
    symbol: 'P(‖y‖ > ‖x‖)',
    words: 'the probability that one mask makes y longer than x',
    option: 'P(‖y‖ > ‖x‖), how often y is longer than x',
    kind: 'probability',
    besideNorm: false,
    section: 'question',
    read: (r) => r.pAboveNorm,
  },
  sd: {
    symbol: 'sd ‖y‖',
    words: 'the standard deviation of the length of y across masks',
    option: 'sd ‖y‖, the spread of the length',
    kind: 'length',
    besideNorm: false,
    section: 'layers',
    read: (r) => r.sdNorm,
  },
};

export type ReadGuess = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

/** Reads a typed guess: a decimal number (a decimal comma is accepted), for probabilities also "30%". */
export function readGuess(text: string, kind: TargetKind): ReadGuess {
  let trimmed = text.trim().replace(/^[−–]/, '-');
  if (trimmed === '') return { ok: false, error: 'Type a number first.' };
  const percent = kind === 'probability' && trimmed.endsWith('%');
  if (percent) trimmed = trimmed.slice(0, -1).trim();
  if (!trimmed.includes('.') && /^[+-]?\d+,\d+$/.test(trimmed)) trimmed = trimmed.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) {
    return { ok: false, error: `“${text.trim().slice(0, 40)}” is not a number. Type something like ${kind === 'probability' ? '0.3 or 30%' : '1.25'}.` };
  }
  const value = Number(trimmed) / (percent ? 100 : 1);
  if (!Number.isFinite(value)) return { ok: false, error: 'That number is too large.' };
  if (kind === 'probability') {
    if (value < 0 || value > 1) {
      const hint = !percent && value > 1 && value <= 100 ? ` For ${trimmed} percent, type ${trimmed}%.` : '';
      return { ok: false, error: `A probability is between 0 and 1.${hint}` };
    }
  } else if (value < 0) {
    return { ok: false, error: 'A length cannot be negative.' };
  }
  return { ok: true, value: value + 0 };
}

/** Decimals shown for the target's value and the distance to the guess. */
const DECIMALS = 4;

export interface GuessVerdict {
  /** "The value is 5.3093 (exact enumeration)." */
  readonly value: string;
  /** "Your guess 5 is 0.3093 too low (5.8% below)." */
  readonly distance: string;
  /** Whether the guess is as good as the shown digits allow (or inside a sampled value's 95% interval). */
  readonly close: boolean;
}

/** How far a guess is from the value, in words, with the value's provenance. */
export function judgeGuess(guess: number, estimate: Estimate, kind: TargetKind): GuessVerdict {
  const value = `${formatEstimateValue(estimate, DECIMALS)} (${provenance(estimate, DECIMALS)})`;
  const difference = guess - estimate.value;
  const interval = estimate.interval;
  const inInterval = interval !== undefined && guess >= interval[0] && guess <= interval[1];
  const shown = kind === 'probability' ? `${formatFixed(guess * 100, 1)}%` : String(guess);
  const direction = difference > 0 ? 'too high' : 'too low';
  if (kind === 'probability') {
    const points = Math.abs(difference) * 100;
    const close = inInterval || points < 0.5;
    const distance = close
      ? `Your guess ${shown} is right${inInterval ? ' (inside the 95% interval)' : ''}.`
      : `Your guess ${shown} is ${formatFixed(points, 1)} percentage points ${direction}.`;
    return { value, distance, close };
  }
  const relative = estimate.value === 0 ? null : Math.abs(difference / estimate.value) * 100;
  const close = inInterval || Math.abs(difference) < 0.5 * 10 ** -DECIMALS || (relative !== null && relative < 0.5);
  if (close) return { value, distance: `Your guess ${shown} is right${inInterval ? ' (inside the 95% interval)' : ' to within half a percent'}.`, close };
  const share = relative === null ? '' : ` (${formatFixed(relative, 1)}% ${difference > 0 ? 'above' : 'below'} the value)`;
  return { value, distance: `Your guess ${shown} is ${formatFixed(Math.abs(difference), DECIMALS)} ${direction}${share}.`, close };
}

/** The target's symbol and words for the model: DropConnect's output is u = (M⊙W)x/q, compared with Wx. */
export function targetText(target: PredictTarget, model: MaskModel): { readonly symbol: string; readonly words: string } {
  const info = PREDICT_TARGET_INFO[target];
  if (model !== 'dropconnect') return { symbol: info.symbol, words: info.words };
  const rename = (text: string) => text.replace(/\bx\b/g, 'Wx').replace(/‖x‖/g, '‖Wx‖').replace(/\by\b/g, 'u').replace(/‖y‖/g, '‖u‖');
  return { symbol: rename(info.symbol), words: rename(info.words) };
}

export interface SetupInput {
  readonly x: readonly number[];
  /** The effective q (k/n for the fixed model). */
  readonly keep: number;
  readonly kept: number;
  readonly model: MaskModel;
  readonly compensation: Compensation;
  readonly notation: Notation;
}

/** Up to this many units, the sentence lists x itself. */
const LISTED_UNITS = 12;

/** The example in one sentence, from the reader's inputs only (no computed result: those stay hidden). */
export function setupSentence({ x, keep, kept, model, compensation, notation }: SetupInput): string {
  const norm = Math.hypot(...x);
  const vector =
    x.length <= LISTED_UNITS
      ? `x = (${x.map((v) => formatFixed(v, 2)).join(', ')}), with length ‖x‖ = ${formatFixed(norm, 4)}`
      : `x has ${x.length} units, with length ‖x‖ = ${formatFixed(norm, 4)}`;
  const rate =
    notation === 'keep' ? `keep probability q = ${formatKeep(keep)}` : `drop rate p = ${formatKeep(1 - keep)}`;
  const masks =
    model === 'fixed'
      ? `each mask keeps exactly k = ${kept} of the ${x.length} units`
      : model === 'dropconnect'
        ? `each weight of the next layer's W is kept independently (${rate})`
        : `each unit is kept independently (${rate})`;
  const scale: Record<Compensation, string> = {
    inverted: `the kept values are multiplied by 1/q = ${formatFixed(1 / keep, 4)}`,
    none: 'the kept values are not rescaled in training',
    sqrt: `the kept values are multiplied by 1/√q = ${formatFixed(1 / Math.sqrt(keep), 4)}`,
    match: 'each output is rescaled to the length ‖x‖',
    constant: 'the kept values are multiplied by the constant c* = ‖x‖/E‖m⊙x‖',
  };
  return inWords(`${vector}; ${masks}; ${scale[compensation]}.`, notation);
}
