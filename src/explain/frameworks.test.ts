import { describe, expect, it } from 'vitest';
import { FRAMEWORKS, frameworkRows } from './frameworks.ts';

const byId = (rows: ReturnType<typeof frameworkRows>, id: string) => rows.find((r) => r.id === id)!;

describe('FRAMEWORKS (docs/mathematics.md#framework-conventions)', () => {
  it('lists PyTorch, Keras 3, TF 2, TF 1, Flax, tfjs and the paper', () => {
    expect(FRAMEWORKS.map((f) => f.id)).toEqual(['pytorch', 'keras', 'tf2', 'tf1', 'flax', 'tfjs', 'paper']);
  });
  it('gives the drop probability to every framework but TF 1 keep_prob and the paper', () => {
    const keep = FRAMEWORKS.filter((f) => f.means === 'keep').map((f) => f.id);
    expect(keep).toEqual(['tf1', 'paper']);
  });
  it('has only the paper leaving training unscaled and scaling at inference', () => {
    expect(FRAMEWORKS.filter((f) => !f.scalesInTraining).map((f) => f.id)).toEqual(['paper']);
    expect(FRAMEWORKS.filter((f) => f.scalesAtInference).map((f) => f.id)).toEqual(['paper']);
  });
});

describe('frameworkRows(q, notation)', () => {
  const rows = frameworkRows(0.7, 'keep');
  it('substitutes p = 1 − q = 0.30 into drop-rate calls and q = 0.70 into keep calls', () => {
    expect(byId(rows, 'pytorch').call).toBe('nn.Dropout(p=0.30)');
    expect(byId(rows, 'keras').call).toBe('keras.layers.Dropout(rate=0.30)');
    expect(byId(rows, 'tf2').call).toBe('tf.nn.dropout(x, rate=0.30)');
    expect(byId(rows, 'tf1').call).toBe('tf.nn.dropout(x, keep_prob=0.70)');
    expect(byId(rows, 'flax').call).toBe('nn.Dropout(rate=0.30)');
    expect(byId(rows, 'tfjs').call).toBe('tf.dropout(x, 0.30)');
    expect(byId(rows, 'paper').call).toBe('p = 0.70');
  });
  it('scales kept values by 1/q = 1/0.70 = 1.4286 in training, the paper by 1 and by q at test', () => {
    expect(byId(rows, 'pytorch').training).toBe('× 1/(1 − p) = 1.4286');
    expect(byId(rows, 'tf1').training).toBe('× 1/keep_prob = 1.4286');
    expect(byId(rows, 'paper').training).toBe('× 1 (no scaling)');
    expect(byId(rows, 'keras').trainingFormula).toBe('× 1/(1 − rate)');
    expect(byId(rows, 'keras').trainingValue).toBe('= 1.4286');
    expect(byId(rows, 'paper').trainingValue).toBe('');
    expect(byId(rows, 'paper').inference).toBe('outgoing weights × p = 0.70');
  });
  it('writes the argument in the page’s notation', () => {
    expect(byId(rows, 'pytorch').inPageTerms).toBe('p = 1 − q = 0.30');
    expect(byId(rows, 'tf1').inPageTerms).toBe('q = 0.70');
    const drop = frameworkRows(0.7, 'drop');
    expect(byId(drop, 'pytorch').inPageTerms).toBe('p = 0.30');
    expect(byId(drop, 'tf1').inPageTerms).toBe('q = 1 − p = 0.70');
  });
  it('gives every call the same number at q = ½', () => {
    const half = frameworkRows(0.5, 'keep');
    for (const row of half) expect(row.call).toMatch(/0\.50\)?$/);
    expect(byId(half, 'pytorch').training).toBe('× 1/(1 − p) = 2.0000');
  });
  it('never shows binary noise (q = 0.07 → p = 0.93)', () => {
    expect(byId(frameworkRows(0.07, 'keep'), 'pytorch').call).toBe('nn.Dropout(p=0.93)');
  });
  it('reads bad input safely', () => {
    expect(() => frameworkRows(Number.NaN, 'keep')).not.toThrow();
    expect(byId(frameworkRows(Number.NaN, 'keep'), 'pytorch').call).toBe('nn.Dropout(p=0.00)');
  });
});
