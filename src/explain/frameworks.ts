/**
 * What each framework (and the 2014 paper) calls the dropout argument, what it means, and how kept
 * values are scaled in training and at inference (docs/mathematics.md#framework-conventions, checked in each project's source).
 * Numbers in the cheat sheet are the reader's: q is the keep probability, p = 1 − q the drop rate.
 */
import { formatFixed, formatKeep } from './formatNumber.ts';
import type { PageNotation } from './notationDerivation.ts';

/** Which probability the argument names. */
export type ArgumentMeaning = 'drop' | 'keep';

export interface FrameworkConvention {
  readonly id: string;
  readonly framework: string;
  /** The argument's name in the framework's own API. */
  readonly argument: string;
  readonly means: ArgumentMeaning;
  /** The call with the argument's value (already formatted) filled in. */
  readonly call: (value: string) => string;
  /** Kept values are multiplied by this in training, written in the framework's own argument. */
  readonly trainingScale: string;
  /** True when training does not scale at all (the paper scales the weights at test instead). */
  readonly scalesInTraining: boolean;
  /** What happens at inference, in words. */
  readonly inference: string;
  /** True when inference multiplies by q (the paper); false when it is the identity. */
  readonly scalesAtInference: boolean;
  /** Where the convention was checked. */
  readonly source: string;
}

export const FRAMEWORKS: readonly FrameworkConvention[] = [
  {
    id: 'pytorch',
    framework: 'PyTorch',
    argument: 'p',
    means: 'drop',
    call: (v) => `nn.Dropout(p=${v})`,
    trainingScale: '1/(1 − p)',
    scalesInTraining: true,
    inference: 'identity after model.eval()',
    scalesAtInference: false,
    source: 'torch/nn/modules/dropout.py: “probability of an element to be zeroed”',
  },
  {
    id: 'keras',
    framework: 'Keras 3',
    argument: 'rate',
    means: 'drop',
    call: (v) => `keras.layers.Dropout(rate=${v})`,
    trainingScale: '1/(1 − rate)',
    scalesInTraining: true,
    inference: 'identity (training=False)',
    scalesAtInference: false,
    source: 'keras/src/layers/regularization/dropout.py: “Fraction of the input units to drop”',
  },
  {
    id: 'tf2',
    framework: 'TensorFlow 2',
    argument: 'rate',
    means: 'drop',
    call: (v) => `tf.nn.dropout(x, rate=${v})`,
    trainingScale: '1/(1 − rate)',
    scalesInTraining: true,
    inference: 'the op always drops: call it only in training (Keras does)',
    scalesAtInference: false,
    source: 'tensorflow/python/ops/nn_ops.py (dropout_v2): scale = 1/(1 − rate)',
  },
  {
    id: 'tf1',
    framework: 'TensorFlow 1 (tf.compat.v1)',
    argument: 'keep_prob',
    means: 'keep',
    call: (v) => `tf.nn.dropout(x, keep_prob=${v})`,
    trainingScale: '1/keep_prob',
    scalesInTraining: true,
    inference: 'the op always drops: call it only in training',
    scalesAtInference: false,
    source: 'tensorflow/python/ops/nn_ops.py (v1 wrapper): rate = 1 − keep_prob',
  },
  {
    id: 'flax',
    framework: 'JAX / Flax (linen)',
    argument: 'rate',
    means: 'drop',
    call: (v) => `nn.Dropout(rate=${v})`,
    trainingScale: '1/(1 − rate)',
    scalesInTraining: true,
    inference: 'identity with deterministic=True',
    scalesAtInference: false,
    source: 'flax/linen/stochastic.py: “the dropout probability (_not_ the keep rate!)”',
  },
  {
    id: 'tfjs',
    framework: 'TensorFlow.js',
    argument: 'rate',
    means: 'drop',
    call: (v) => `tf.dropout(x, ${v})`,
    trainingScale: '1/(1 − rate)',
    scalesInTraining: true,
    inference: 'identity in tf.layers.dropout; the op always drops',
    scalesAtInference: false,
    source: '@tensorflow/tfjs-core ops/dropout: floor(U + keepProb)/keepProb',
  },
  {
    id: 'paper',
    framework: 'The 2014 paper (Srivastava et al.)',
    argument: 'p',
    means: 'keep',
    call: (v) => `p = ${v}`,
    trainingScale: '1 (no scaling)',
    scalesInTraining: false,
    inference: 'outgoing weights × p',
    scalesAtInference: true,
    source: 'JMLR 15:1929–1958: “retained with probability p … weights are multiplied by p at test time”',
  },
];

/** One row of the cheat sheet, every cell formatted with the reader's numbers. */
export interface FrameworkRow {
  readonly id: string;
  readonly framework: string;
  /** The call with the reader's value substituted, e.g. "nn.Dropout(p=0.30)" when q = 0.70. */
  readonly call: string;
  /** "drop probability" or "keep probability". */
  readonly meaning: string;
  /** The argument in this page's notation, e.g. "p = 1 − q = 0.30". */
  readonly inPageTerms: string;
  /** Training scale with its value, e.g. "× 1/(1 − p) = 1.4286". */
  readonly training: string;
  /** The same in two parts: the formula ("× 1/(1 − p)") and its value ("= 1.4286", or "" when it has none). */
  readonly trainingFormula: string;
  readonly trainingValue: string;
  /** Inference, with the paper's factor as a number. */
  readonly inference: string;
}

/** The page's own symbol for the argument, with the value, in the chosen notation. */
function pageTerms(means: ArgumentMeaning, notation: PageNotation, keepText: string, dropText: string): string {
  if (means === 'drop') return notation === 'drop' ? `p = ${dropText}` : `p = 1 − q = ${dropText}`;
  return notation === 'keep' ? `q = ${keepText}` : `q = 1 − p = ${keepText}`;
}

/**
 * The cheat sheet for keep probability q: each framework's call with its argument (drop rate
 * p = 1 − q or keep probability q) substituted, and its training and inference scale. Scales are
 * closed forms: 1/q in training for every framework, × q on the weights at test for the paper.
 */
export function frameworkRows(keep: number, notation: PageNotation): FrameworkRow[] {
  const q = Number.isFinite(keep) ? Math.min(1, Math.max(0, keep)) : 1;
  const keepText = formatKeep(q);
  const dropText = formatKeep(1 - q);
  const scale = q > 0 ? formatFixed(1 / q, 4) : 'undefined';
  return FRAMEWORKS.map((f) => ({
    id: f.id,
    framework: f.framework,
    call: f.call(f.means === 'drop' ? dropText : keepText),
    meaning: f.means === 'drop' ? 'drop probability' : 'keep probability',
    inPageTerms: pageTerms(f.means, notation, keepText, dropText),
    training: f.scalesInTraining ? `× ${f.trainingScale} = ${scale}` : `× ${f.trainingScale}`,
    trainingFormula: `× ${f.trainingScale}`,
    trainingValue: f.scalesInTraining ? `= ${scale}` : '',
    inference: f.scalesAtInference ? `${f.inference} = ${keepText}` : f.inference,
  }));
}
