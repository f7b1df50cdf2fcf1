import { describe, expect, it } from 'vitest';
import { closedForms } from './closedForms.ts';
import { seededWeights, type DropConnectWeights } from './dropConnect.ts';
import { createSampler, type SamplerInput, type SampleSummary } from './sample.ts';
import type { Compensation, Estimate } from './types.ts';

/** One outcome of the mask law: probability, ‖y‖, z and y (u for DropConnect). */
interface Atom {
  readonly p: number;
  readonly norm: number;
  readonly z: number;
  readonly y: readonly number[];
}

/** The exact law of (‖y‖, z, y) by enumerating every mask (unit models) or weight mask (DropConnect). */
function exactLaw(input: SamplerInput): { atoms: Atom[]; reference: number } {
  const { x, compensation } = input;
  const n = x.length;
  const atoms: Atom[] = [];
  if (input.model === 'dropconnect') {
    const w = input.weights!;
    const bits = w.rows * n;
    const test = Array.from({ length: w.rows }, (_, j) => x.reduce((s, v, i) => s + w.values[j * n + i]! * v, 0));
    const testNorm = Math.hypot(...test);
    for (let code = 0; code < 2 ** bits; code++) {
      let p = 1;
      const raw = Array.from({ length: w.rows }, (_, j) => {
        let sum = 0;
        for (let i = 0; i < n; i++) {
          const kept = (code >> (j * n + i)) & 1;
          p *= kept ? input.keep : 1 - input.keep;
          sum += kept * w.values[j * n + i]! * x[i]!;
        }
        return sum;
      });
      const rawNorm = Math.hypot(...raw);
      const s = scaleFor(compensation, input.keep, input.constantScale, testNorm, rawNorm);
      const y = raw.map((v) => s * v);
      atoms.push({ p, norm: Math.hypot(...y), z: y[0]!, y });
    }
    return { atoms, reference: testNorm };
  }
  const kept = input.kept ?? 0;
  const q = input.model === 'fixed' ? kept / n : input.keep;
  let subsets = 0;
  for (let code = 0; code < 2 ** n; code++) if (bitCount(code) === kept) subsets++;
  const norm = Math.hypot(...x);
  for (let code = 0; code < 2 ** n; code++) {
    const k = bitCount(code);
    if (input.model === 'fixed' && k !== kept) continue;
    const p = input.model === 'fixed' ? 1 / subsets : q ** k * (1 - q) ** (n - k);
    const masked = x.map((v, i) => ((code >> i) & 1) * v);
    const s = scaleFor(compensation, q, input.constantScale, norm, Math.hypot(...masked));
    const y = masked.map((v) => s * v);
    atoms.push({ p, norm: Math.hypot(...y), z: y.reduce((t, v, i) => t + v * input.downstream[i]!, 0), y });
  }
  return { atoms, reference: norm };
}

function bitCount(v: number): number {
  let c = 0;
  for (let b = v; b; b >>= 1) c += b & 1;
  return c;
}

function scaleFor(compensation: Compensation, q: number, constantScale: number, target: number, masked: number): number {
  if (compensation === 'match') return masked > 0 ? target / masked : 0;
  return { inverted: 1 / q, none: 1, sqrt: 1 / Math.sqrt(q), constant: constantScale }[compensation];
}

const expectation = (atoms: Atom[], f: (a: Atom) => number): number => atoms.reduce((s, a) => s + a.p * f(a), 0);

/** Every field of a summary against the enumerated law; returns the failures (empty when all agree). */
function checkAgainstLaw(input: SamplerInput, summary: SampleSummary): string[] {
  const failures: string[] = [];
  const check = (ok: boolean, message: string): void => void (ok || failures.push(message));
  /** |estimate − exact| ≤ 4.5·(exact standard error), and the reported SE within 10 % of it. */
  const expectWithin = (estimate: Estimate, exact: number, exactSE: number, label: string): void => {
    if (estimate.method === 'closed-form') {
      // Not sampled (scalar compensations): the exact value, up to rounding.
      check(Math.abs(estimate.value - exact) <= 1e-12 * Math.abs(exact) + 1e-15, `${label}: closed form ${estimate.value} vs ${exact}`);
      return;
    }
    const slack = 4.5 * exactSE + 1e-12 * Math.abs(exact);
    check(Math.abs(estimate.value - exact) <= slack, `${label}: ${estimate.value} vs ${exact} (SE ${exactSE})`);
    const seKnown = exactSE > 1e-9 * Math.abs(exact);
    check(!seKnown || Math.abs(estimate.standardError! / exactSE - 1) < 0.1, `${label}: standard error ${estimate.standardError} vs ${exactSE}`);
  };
  const { atoms, reference } = exactLaw(input);
  const N = summary.samples;
  const mean = expectation(atoms, (a) => a.norm);
  const second = expectation(atoms, (a) => a.norm ** 2);
  const central = (k: number): number => expectation(atoms, (a) => (a.norm - mean) ** k);
  const variance = central(2);
  expectWithin(summary.meanNorm, mean, Math.sqrt(variance / N), 'mean ‖y‖');
  const varianceOfSquare = expectation(atoms, (a) => (a.norm ** 2 - second) ** 2);
  expectWithin(summary.rmsNorm, Math.sqrt(second), Math.sqrt(varianceOfSquare / N) / (2 * Math.sqrt(second)), 'rms ‖y‖');
  if (variance > 0) {
    expectWithin(summary.sdNorm, Math.sqrt(variance), Math.sqrt((central(4) - variance ** 2) / N) / (2 * Math.sqrt(variance)), 'sd ‖y‖');
  }
  const pAbove = expectation(atoms, (a) => (a.norm > reference * (1 + 1e-9) ? 1 : 0));
  expectWithin(summary.pAboveNorm, pAbove, Math.sqrt((pAbove * (1 - pAbove)) / N), 'P(‖y‖ > ‖x‖)');
  // Median: the sampled value's exact CDF straddles ½ (within 4.5 SE of a proportion).
  const delta = (4.5 * 0.5) / Math.sqrt(N) + 1e-12;
  const cdfBelow = (v: number): number => expectation(atoms, (a) => (a.norm < v * (1 - 1e-9) ? 1 : 0));
  const cdfAtMost = (v: number): number => expectation(atoms, (a) => (a.norm <= v * (1 + 1e-9) + 1e-300 ? 1 : 0));
  const median = summary.medianNorm.value;
  check(cdfBelow(median) <= 0.5 + delta && cdfAtMost(median) >= 0.5 - delta, `median ${median}: P(<) ${cdfBelow(median)}, P(≤) ${cdfAtMost(median)}`);
  const [low, high] = summary.medianNorm.interval!;
  check(low <= median && median <= high, `median interval [${low}, ${high}] around ${median}`);
  check(cdfBelow(low) <= 0.5 + delta && cdfAtMost(high) >= 0.5 - delta, `median interval [${low}, ${high}]`);
  // Histogram on the caller's edges (the top edge closed).
  const edges = summary.histogram.edges;
  summary.histogram.probabilities.forEach((p, j) => {
    const last = j === edges.length - 2;
    const exact = expectation(atoms, (a) => (a.norm >= edges[j]! * (1 - 1e-12) && (last ? a.norm <= edges[j + 1]! * (1 + 1e-12) : a.norm < edges[j + 1]! * (1 - 1e-12)) ? 1 : 0));
    check(Math.abs(p - exact) <= 4.5 * Math.sqrt((exact * (1 - exact)) / N) + 1e-12, `bin ${j}: ${p} vs ${exact}`);
  });
  // Mean vector and the downstream unit.
  summary.meanVector.values.forEach((v, i) => {
    const m = expectation(atoms, (a) => a.y[i]!);
    const sd = Math.sqrt(expectation(atoms, (a) => (a.y[i]! - m) ** 2));
    const method = summary.meanVector.method;
    expectWithin({ value: v, method, standardError: summary.meanVector.standardErrors?.[i] ?? 0 }, m, sd / Math.sqrt(N), `E[y_${i}]`);
  });
  const zMean = expectation(atoms, (a) => a.z);
  const zVariance = expectation(atoms, (a) => (a.z - zMean) ** 2);
  expectWithin(summary.downstreamMean, zMean, Math.sqrt(zVariance / N), 'E z');
  const zFourth = expectation(atoms, (a) => (a.z - zMean) ** 4);
  expectWithin(summary.downstreamVariance, zVariance, Math.sqrt((zFourth - zVariance ** 2) / N), 'Var z');
  return failures;
}

const seed = [0.1, 0.1, 0.2, 5.0];
const six = [0.3, -1.2, 0.05, 2.0, 0.7, -0.4];
const w6 = [1, -0.5, 2, 0.25, -1, 0.5];
const edgesFor = (top: number): number[] => Array.from({ length: 11 }, (_, j) => (top * j) / 10);

function run(input: SamplerInput, count: number): SampleSummary {
  const sampler = createSampler(input);
  sampler.run(count);
  return sampler.summary();
}

describe('createSampler: sampled numbers agree with the enumerated law (4.5 SE)', () => {
  const N = 120000;
  const cases: [string, SamplerInput][] = [
    ['seed, Bernoulli q = ½, inverted', { x: seed, keep: 0.5, model: 'bernoulli', compensation: 'inverted', constantScale: 1, downstream: [1, 2, 3, 4], seed: 1, edges: edgesFor(Math.hypot(...seed) / 0.5) }],
    ['seed, fixed k = 2, match', { x: seed, keep: 0.5, model: 'fixed', kept: 2, compensation: 'match', constantScale: 1, downstream: [1, 2, 3, 4], seed: 2, edges: edgesFor(Math.hypot(...seed) * 1.01) }],
    ['n = 6, Bernoulli q = 0.3, match', { x: six, keep: 0.3, model: 'bernoulli', compensation: 'match', constantScale: 1, downstream: w6, seed: 3, edges: edgesFor(Math.hypot(...six) * 1.01) }],
    ['n = 6, Bernoulli q = 0.8, sqrt', { x: six, keep: 0.8, model: 'bernoulli', compensation: 'sqrt', constantScale: 1, downstream: w6, seed: 4, edges: edgesFor(Math.hypot(...six) / Math.sqrt(0.8)) }],
    ['n = 6, fixed k = 5, constant', { x: six, keep: 0.8, model: 'fixed', kept: 5, compensation: 'constant', constantScale: 1.1, downstream: w6, seed: 5, edges: edgesFor(Math.hypot(...six) * 1.1) }],
    ['n = 6, fixed k = 1, none', { x: six, keep: 0.2, model: 'fixed', kept: 1, compensation: 'none', constantScale: 1, downstream: w6, seed: 6, edges: [0, 0.1, 0.5, 1, 2.5] }],
    ['n = 6 with zeros, Bernoulli q = 0.05, inverted', { x: [0, 1, 0, 2, 0.5, 0], keep: 0.05, model: 'bernoulli', compensation: 'inverted', constantScale: 1, downstream: w6, seed: 7, edges: edgesFor(Math.hypot(1, 2, 0.5) / 0.05) }],
    ['n = 5, Bernoulli q = 1, inverted', { x: six.slice(0, 5), keep: 1, model: 'bernoulli', compensation: 'inverted', constantScale: 1, downstream: w6.slice(0, 5), seed: 8, edges: edgesFor(Math.hypot(...six.slice(0, 5))) }],
  ];
  it.each(cases)('%s', (_label, input) => {
    expect(checkAgainstLaw(input, run(input, N))).toEqual([]);
  });

  const weights: DropConnectWeights = seededWeights(2, 4, 3);
  const x4 = [0.5, -1, 2, 0.25];
  for (const compensation of ['inverted', 'match', 'constant'] as const) {
    it(`DropConnect d = 2, n = 4, q = 0.6, ${compensation}`, () => {
      const input: SamplerInput = { x: x4, keep: 0.6, model: 'dropconnect', compensation, constantScale: 1.3, downstream: [], weights, seed: 9, edges: [0, 0.5, 1, 1.5, 2, 3, 5] };
      expect(checkAgainstLaw(input, run(input, N))).toEqual([]);
    });
  }
});

describe('createSampler at n = 192 against the closed forms', () => {
  const n = 192;
  const x = Array.from({ length: n }, (_, i) => 0.885 * Math.abs(Math.sin(1.3 * i + 0.2)) / 8.6);
  const w = Array.from({ length: n }, (_, i) => Math.cos(0.7 * i));
  for (const [model, keep, compensation] of [['bernoulli', 0.5, 'inverted'], ['bernoulli', 0.8, 'match'], ['fixed', 0.5, 'inverted'], ['fixed', 0.25, 'sqrt']] as const) {
    it(`${model} q = ${keep}, ${compensation}: E‖y‖, E z, Var z, E[y] within 4.5 SE; median near ‖x‖/√q at q = ½`, () => {
      const kept = Math.round(keep * n);
      const cf = closedForms({ x, keep, model, kept, compensation, downstream: w });
      const input: SamplerInput = { x, keep, model, kept, compensation, constantScale: 1, downstream: w, seed: 11, edges: edgesFor(cf.norm / keep) };
      const summary = run(input, 60000);
      const z = (e: Estimate, exact: number): number =>
        e.standardError! > 0 ? Math.abs(e.value - exact) / e.standardError! : Math.abs(e.value - exact) > 1e-12 * Math.abs(exact) ? Infinity : 0;
      expect(z(summary.meanNorm, cf.meanNorm!)).toBeLessThan(4.5);
      expect(z(summary.rmsNorm, Math.sqrt(cf.meanSquareNorm!))).toBeLessThan(4.5);
      // Fixed-model matching has no closed form for E[y] and z (null): nothing to compare there.
      expect(cf.downstreamMean === null ? 0 : z(summary.downstreamMean, cf.downstreamMean)).toBeLessThan(4.5);
      expect(cf.downstreamVariance === null ? 0 : z(summary.downstreamVariance, cf.downstreamVariance)).toBeLessThan(4.5);
      const meanVector = cf.meanVector ?? summary.meanVector.values;
      const errors = summary.meanVector.standardErrors;
      const worst = errors === undefined
        ? Math.max(...summary.meanVector.values.map((v, i) => Math.abs(v - meanVector[i]!) / (1e-12 * Math.abs(meanVector[i]!))))
        : Math.max(...summary.meanVector.values.map((v, i) => Math.abs(v - meanVector[i]!) / errors[i]!));
      expect(worst).toBeLessThan(errors === undefined ? 1 : 5.5); // closed form: exact; sampled: the largest of 192 |z| values
      // q = ½: S and ‖x‖² − S have the same law, so ‖x‖/√q is a median of ‖y‖.
      const [low, high] = summary.medianNorm.interval!;
      const symmetric = keep === 0.5 && compensation === 'inverted';
      expect(symmetric ? Math.abs(summary.medianNorm.value - cf.norm / Math.sqrt(keep)) / (high - low) : 0).toBeLessThan(2.5);
    });
  }
});

describe('createSampler streaming', () => {
  const input: SamplerInput = { x: six, keep: 0.37, model: 'bernoulli', compensation: 'match', constantScale: 1, downstream: w6, seed: 99, edges: edgesFor(2.5) };
  it('gives bit-identical summaries however run() is chunked (across the 4096 pilot and block boundaries)', () => {
    const whole = createSampler(input);
    whole.run(12345);
    const pieces = createSampler(input);
    for (const count of [1, 1023, 1025, 2046, 1, 4095, 3, 4000, 151]) {
      pieces.run(count);
      pieces.summary(); // reading mid-run must not change what follows
    }
    expect(pieces.samples).toBe(12345);
    expect(pieces.summary()).toEqual(whole.summary());
    for (const model of ['fixed', 'dropconnect'] as const) {
      const other = { ...input, model, kept: 2, weights: seededWeights(3, 6, 1), compensation: 'inverted' as const };
      const a = createSampler(other);
      a.run(9000);
      const b = createSampler(other);
      for (const count of [4097, 1, 4902]) b.run(count);
      expect(b.summary()).toEqual(a.summary());
    }
  });

  it('reproduces a seed exactly and differs for another seed', () => {
    expect(run(input, 5000)).toEqual(run(input, 5000));
    expect(run({ ...input, seed: 100 }, 5000).meanNorm.value).not.toBe(run(input, 5000).meanNorm.value);
  });

  it('reports NaN values and infinite errors before any sample, and rejects invalid input', () => {
    const empty = createSampler(input).summary();
    expect(empty.samples).toBe(0);
    expect(empty.meanNorm.value).toBeNaN();
    expect(empty.medianNorm.value).toBeNaN();
    expect(() => createSampler({ ...input, keep: 0 })).toThrow(RangeError);
    expect(() => createSampler({ ...input, model: 'fixed', kept: 0 })).toThrow(RangeError);
    expect(() => createSampler({ ...input, downstream: [1] })).toThrow(RangeError);
    expect(() => createSampler({ ...input, model: 'dropconnect' })).toThrow(RangeError);
    expect(() => createSampler({ ...input, compensation: 'constant', constantScale: Number.NaN })).toThrow(RangeError);
  });
});

describe('createSampler: a degenerate law', () => {
  it('gives sd ‖y‖ exactly 0 when every mask has the same norm (equal units, fixed model; q = 1)', () => {
    const equal = [1, 1, 1, 1, 1, 1];
    for (const input of [
      { x: equal, keep: 0.5, model: 'fixed', kept: 3, compensation: 'inverted' },
      { x: [-2, 2, 2, -2, 2], keep: 0.6, model: 'fixed', kept: 3, compensation: 'sqrt' },
      { x: [3, 4], keep: 1, model: 'bernoulli', compensation: 'inverted' },
    ] as const) {
      const summary = run({ ...input, constantScale: 1, downstream: input.x.map(() => 1), seed: 4, edges: [0, 10] }, 5000);
      expect({ input, sd: summary.sdNorm.value }).toEqual({ input, sd: 0 });
    }
  });
});
