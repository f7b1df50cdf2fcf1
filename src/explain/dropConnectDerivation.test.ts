import { describe, expect, it } from 'vitest';
import { dropConnectMoments } from '../math/index.ts';
import {
  meanSquareOutputTex,
  outputCovarianceTex,
  outputMeanTex,
  outputVarianceTex,
} from './dropConnectDerivation.ts';

const X = [0.1, 0.2, 5.0];
/** W, 2 × 3, row-major. */
const WEIGHTS = { rows: 2, values: [0.6, -0.4, 0.3, 0.2, 0.5, -0.7] };
const W = (j: number, i: number) => WEIGHTS.values[j * X.length + i]!;

interface Law {
  readonly mean: number[];
  readonly cov: number[][];
}

/** Mean vector and covariance of a discrete law given as (outcome, probability) pairs. */
function moments(outcomes: { v: number[]; p: number }[]): Law {
  const d = outcomes[0]!.v.length;
  const mean = Array.from({ length: d }, (_, j) => outcomes.reduce((s, o) => s + o.p * o.v[j]!, 0));
  const cov = Array.from({ length: d }, (_, j) =>
    Array.from({ length: d }, (_unused, l) => outcomes.reduce((s, o) => s + o.p * (o.v[j]! - mean[j]!) * (o.v[l]! - mean[l]!), 0)),
  );
  return { mean, cov };
}

/** Unit dropout then W: z = W(m⊙x)/q over all 2ⁿ masks m. */
function bruteUnit(keep: number): Law {
  const n = X.length;
  const outcomes = [];
  for (let r = 0; r < 2 ** n; r++) {
    const m = Array.from({ length: n }, (_, i) => (r >> i) & 1);
    const k = m.reduce((a, b) => a + b, 0);
    const v = [0, 1].map((j) => m.reduce((s, b, i) => s + (b * W(j, i) * X[i]!) / keep, 0));
    outcomes.push({ v, p: keep ** k * (1 - keep) ** (n - k) });
  }
  return moments(outcomes);
}

/** DropConnect: u = (M⊙W)x/q over all 2^(d·n) weight masks M. */
function bruteDropConnect(keep: number): Law {
  const n = X.length;
  const bits = 2 * n;
  const outcomes = [];
  for (let r = 0; r < 2 ** bits; r++) {
    const M = (j: number, i: number) => (r >> (j * n + i)) & 1;
    let k = 0;
    for (let b = 0; b < bits; b++) k += (r >> b) & 1;
    const v = [0, 1].map((j) => X.reduce((s, xi, i) => s + (M(j, i) * W(j, i) * xi) / keep, 0));
    outcomes.push({ v, p: keep ** k * (1 - keep) ** (bits - k) });
  }
  return moments(outcomes);
}

const numbersIn = (tex: string) => [...tex.matchAll(/-?\d+\.\d+/g)].map((m) => Number(m[0]));

describe('dropConnectMoments', () => {
  for (const keep of [0.5, 0.3]) {
    it(`matches both brute-force laws at q = ${keep}: same means and variances, correlated only for unit dropout`, () => {
      const unit = bruteUnit(keep);
      const dc = bruteDropConnect(keep);
      const m = dropConnectMoments(X, WEIGHTS, keep);
      for (let j = 0; j < 2; j++) {
        expect(m.means[j]).toBeCloseTo(unit.mean[j]!, 12);
        expect(m.means[j]).toBeCloseTo(dc.mean[j]!, 12);
        expect(m.variances[j]).toBeCloseTo(unit.cov[j]![j]!, 12);
        expect(m.variances[j]).toBeCloseTo(dc.cov[j]![j]!, 12);
      }
      expect(m.unitCovariance[0]![1]).toBeCloseTo(unit.cov[0]![1]!, 12);
      expect(dc.cov[0]![1]).toBeCloseTo(0, 12);
      const meanSquare = unit.mean.reduce((s, v) => s + v * v, 0) + unit.cov[0]![0]! + unit.cov[1]![1]!;
      expect(m.meanSquareNorm).toBeCloseTo(meanSquare, 12);
    });
  }
});

describe('outputMeanTex', () => {
  it('writes (Wx)_1 term by term and gives Σ_i W_1i x_i', () => {
    const tex = outputMeanTex({ x: X, weights: WEIGHTS, keep: 0.5 }, 0);
    expect(tex).toContain(String.raw`0.6000\cdot 0.1000 + (-0.4000)\cdot 0.2000 + 0.3000\cdot 5.0000`);
    const numbers = numbersIn(tex);
    expect(numbers[numbers.length - 1]).toBeCloseTo(0.06 - 0.08 + 1.5, 4);
  });
});

describe('outputVarianceTex', () => {
  it('gives (1−q)/q Σ_i W_1i² x_i² and its sd against brute force at q = 0.3', () => {
    const dc = bruteDropConnect(0.3);
    const numbers = numbersIn(outputVarianceTex({ x: X, weights: WEIGHTS, keep: 0.3 }, 0));
    const [drop, keep, sum, variance, sd] = numbers;
    expect([drop, keep]).toEqual([0.7, 0.3]);
    expect(sum).toBeCloseTo(0.6 ** 2 * 0.01 + 0.4 ** 2 * 0.04 + 0.3 ** 2 * 25, 4);
    expect(variance).toBeCloseTo(dc.cov[0]![0]!, 4);
    expect(sd).toBeCloseTo(Math.sqrt(dc.cov[0]![0]!), 4);
  });
});

describe('outputCovarianceTex', () => {
  it('gives unit dropout’s Cov(z_1, z_2) and correlation against brute force, and 0 for DropConnect', () => {
    const unit = bruteUnit(0.5);
    const tex = outputCovarianceTex({ x: X, weights: WEIGHTS, keep: 0.5 }, 0, 1);
    const numbers = numbersIn(tex);
    const cov = unit.cov[0]![1]!;
    expect(numbers[3]).toBeCloseTo(cov, 4);
    expect(numbers[4]).toBeCloseTo(cov / Math.sqrt(unit.cov[0]![0]! * unit.cov[1]![1]!), 4);
    expect(tex).toContain(String.raw`\operatorname{Cov}(u_{1}, u_{2}) &= 0`);
  });
});

describe('meanSquareOutputTex', () => {
  it('adds ‖Wx‖² and the total variance', () => {
    const unit = bruteUnit(0.5);
    const normSquared = unit.mean.reduce((s, v) => s + v * v, 0);
    const total = unit.cov[0]![0]! + unit.cov[1]![1]!;
    const numbers = numbersIn(meanSquareOutputTex({ x: X, weights: WEIGHTS, keep: 0.5 }));
    expect(numbers.slice(-3).map((v) => v.toFixed(4))).toEqual(
      [normSquared, total, normSquared + total].map((v) => v.toFixed(4)),
    );
  });
});
