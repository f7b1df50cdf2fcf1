/**
 * Each scheme's forward pass in training and at test time against its definition
 * (docs/mathematics.md#dropout-schemes-in-training) on a hand-checked example, and the gradients of
 * both norm-matching variants against central finite differences of the definition in float64.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dropoutTest, dropoutTrain } from './network.ts';
import { TRAINING_SCHEMES, type TrainingScheme } from './settings.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Two samples of three units at q = ½. Row 1 keeps only its first unit; row 2 drops every unit.
const h = [
  [3, 0, 4],
  [1, 2, 2],
];
const m = [
  [1, 0, 1],
  [0, 0, 0],
];
const q = 0.5;
// Norm matching, row 1: ‖h‖ = 5, ‖m⊙h‖ = 5, scale 1. With the mask (1, 0, 0): ‖m⊙h‖ = 3, scale 5/3.
// c*, row 1: E‖m⊙h‖ over the four masks of {3, 4} is (0 + 3 + 4 + 5)/4 = 3, so c* = 5/3.
const expectedTrain: { readonly [s in TrainingScheme]: number[][] } = {
  none: h,
  inverted: [
    [6, 0, 8],
    [0, 0, 0],
  ],
  paper: [
    [3, 0, 4],
    [0, 0, 0],
  ],
  sqrt: [
    [3 * Math.SQRT2, 0, 4 * Math.SQRT2],
    [0, 0, 0],
  ],
  match: [
    [3, 0, 4],
    [0, 0, 0],
  ],
  matchStop: [
    [3, 0, 4],
    [0, 0, 0],
  ],
  constant: [
    [5, 0, 20 / 3],
    [0, 0, 0],
  ],
};

function run(scheme: TrainingScheme, hv: number[][], mv: number[][], keep: number): number[][] {
  return tf.tidy(() => dropoutTrain(scheme, tf.tensor2d(hv), tf.tensor2d(mv), keep).arraySync() as number[][]);
}

describe('dropoutTrain(scheme, h, m, q): y = s·(m⊙h) by its definition', () => {
  for (const scheme of TRAINING_SCHEMES) {
    it(`${scheme}: the hand-checked output`, () => {
      const y = run(scheme, h, m, q);
      y.flat().forEach((v, i) => expect(v).toBeCloseTo(expectedTrain[scheme].flat()[i]!, 5));
    });
  }

  it('norm matching rescales a partly dropped row to ‖h‖: (3, 0, 4) with mask (1, 0, 0) gives (5, 0, 0)', () => {
    for (const scheme of ['match', 'matchStop'] as const) {
      const [row] = run(scheme, [[3, 0, 4]], [[1, 0, 0]], q);
      expect(row![0]).toBeCloseTo(5, 5);
      expect(row![2]).toBe(0);
    }
  });

  it('c* of (1, 2, 2) at q = ½ is 24/(8 + 2√5 + 2√2): the eight masks have norms 0, 1, 2, 2, √5, √5, √8, 3', () => {
    const [row] = run('constant', [[1, 2, 2]], [[1, 1, 0]], q);
    const c = 24 / (8 + 2 * Math.sqrt(5) + 2 * Math.SQRT2);
    expect(row![0]).toBeCloseTo(c, 5);
    expect(row![1]).toBeCloseTo(2 * c, 5);
    expect(row![2]).toBe(0);
  });
});

describe('dropoutTest(scheme, h, q): y = q·h for the 2014 paper, h otherwise', () => {
  for (const scheme of TRAINING_SCHEMES) {
    it(`${scheme}`, () => {
      const y = tf.tidy(() => dropoutTest(scheme, tf.tensor2d(h), q).arraySync() as number[][]);
      const factor = scheme === 'paper' ? q : 1;
      y.flat().forEach((v, i) => expect(v).toBeCloseTo(factor * h.flat()[i]!, 6));
    });
  }
});

describe('gradients of norm matching against finite differences', () => {
  const x = [0.7, 1.3, 0.2, 0.9, 1.6];
  const mask = [1, 0, 1, 1, 0];
  const c = [0.5, -1.2, 2.0, 0.3, -0.7];
  const keep = 0.6;
  /** L(h) = Σ c_i y_i with y = s·(m⊙h), s = ‖h‖/‖m⊙h‖; `frozen` keeps s at its value for x. */
  const loss = (hv: readonly number[], frozen: boolean) => {
    const scaleOf = (v: readonly number[]) => Math.hypot(...v) / Math.hypot(...v.map((t, i) => t * mask[i]!));
    const s = frozen ? scaleOf(x) : scaleOf(hv);
    return hv.reduce((a, t, i) => a + c[i]! * s * mask[i]! * t, 0);
  };
  const numeric = (frozen: boolean) =>
    x.map((_, j) => {
      const step = 1e-6;
      const up = x.map((t, i) => (i === j ? t + step : t));
      const down = x.map((t, i) => (i === j ? t - step : t));
      return (loss(up, frozen) - loss(down, frozen)) / (2 * step);
    });
  const analytic = (scheme: 'match' | 'matchStop') =>
    tf.tidy(() => {
      const g = tf.grad((hv: tf.Tensor) => tf.sum(tf.mul(tf.tensor2d([c]), dropoutTrain(scheme, hv as tf.Tensor2D, tf.tensor2d([mask]), keep))));
      return Array.from(g(tf.tensor2d([x])).dataSync());
    });

  it('gradient through the scale: every ∂L/∂h_j, dropped units included, within float32 precision', () => {
    const want = numeric(false);
    const got = analytic('match');
    got.forEach((v, j) => expect(Math.abs(v - want[j]!)).toBeLessThan(1e-4 * (1 + Math.abs(want[j]!))));
    // The leak: the dropped units 1 and 4 receive gradient through ‖h‖.
    expect(Math.abs(got[1]!)).toBeGreaterThan(1e-2);
    expect(Math.abs(got[4]!)).toBeGreaterThan(1e-2);
  });

  it('stopped gradient: ∂L/∂h_j = s·m_j·c_j, zero for the dropped units', () => {
    const want = numeric(true);
    const got = analytic('matchStop');
    got.forEach((v, j) => expect(Math.abs(v - want[j]!)).toBeLessThan(1e-4 * (1 + Math.abs(want[j]!))));
    expect(Math.abs(got[1]!)).toBe(0);
    expect(Math.abs(got[4]!)).toBe(0);
  });

  it('a row whose every unit is dropped has output 0 and a finite (zero) gradient', () => {
    const g = tf.tidy(() =>
      Array.from(
        tf
          .grad((hv: tf.Tensor) => tf.sum(dropoutTrain('match', hv as tf.Tensor2D, tf.tensor2d([[0, 0, 0]]), keep)))(tf.tensor2d([[1, 2, 3]]))
          .dataSync(),
      ),
    );
    expect(g).toEqual([0, 0, 0]);
  });
});
