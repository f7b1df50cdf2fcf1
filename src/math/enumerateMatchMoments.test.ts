import { describe, expect, it } from 'vitest';
import { closedForms } from './closedForms.ts';
import { enumerateMatchMoments } from './enumerateMatchMoments.ts';
import { maskLaw } from './maskLaw.ts';
import { createWorkBudget } from './workBudget.ts';

function run<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

describe('enumerateMatchMoments(x, w, law, ‖x‖)', () => {
  const x = [0.3, -1.2, 2.5, 0, 0.7, 1.1, -0.4, 3e-6];
  const w = [1, -0.5, 0.25, 2, 1, -1, 0.5, 4];
  const norm = Math.hypot(...x);

  it('matches the Bernoulli quadrature of per-sample matching (closedForms) to 1e-12', () => {
    const q = 0.35;
    const enumerated = run(enumerateMatchMoments(x, w, maskLaw(x.length, q, null), norm, createWorkBudget(1)));
    const cf = closedForms({ x, keep: q, model: 'bernoulli', compensation: 'match', downstream: w });
    enumerated.meanVector.forEach((v, i) => expect(Math.abs(v - cf.meanVector![i]!)).toBeLessThanOrEqual(1e-12 * Math.abs(v) + 1e-15));
    expect(enumerated.downstreamMean).toBeCloseTo(cf.downstreamMean!, 12);
    expect(enumerated.downstreamVariance).toBeCloseTo(cf.downstreamVariance!, 11);
  });

  it('matches brute force over the C(n, k) masks of the fixed model', () => {
    const k = 3;
    const n = x.length;
    const mean = new Array<number>(n).fill(0);
    let z1 = 0;
    let z2 = 0;
    let count = 0;
    for (let r = 0; r < 2 ** n; r++) {
      const kept = x.map((_, i) => (r >> i) & 1);
      if (kept.reduce((a, b) => a + b, 0) !== k) continue;
      count++;
      const masked = Math.hypot(...x.map((v, i) => kept[i]! * v));
      if (masked === 0) continue;
      const y = x.map((v, i) => (norm * kept[i]! * v) / masked);
      y.forEach((v, i) => (mean[i]! += v));
      const z = y.reduce((a, v, i) => a + w[i]! * v, 0);
      z1 += z;
      z2 += z * z;
    }
    const enumerated = run(enumerateMatchMoments(x, w, maskLaw(n, k / n, k), norm, createWorkBudget(1)));
    enumerated.meanVector.forEach((v, i) => expect(v).toBeCloseTo(mean[i]! / count, 13));
    expect(enumerated.downstreamMean).toBeCloseTo(z1 / count, 12);
    expect(enumerated.downstreamVariance).toBeCloseTo(z2 / count - (z1 / count) ** 2, 11);
  });
});
