import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPENSATIONS, MASK_MODELS, seededWeights, type DropConnectWeights } from '../../../math/index.ts';
import { smallState } from '../testStates.ts';
import { dropConnectFigure } from './dropConnectFigure.ts';

const close = (a: number, b: number, tolerance = 1e-10) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(b)));
/** A table cell back to its number ("−1.2345" → −1.2345). */
const cell = (text: string | undefined) => Number((text ?? '').replace('−', '-'));

interface Brute {
  readonly dcMean: number[];
  readonly dcVariance: number[];
  readonly unitMean: number[];
  readonly unitCovariance: number[][];
  readonly meanSquare: number;
}

/**
 * Both laws by plain loops over masks: DropConnect's row j over its 2ⁿ weight masks (rows are
 * independent), and unit dropout's z = W(m⊙x)/q over the 2ⁿ unit masks, with probabilities q^k(1 − q)^(n−k).
 */
function brute(x: readonly number[], w: DropConnectWeights, q: number): Brute {
  const n = x.length;
  const d = w.rows;
  const weight = (m: number) => {
    let p = 1;
    for (let i = 0; i < n; i++) p *= (m >> i) & 1 ? q : 1 - q;
    return p;
  };
  const dcMean: number[] = [];
  const dcVariance: number[] = [];
  let dcMeanSquare = 0;
  for (let j = 0; j < d; j++) {
    let s1 = 0;
    let s2 = 0;
    for (let m = 0; m < 2 ** n; m++) {
      let u = 0;
      for (let i = 0; i < n; i++) if ((m >> i) & 1) u += (w.values[j * n + i]! * x[i]!) / q;
      s1 += weight(m) * u;
      s2 += weight(m) * u * u;
    }
    dcMean.push(s1);
    dcVariance.push(s2 - s1 * s1);
    dcMeanSquare += s2;
  }
  const unitMean = new Array<number>(d).fill(0);
  const second = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let m = 0; m < 2 ** n; m++) {
    const z = Array.from({ length: d }, (_, j) => {
      let s = 0;
      for (let i = 0; i < n; i++) if ((m >> i) & 1) s += (w.values[j * n + i]! * x[i]!) / q;
      return s;
    });
    for (let j = 0; j < d; j++) {
      unitMean[j]! += weight(m) * z[j]!;
      for (let l = 0; l < d; l++) second[j]![l]! += weight(m) * z[j]! * z[l]!;
    }
  }
  const unitCovariance = second.map((row, j) => row.map((v, l) => v - unitMean[j]! * unitMean[l]!));
  return { dcMean, dcVariance, unitMean, unitCovariance, meanSquare: dcMeanSquare };
}

describe('dropConnectFigure', () => {
  it('shows means, sds, correlations and E‖u‖² equal to brute force over the masks, for every page model and compensation', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(smallState, fc.integer({ min: 0, max: 1000 }), ({ x, q }, seed) => {
        const n = x.length;
        const weights = seededWeights(4, n, seed);
        const b = brute(x, weights, q);
        const scaleOf = Math.max(1, ...b.dcVariance.map(Math.abs), ...b.dcMean.map(Math.abs));
        for (const model of MASK_MODELS) {
          for (const compensation of COMPENSATIONS) {
            const figure = dropConnectFigure({ x, weights, keep: q, model, compensation, compensationLabel: `label ${compensation}` });
            for (let j = 0; j < 4; j++) {
              const bar = figure.bars[j]!;
              close(bar.mean, b.dcMean[j]!, 1e-10 * scaleOf);
              close(bar.mean, b.unitMean[j]!, 1e-10 * scaleOf);
              close(bar.sdDropConnect ** 2, b.dcVariance[j]!, 1e-9 * scaleOf);
              close(bar.sdUnit ** 2, b.unitCovariance[j]![j]!, 1e-9 * scaleOf);
              // The table shows the same numbers to its digits (4 decimals, or 4 significant digits below 0.01).
              const row = figure.outputRows[j]!;
              expect(Math.abs(cell(row[1]) - b.dcMean[j]!)).toBeLessThanOrEqual(0.5e-4 + 1e-12);
              expect(Math.abs(cell(row[2]) - Math.sqrt(Math.max(0, b.dcVariance[j]!)))).toBeLessThanOrEqual(0.5e-4 + 1e-12);
              // Correlations where both variances are clearly non-zero (else the page shows —).
              const errors = [0, 1, 2, 3].flatMap((l) => {
                const v = Math.sqrt(b.unitCovariance[j]![j]! * b.unitCovariance[l]![l]!);
                if (!(v > 1e-9 * scaleOf)) return [];
                const exact = b.unitCovariance[j]![l]! / v;
                return [Math.abs(figure.moments.unitCorrelation[j]![l]! - exact), Math.abs(cell(figure.correlationRows[j]![l + 1]) - exact) - 0.5e-4];
              });
              expect(Math.max(0, ...errors)).toBeLessThanOrEqual(1e-7);
            }
            close(figure.moments.meanSquareNorm, b.meanSquare, 1e-10 * scaleOf);
            const squares = x.reduce((s, v) => s + v * v, 0);
            const nEff = (squares * squares) / x.reduce((s, v) => s + v ** 4, 0);
            expect(figure.concentrated === null).toBe(!(nEff < 1.5));
            expect(figure.dropConnectOn).toBe(model === 'dropconnect');
            expect(figure.otherCompensation).toBe(compensation === 'inverted' ? null : `label ${compensation}`);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
  it('names the strongest pair of outputs by |correlation|', () => {
    // Output 1 and 3 share the big unit with the same sign; 2 and 4 use only small units.
    const weights = { rows: 4, values: [1, 0, 0, 0, 1, 0, 1, 0, 0.1, 0, 0, 1] };
    const figure = dropConnectFigure({ x: [5, 1, 1], weights, keep: 0.5, model: 'bernoulli', compensation: 'inverted', compensationLabel: '' });
    expect(figure.strongest).toMatchObject({ j: 1, l: 3 });
    // Cov = r·25, Var₁ = r·25, Var₃ = r·(25 + 0.1²·1²): Corr = 25/√(25 · 25.01).
    expect(figure.strongest?.value).toBeCloseTo(25 / Math.sqrt(25 * 25.01), 12);
  });
});
