/**
 * "Predict, then reveal": the numbers a class link can ask for, how a typed guess is read, and how
 * far off it was, in words. Pure functions: the PredictGate component shows what they return.
 */
import { formatEstimateValue, formatFixed, formatKeep, provenance } from '../explain/formatNumber.ts';
import { magnitudeDecimals } from '../explain/questionDerivation.ts';
import { type AnalysisResult, type Compensation, type Estimate, type MaskModel, isDecimalNumber, maskModel, vectorNorm } from '../math/index.ts';
import type { PredictTarget } from '../state/classLink.ts';
import type { Notation } from '../state/explorerState.ts';
import { MAX_NUMBER_BOX_CHARS, tooLongMessage } from './inputCaps.ts';
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
  readonly read: (result: AnalysisResult) => Estimate;
}

export const PREDICT_TARGET_INFO: Readonly<Record<PredictTarget, PredictTargetInfo>> = {
  mean: {
    symbol: 'E‖y‖',
    words: 'the average length of y over all masks',
    option: 'E‖y‖, the average length of y',
    kind: 'length',
    besideNorm: true,
    read: (r) => r.meanNorm,
  },
  rms: {
    symbol: '√E‖y‖²',
    words: 'the root-mean-square length of y over all masks',
    option: '√E‖y‖², the root-mean-square length',
    kind: 'length',
    besideNorm: true,
    read: (r) => r.rmsNorm,
  },
  above: {
    symbol: 'P(‖y‖ > ‖x‖)',
    words: 'the probability that one mask makes y longer than x',
    option: 'P(‖y‖ > ‖x‖), how often y is longer than x',
    kind: 'probability',
    besideNorm: false,
    read: (r) => r.pAboveNorm,
  },
  sd: {
    symbol: 'sd ‖y‖',
    words: 'the standard deviation of the length of y across masks',
    option: 'sd ‖y‖, the spread of the length',
    kind: 'length',
    besideNorm: false,
    read: (r) => r.sdNorm,
  },
};

export type ReadGuess = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

/** Reads a typed guess: a decimal number (a decimal comma is accepted), for probabilities also "30%". */
export function readGuess(text: string, kind: TargetKind): ReadGuess {
  const tooLong = tooLongMessage('guess', text, MAX_NUMBER_BOX_CHARS);
  if (tooLong !== null) return { ok: false, error: tooLong };
  let trimmed = text.trim().replace(/^[−–]/, '-');
  if (trimmed === '') return { ok: false, error: 'Type a number first.' };
  const percent = kind === 'probability' && trimmed.endsWith('%');
  if (percent) trimmed = trimmed.slice(0, -1).trim();
  if (/^[+-]?\d{1,3}(,\d{3})+$/.test(trimmed)) {
    const whole = trimmed.replaceAll(',', '');
    return { ok: false, error: `“${trimmed}” could be ${whole} or ${trimmed.replace(',', '.')}: write it without the comma, or with a decimal point.` };
  }
  if (!trimmed.includes('.') && /^[+-]?\d+,\d+$/.test(trimmed)) trimmed = trimmed.replace(',', '.');
  if (!isDecimalNumber(trimmed)) {
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

/** Decimals that show at least four significant digits of a value below 0.1, else four. */
export const valueDecimals = magnitudeDecimals;

export interface GuessVerdict {
  /** "5.3093 (exact enumeration)". */
  readonly value: string;
  /** "Your guess 5 is 0.3093 too low (5.8% below the value)." */
  readonly distance: string;
  /** Within half a percent of the value (half a percentage point for an exact probability), or inside a sampled value's 95% interval. */
  readonly close: boolean;
}

/** A guess as the reader typed it, in at most six significant digits. */
function guessText(guess: number): string {
  return Math.abs(guess) >= 1e6 || (guess !== 0 && Math.abs(guess) < 1e-4) ? guess.toPrecision(3) : String(Number(guess.toPrecision(6)));
}

/** How far a guess is from the value, in words, with the value's provenance. */
export function judgeGuess(guess: number, estimate: Estimate, kind: TargetKind): GuessVerdict {
  const decimals = kind === 'probability' ? 4 : valueDecimals(estimate.value);
  const percent = kind === 'probability' ? ` (${formatFixed(estimate.value * 100, 2)}%)` : '';
  const value = `${formatEstimateValue(estimate, decimals)}${percent} (${provenance(estimate, decimals)})`;
  const difference = guess - estimate.value;
  const interval = estimate.interval;
  const sampled = interval !== undefined;
  const inInterval = sampled && guess >= interval[0] && guess <= interval[1];
  const direction = difference > 0 ? 'too high' : 'too low';
  const right = (how: string, shown: string) => `Your guess ${shown} is right${inInterval ? ' (inside the 95% interval)' : how}.`;
  if (kind === 'probability') {
    const shown = `${formatFixed(guess * 100, 1)}%`;
    const points = Math.abs(difference) * 100;
    // A sampled value is known to its interval: only a guess inside it counts as right.
    const close = sampled ? inInterval : points < 0.5;
    if (close) return { value, distance: right(' to within half a percentage point', shown), close };
    return { value, distance: `Your guess ${shown} is ${formatFixed(points, 1)} percentage points ${direction}.`, close };
  }
  const shown = guessText(guess);
  const relative = estimate.value === 0 ? null : Math.abs(difference / estimate.value) * 100;
  const close = inInterval || (relative === null ? guess === 0 : relative < 0.5);
  if (close) return { value, distance: right(relative === null ? '' : ' to within half a percent', shown), close };
  const share =
    relative === null
      ? ''
      : relative >= 1000
        ? ' (more than ten times the value)'
        : ` (${formatFixed(relative, 1)}% ${difference > 0 ? 'above' : 'below'} the value)`;
  const distanceText = Math.abs(difference) >= 1e6 ? Math.abs(difference).toPrecision(3) : formatFixed(Math.abs(difference), Math.max(decimals, 4));
  return { value, distance: `Your guess ${shown} is ${distanceText} ${direction}${share}.`, close };
}

/** The target's symbol and words for the model: DropConnect's output is u = (M⊙W)x/q, compared with Wx. */
export function targetText(target: PredictTarget, model: MaskModel): { readonly symbol: string; readonly words: string } {
  const info = PREDICT_TARGET_INFO[target];
  if (maskModel(model).masks === 'units') return { symbol: info.symbol, words: info.words };
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
  /** DropConnect's W: its rows and seed, and ‖Wx‖ (test-time output length). */
  readonly weights?: { readonly rows: number; readonly seed: number; readonly outputNorm: number };
}

/** Up to this many units, the sentence lists x itself. */
const LISTED_UNITS = 12;

/** An entry of x: as typed, up to four significant digits for small ones. */
function entry(value: number): string {
  // Two decimals at least; more while the value is not yet written exactly, up to four significant digits.
  const most = Math.max(2, magnitudeDecimals(value));
  let decimals = 2;
  while (decimals < most && Number(value.toFixed(decimals)) !== value) decimals += 1;
  return formatFixed(value, decimals);
}

/** The example in one sentence, from the reader's inputs only (no computed result: those stay hidden). */
export function setupSentence({ x, keep, kept, model, compensation, notation, weights }: SetupInput): string {
  const norm = vectorNorm(x);
  const length = `with length ‖x‖ = ${formatFixed(norm, magnitudeDecimals(norm))}`;
  const vector = x.length <= LISTED_UNITS ? `x = (${x.map(entry).join(', ')}), ${length}` : `x has ${x.length} units, ${length}`;
  const rate =
    notation === 'keep' ? `keep probability q = ${formatKeep(keep)}` : `drop rate p = ${formatKeep(1 - keep)}`;
  if (maskModel(model).masks === 'weights') {
    const w = weights;
    const layer =
      w === undefined
        ? "the next layer's weights W"
        : `the next layer's weights W (a seeded random ${w.rows} × ${x.length} matrix, seed ${w.seed}; without dropout its output Wx has length ‖Wx‖ = ${formatFixed(w.outputNorm, magnitudeDecimals(w.outputNorm))})`;
    const output: Record<Compensation, string> = {
      inverted: 'u = (M⊙W)x/q',
      none: 'u = (M⊙W)x',
      sqrt: 'u = (M⊙W)x/√q',
      match: 'u = (M⊙W)x rescaled to the length ‖Wx‖',
      constant: 'u = (M⊙W)x times the constant c*',
    };
    return inWords(`${vector}. DropConnect keeps each of ${layer} independently (${rate}), giving ${output[compensation]}.`, notation);
  }
  const masks =
    maskModel(model).keepFromCount ? `each mask keeps exactly k = ${kept} of the ${x.length} units` : `each unit is kept independently (${rate})`;
  const scale: Record<Compensation, string> = {
    inverted: `the kept values are multiplied by 1/q = ${formatFixed(1 / keep, 4)}`,
    none: 'the kept values are not rescaled in training',
    sqrt: `the kept values are multiplied by 1/√q = ${formatFixed(1 / Math.sqrt(keep), 4)}`,
    match: 'each output is rescaled to the length ‖x‖',
    constant: 'the kept values are multiplied by the constant c* = ‖x‖/E‖m⊙x‖',
  };
  return inWords(`${vector}; ${masks}; ${scale[compensation]}, giving y.`, notation);
}
