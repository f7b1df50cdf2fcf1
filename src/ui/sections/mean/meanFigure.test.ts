import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPENSATIONS, type Compensation, type MaskModel, seededWeights, type UnitLaw } from '../../../math/index.ts';
import { runQuery } from '../../../math/engine.ts';
import { bruteUnitLaw } from '../../../math/testing.ts';
import { COMPENSATION_LABELS } from '../../labels.ts';
import { meanFigure, type MeanFigure, type MeanFigureState } from './meanFigure.ts';

const SEED_X = [0.1, 0.1, 0.2, 5.0];
const BINS = 32;

/** The page's state for x, q (or k) and the compensation, with the page's seeded w. */
function stateOf(x: readonly number[], model: MaskModel, keep: number, kept: number, compensation: Compensation, w?: readonly number[]): MeanFigureState {
  return {
    x,
    w: w ?? seededWeights(1, x.length, 1).values,
    model,
    keep: model === 'fixed' ? kept / x.length : keep,
    kept,
    compensation,
    weightsSeed: 1,
    compensationLabel: COMPENSATION_LABELS[compensation],
    compensationFree: true,
  };
}

/** The engine's answer for a state, as the `mean` channel computes it. */
function lawOf(state: MeanFigureState, samples = 4000): UnitLaw {
  const fixed = state.model === 'fixed';
  return runQuery('mean', {
    x: state.x, w: state.w, keep: state.keep, model: fixed ? 'fixed' : 'bernoulli', kept: fixed ? state.kept : null,
    compensation: state.compensation, bins: BINS, samples, seed: 1,
  });
}

const figureOf = (state: MeanFigureState): MeanFigure => meanFigure(state, { law: lawOf(state), complete: true, status: 'done' });

/** The number a cell starts with ("−1.2345 ± 0.0001" → −1.2345). */
const firstNumber = (text: string) => Number((text.split(' ')[0] ?? '').replace('−', '-'));

/** Half a unit in the last place of a shown number (4 decimals, or 4 significant digits below 0.01). */
const halfLastPlace = (text: string) => 0.5 * 10 ** -((text.split(' ')[0] ?? '').split('.')[1]?.length ?? 0);

/** Brute-force bin masses of z on the figure's edges (a value within 1e-12·max|e| of an edge counts as on it). */
function bruteBins(masks: readonly { probability: number; z: number }[], edges: readonly number[]): number[] {
  const masses = new Array<number>(edges.length - 1).fill(0);
  const tolerance = 1e-12 * Math.max(Math.abs(edges[0]!), Math.abs(edges.at(-1)!));
  for (const { probability, z } of masks) {
    let j = 0;
    while (j < masses.length - 1 && z >= edges[j + 1]! - tolerance) j++;
    masses[j] = masses[j]! + probability;
  }
  return masses;
}

/**
 * x (1–6 units, zeros and x = 0 included), any q in [0.05, 1] and w: wider than ../testStates.ts,
 * because this section's sentences and bins have cases at x = 0, one unit and q = 1.
 */
const meanState = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    compensation: fc.constantFrom(...COMPENSATIONS),
    model: fc.constantFrom('bernoulli' as const, 'fixed' as const),
    share: fc.double({ min: 0.05, max: 1, noNaN: true }),
  })
  .chain(({ n, ...rest }) =>
    fc.record({
      x: fc.array(fc.oneof(fc.constant(0), fc.double({ min: -5, max: 5, noNaN: true })), { minLength: n, maxLength: n }),
      w: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n, maxLength: n }),
      rest: fc.constant(rest),
    }),
  );

describe('meanFigure against brute force over the masks', () => {
  it('reports E[y_i], sd(y_i), E[z], Var z and the bin masses of z as brute force gives them, for both unit models and every compensation (n ≤ 6)', () => {
    fc.assert(
      fc.property(meanState, ({ x, w, rest: { compensation, model, share } }) => {
        const n = x.length;
        const kept = Math.max(1, Math.round(share * n));
        const state = stateOf(x, model, share, kept, compensation, w);
        const figure = figureOf(state);
        const brute = bruteUnitLaw({ x, w, keep: state.keep, kept: model === 'fixed' ? kept : null, compensation });
        expect(figure.numbers).not.toBeNull();
        const size = Math.max(1, ...x.map(Math.abs)) * Math.max(1, ...w.map(Math.abs)) / state.keep;
        const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * size * size;
        // The numbers behind the chart and the table…
        expect(figure.units.units.every((u, i) => near(u.mean, brute.meanY[i]!) && near(u.sd!, brute.sdY[i]!))).toBe(true);
        const row = (name: string) => figure.downstream.rows.find((r) => r.name === name)!;
        expect(near(row('E[z]').value, brute.meanZ)).toBe(true);
        expect(near(row('Var z').value, brute.varZ)).toBe(true);
        expect(near(row('sd z').value, Math.sqrt(brute.varZ))).toBe(true);
        const masses = bruteBins(brute.masks, figure.downstream.edges);
        expect(figure.downstream.probabilities.every((p, j) => Math.abs(p - masses[j]!) <= 1e-12)).toBe(true);
        // …and the text shown, to its last digit.
        figure.units.rows.forEach((cells, i) => {
          expect(Math.abs(firstNumber(cells[2]!) - brute.meanY[i]!)).toBeLessThanOrEqual(halfLastPlace(cells[2]!) + 1e-9 * size);
          expect(Math.abs(firstNumber(cells[3]!) - brute.sdY[i]!)).toBeLessThanOrEqual(halfLastPlace(cells[3]!) + 1e-9 * size);
        });
        const shown = row('E[z]').text;
        expect(Math.abs(firstNumber(shown) - brute.meanZ)).toBeLessThanOrEqual(halfLastPlace(shown) + 1e-9 * size * size);
        expect(row('E[z]').how).toBe(`exact enumeration of ${brute.masks.length} mask${brute.masks.length === 1 ? '' : 's'}`);
      }),
      { numRuns: 400 },
    );
  });
});

describe('meanFigure', () => {
  it('shows no number until the complete answer for exactly this state is in', () => {
    const state = stateOf(SEED_X, 'bernoulli', 0.5, 2, 'inverted');
    const law = lawOf(state);
    expect(meanFigure(state, { law: null, complete: false, status: 'running' }).numbers).toBeNull();
    expect(meanFigure(state, { law, complete: false, status: 'running' }).numbers).toBeNull();
    // An answer for another q, another compensation or other weights is not this state's.
    expect(meanFigure({ ...state, keep: 0.3 }, { law, complete: true, status: 'done' }).numbers).toBeNull();
    expect(meanFigure({ ...state, compensation: 'sqrt' }, { law, complete: true, status: 'done' }).numbers).toBeNull();
    expect(meanFigure({ ...state, w: [1, 1, 1, 1] }, { law, complete: true, status: 'done' }).numbers).toBeNull();
    const pending = meanFigure(state, { law: null, complete: false, status: 'running' });
    expect(pending.waiting).toMatch(/^Computing/);
    // The frames stay, without a number of the engine in them.
    expect(pending.units.units).toEqual([]);
    expect(pending.units.rows).toEqual([]);
    expect(pending.downstream.rows.map((r) => r.text)).toEqual(new Array(5).fill('computing…'));
    expect(pending.downstream.probabilities).toEqual([]);
    expect(pending.downstream.markers).toEqual([]);
    expect(pending.downstream.keys.map((k) => k.label)).toEqual(['E[z]', 'w·x', 'sd z']);
    expect(pending.downstream.weightRows).toHaveLength(4);
    expect(meanFigure(state, { law: null, complete: false, status: 'error' }).waiting).toBeNull();
    expect(meanFigure(state, { law, complete: true, status: 'done' }).numbers).not.toBeNull();
  });
  it('says which unit model it shows: Bernoulli masks at the same q under DropConnect, q = k/n under the fixed model', () => {
    const dropConnect = figureOf(stateOf(SEED_X, 'dropconnect', 0.3, 1, 'inverted'));
    expect(dropConnect.dropConnectNote?.section).toBe('dropconnect');
    expect(dropConnect.dropConnectNote?.after).toContain('unit dropout with Bernoulli masks at the same q');
    expect(dropConnect.numbers?.law.model).toBe('bernoulli');
    expect(dropConnect.keep).toBe(0.3);
    const fixed = figureOf(stateOf(SEED_X, 'fixed', 0.5, 3, 'inverted'));
    expect(fixed.keep).toBe(0.75);
    expect(fixed.numbers?.law.keep).toBe(0.75);
    expect(fixed.fixedNote).toContain('exactly k = 3 of n = 4 units kept, so q = k/n = 0.75');
    expect(fixed.units.title).toContain('q = 0.75');
    expect(fixed.unit.keep).toBe(0.75);
    expect(fixed.correlationNote).toBe(true);
    expect(fixed.varianceWords).toContain('n/(n − 1)');
    expect(figureOf(stateOf(SEED_X, 'fixed', 1, 4, 'inverted')).fixedNote).toContain('all n = 4 units kept');
    expect(figureOf(stateOf([2], 'fixed', 1, 1, 'inverted')).correlationNote).toBe(false);
  });
  it('writes the spread of y_i for the q shown: as large as |x_i| only at q = 0.50', () => {
    expect(figureOf(stateOf(SEED_X, 'bernoulli', 0.5, 2, 'inverted')).spreadSentence).toContain('at q = 0.50 is as large as |x_i| itself');
    expect(figureOf(stateOf(SEED_X, 'bernoulli', 0.2, 2, 'inverted')).spreadSentence).toContain('at q = 0.20 is 2.000 times |x_i|, larger');
    expect(figureOf(stateOf(SEED_X, 'bernoulli', 0.8, 2, 'inverted')).spreadSentence).toContain('0.500 times |x_i|, smaller');
    expect(figureOf(stateOf(SEED_X, 'bernoulli', 1, 2, 'inverted')).spreadSentence).toContain('0 at q = 1');
  });
  it('says a scalar compensation multiplies every mean by s·q, and when that is 1', () => {
    const sqrt = figureOf(stateOf(SEED_X, 'bernoulli', 0.5, 2, 'sqrt')).numbers!.compensation;
    expect(sqrt.text).toContain(`s·q = ${Math.SQRT1_2.toFixed(4)}, so the next layer’s inputs are biased`);
    expect(sqrt.tex?.scaleTex).toBe(String.raw`\frac{1}{\sqrt q}`);
    expect(sqrt.tex?.mean).toBeCloseTo(5 * Math.SQRT1_2, 12);
    expect(figureOf(stateOf(SEED_X, 'bernoulli', 0.5, 2, 'none')).numbers!.compensation.text).toContain('The 2014 paper');
    expect(figureOf(stateOf(SEED_X, 'bernoulli', 1, 2, 'sqrt')).numbers!.compensation.text).toContain('at q = 1 nothing is dropped');
    expect(figureOf(stateOf([0, 3, 0], 'bernoulli', 0.4, 1, 'constant')).numbers!.compensation.text).toContain('single non-zero unit');
    expect(figureOf(stateOf([0, 0], 'bernoulli', 0.4, 1, 'sqrt')).numbers!.compensation.text).toContain('x = 0');
  });
  it('says whether per-sample matching scales the units alike, from the engine’s factors', () => {
    const unequal = figureOf(stateOf(SEED_X, 'bernoulli', 0.5, 2, 'match')).numbers!.compensation.text;
    expect(unequal).toContain('differs from unit to unit (here from 0.5');
    const equal = figureOf(stateOf([1, -1, 1], 'bernoulli', 0.5, 2, 'match')).numbers!.compensation.text;
    expect(equal).toContain('the same factor');
    expect(figureOf(stateOf(SEED_X, 'bernoulli', 1, 2, 'match')).numbers!.compensation.text).toContain('at q = 1 every unit survives');
  });
  it('invites the reader to try another compensation only when the controls allow it', () => {
    const state = stateOf(SEED_X, 'bernoulli', 0.5, 2, 'inverted');
    expect(figureOf(state).numbers!.compensation.text).toMatch(/^Pick another compensation/);
    expect(figureOf({ ...state, compensationFree: false }).numbers!.compensation.text).toMatch(/^Of the compensations, only 1\/q/);
    expect(figureOf(state).derivationLead).toBe('With these numbers:');
    expect(figureOf({ ...state, compensation: 'sqrt' }).derivationLead).toMatch(/^For inverted dropout/);
  });
  it('labels the normal approximation above 16 units and how each number was obtained', () => {
    const x = Array.from({ length: 20 }, (_, i) => Math.sin(i + 1));
    const inverted = figureOf(stateOf(x, 'bernoulli', 0.5, 10, 'inverted'));
    expect(inverted.downstream.approximate).toBe(true);
    expect(inverted.downstream.method).toMatch(/^Normal approximation, not the exact law: n = 20 is above the 16 units/);
    expect(inverted.downstream.rows.find((r) => r.name === 'E[z]')!.how).toBe('closed form');
    const matched = figureOf(stateOf(x, 'bernoulli', 0.5, 10, 'match'));
    expect(matched.units.caption).toContain('only computed by enumeration (n ≤ 16)');
    expect(matched.units.rows[0]![3]).toBe('not computed');
    // Above 20 units the norm engine samples the fixed model's per-sample matching.
    const large = stateOf(Array.from({ length: 24 }, (_, i) => Math.sin(i + 1)), 'fixed', 0.5, 12, 'match');
    const sampled = meanFigure(large, { law: lawOf(large, 2000), complete: true, status: 'done' });
    expect(sampled.downstream.rows.find((r) => r.name === 'E[z]')!.how).toBe('sampled (2,000 masks, seed 1)');
    expect(sampled.downstream.rows.find((r) => r.name === 'E[z]')!.text).toContain('±');
  });
});
