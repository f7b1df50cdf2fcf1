/**
 * The small network of the training experiment, in TensorFlow.js: 2 → width → width → 2, ReLU,
 * dropout after each hidden layer by the chosen scheme, softmax cross-entropy
 * (docs/mathematics.md#dropout-schemes-in-training). Weights start from the project's seeded
 * generator (He normal, N(0, 2/fan-in); the output layer N(0, 1/fan-in); biases 0), so a seed
 * gives the same network on every backend; the masks are given by the caller, so every scheme can
 * see the same ones.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core ships its gradients separately; the optimiser needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients.js';
import type { Random } from '../math/index.ts';
import { masks, perSampleScale, testFactor } from './schemeScales.ts';
import type { TrainingScheme } from './settings.ts';

export interface NetworkParams {
  readonly w1: tf.Variable<tf.Rank.R2>;
  readonly b1: tf.Variable<tf.Rank.R1>;
  readonly w2: tf.Variable<tf.Rank.R2>;
  readonly b2: tf.Variable<tf.Rank.R1>;
  readonly w3: tf.Variable<tf.Rank.R2>;
  readonly b3: tf.Variable<tf.Rank.R1>;
}

/** Initial weights as plain numbers (the same for every scheme of one seed). */
export interface InitialWeights {
  readonly width: number;
  readonly w1: Float32Array;
  readonly w2: Float32Array;
  readonly w3: Float32Array;
}

function normalMatrix(rows: number, cols: number, sd: number, random: Random): Float32Array {
  const values = new Float32Array(rows * cols);
  for (let i = 0; i < values.length; i++) values[i] = sd * random.normal();
  return values;
}

export function initialWeights(width: number, random: Random): InitialWeights {
  return {
    width,
    w1: normalMatrix(2, width, Math.sqrt(2 / 2), random),
    w2: normalMatrix(width, width, Math.sqrt(2 / width), random),
    w3: normalMatrix(width, 2, Math.sqrt(1 / width), random),
  };
}

export function networkParams(init: InitialWeights): NetworkParams {
  const { width } = init;
  return {
    w1: tf.variable(tf.tensor2d(init.w1, [2, width])),
    b1: tf.variable(tf.zeros([width])),
    w2: tf.variable(tf.tensor2d(init.w2, [width, width])),
    b2: tf.variable(tf.zeros([width])),
    w3: tf.variable(tf.tensor2d(init.w3, [width, 2])),
    b3: tf.variable(tf.zeros([2])),
  };
}

export function disposeParams(params: NetworkParams): void {
  for (const v of Object.values(params)) v.dispose();
}

/**
 * Per-row scales computed from the values, outside the gradient: the tensor made from them is a
 * constant for autodiff (tfjs has no stopGradient), as the stopped-gradient schemes require.
 */
function constantScales(scheme: TrainingScheme, h: tf.Tensor2D, m: tf.Tensor2D, keep: number): tf.Tensor2D {
  const [rows, cols] = h.shape;
  const hv = h.dataSync();
  const mv = m.dataSync();
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    scales[r] = perSampleScale(scheme, hv.subarray(r * cols, (r + 1) * cols), mv.subarray(r * cols, (r + 1) * cols), keep);
  }
  return tf.tensor2d(scales, [rows, 1]);
}

/**
 * Norm matching with the gradient through the scale: s = √(‖h‖²/‖m⊙h‖²) per row, 0 when ‖m⊙h‖ = 0.
 * The divisions use 1 in place of a zero denominator inside tf.where, so no branch that is not
 * selected produces NaN in the gradient.
 */
function matchedThroughScale(h: tf.Tensor2D, kept: tf.Tensor2D): tf.Tensor2D {
  const all = tf.sum(tf.square(h), 1, true);
  const part = tf.sum(tf.square(kept), 1, true);
  // Which rows kept some mass: read from the values, a constant for autodiff (a comparison has no gradient).
  const positive = tf.tensor2d(Uint8Array.from(part.dataSync(), (v) => (v > 0 ? 1 : 0)), [part.shape[0], 1], 'bool');
  const one = tf.onesLike(part);
  const ratio = tf.sqrt(tf.div(tf.where(positive, all, one), tf.where(positive, part, one)));
  return tf.mul(kept, tf.where(positive, ratio, tf.zerosLike(ratio))) as tf.Tensor2D;
}

/** One hidden layer's dropout in training: y = s·(m⊙h) by the scheme ('none': y = h). */
export function dropoutTrain(scheme: TrainingScheme, h: tf.Tensor2D, m: tf.Tensor2D, keep: number): tf.Tensor2D {
  // At q = 1 every mask keeps every unit and every scale is exactly 1: the shortcut makes the curves
  // of all schemes identical bit for bit (autodiff of ‖h‖/‖m⊙h‖ would leave rounding-level terms).
  if (!masks(scheme) || keep === 1) return h;
  const kept = tf.mul(h, m) as tf.Tensor2D;
  switch (scheme) {
    case 'none':
      return h;
    case 'inverted':
      return tf.div(kept, keep) as tf.Tensor2D;
    case 'paper':
      return kept;
    case 'sqrt':
      return tf.div(kept, Math.sqrt(keep)) as tf.Tensor2D;
    case 'match':
      return matchedThroughScale(h, kept);
    case 'matchStop':
    case 'constant':
      return tf.mul(kept, constantScales(scheme, h, m, keep)) as tf.Tensor2D;
  }
}

/** One hidden layer at test time: y = t·h (t = q for the 2014 paper, else 1). */
export function dropoutTest(scheme: TrainingScheme, h: tf.Tensor2D, keep: number): tf.Tensor2D {
  const t = testFactor(scheme, keep);
  return t === 1 ? h : (tf.mul(h, t) as tf.Tensor2D);
}

export type Phase =
  | { readonly kind: 'train'; readonly masks: readonly [tf.Tensor2D, tf.Tensor2D] }
  | { readonly kind: 'test' };

export interface ForwardPass {
  readonly logits: tf.Tensor2D;
  /** The first hidden layer's activations h₁ (before its dropout). */
  readonly hidden1: tf.Tensor2D;
}

/** The network's logits for inputs x (rows of 2), in training (with the given masks) or at test time. */
export function forward(params: NetworkParams, x: tf.Tensor2D, scheme: TrainingScheme, keep: number, phase: Phase): ForwardPass {
  const drop = (h: tf.Tensor2D, layer: 0 | 1) =>
    phase.kind === 'train' ? dropoutTrain(scheme, h, phase.masks[layer], keep) : dropoutTest(scheme, h, keep);
  const hidden1 = tf.relu(tf.add(tf.matMul(x, params.w1), params.b1)) as tf.Tensor2D;
  const hidden2 = tf.relu(tf.add(tf.matMul(drop(hidden1, 0), params.w2), params.b2)) as tf.Tensor2D;
  const logits = tf.add(tf.matMul(drop(hidden2, 1), params.w3), params.b3) as tf.Tensor2D;
  return { logits, hidden1 };
}

/** Mean softmax cross-entropy of the logits against labels given as a one-hot matrix. */
export function crossEntropy(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), 1)));
}
