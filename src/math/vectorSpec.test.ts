import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatVectorSpec, generateVector, MAX_GENERATED_UNITS, parseVectorSpec, VECTOR_KINDS, type VectorSpec } from './vectorSpec.ts';

const spec = fc.record({
  kind: fc.constantFrom(...VECTOR_KINDS),
  units: fc.integer({ min: 1, max: MAX_GENERATED_UNITS }),
  seed: fc.integer({ min: 0, max: 4294967295 }),
  norm: fc.double({ min: 1e-20, max: 1e6, noNaN: true }),
});

const normOf = (x: readonly number[]): number => Math.hypot(...x);

describe('parseVectorSpec / formatVectorSpec', () => {
  it('parses the documented example', () => {
    expect(parseVectorSpec('gauss:192:seed=7:norm=0.885')).toEqual({ ok: true, spec: { kind: 'gauss', units: 192, seed: 7, norm: 0.885 } });
    expect(parseVectorSpec('uniform:4:norm=2:seed=3')).toEqual({ ok: true, spec: { kind: 'uniform', units: 4, seed: 3, norm: 2 } });
    expect(parseVectorSpec('equal:10')).toEqual({ ok: true, spec: { kind: 'equal', units: 10, seed: 1, norm: 1 } });
  });

  it('round-trips: parse(format(spec)) = spec, and format is canonical (defaults omitted, seed before norm)', () => {
    fc.assert(
      fc.property(spec, (s: VectorSpec) => {
        const text = formatVectorSpec(s);
        expect(parseVectorSpec(text)).toEqual({ ok: true, spec: s });
        expect(text.includes(':seed=')).toBe(s.seed !== 1);
        expect(text.includes(':norm=')).toBe(s.norm !== 1);
      }),
      { numRuns: 500, seed: 9 },
    );
    expect(formatVectorSpec({ kind: 'dominant', units: 3, seed: 1, norm: 1 })).toBe('dominant:3');
  });

  it('rejects bad text with one plain sentence naming the problem and what is allowed, without throwing', () => {
    const cases: [string, RegExp][] = [
      ['gauss:0', /^units must be a whole number from 1 to 10000, got 0$/],
      ['gauss:10001', /units must be a whole number from 1 to 10000, got 10001/],
      ['gauss:1.5', /units must be a whole number/],
      ['gauss', /needs a unit count/],
      ['cauchy:5', /vector kind must be one of gauss, uniform, dominant, equal, got "cauchy"/],
      ['gauss:5:seed=-1', /seed must be a whole number from 0 to 4294967295, got -1/],
      ['gauss:5:seed=4294967296', /seed must be a whole number/],
      ['gauss:5:norm=0', /norm must be from 1e-20 to 1000000, got 0/],
      ['gauss:5:norm=1e-310', /norm must be from 1e-20 to 1000000, got 1e-310/],
      ['gauss:5:norm=1e308', /norm must be from 1e-20 to 1000000, got 1e308/],
      ['gauss:5:norm=1e999', /norm must be from 1e-20 to 1000000/],
      ['gauss:5:norm=abc', /norm must be from 1e-20 to 1000000, got abc/],
      ['gauss:5:colour=red', /unknown option "colour"; the options are seed and norm/],
      ['gauss:5:seed=1:seed=2', /seed is given twice/],
      ['gauss:5:seed', /options must look like seed=7 or norm=0.885/],
    ];
    for (const [text, message] of cases) {
      const result = parseVectorSpec(text);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.error).toMatch(message);
    }
    fc.assert(fc.property(fc.string(), (text) => void parseVectorSpec(text)));
  });
});

describe('generateVector(spec)', () => {
  it('has n entries and exactly the requested norm (to rounding), for every kind', () => {
    fc.assert(
      fc.property(spec.filter((s) => s.units <= 2000), (s) => {
        const x = generateVector(s);
        expect(x).toHaveLength(s.units);
        expect(x.every(Number.isFinite)).toBe(true);
        expect(Math.abs(normOf(x) - s.norm) / s.norm).toBeLessThan(1e-13);
      }),
      { numRuns: 200, seed: 10 },
    );
  });

  it('is reproducible for a seed and differs between seeds (gauss, uniform, dominant)', () => {
    for (const kind of ['gauss', 'uniform', 'dominant'] as const) {
      const a = generateVector({ kind, units: 50, seed: 7, norm: 1 });
      expect(generateVector({ kind, units: 50, seed: 7, norm: 1 })).toEqual(a);
      expect(generateVector({ kind, units: 50, seed: 8, norm: 1 })).not.toEqual(a);
    }
  });

  it('gauss: i.i.d. normal shape (after scaling, Σx = 0 and kurtosis 3 within 4.5 SE)', () => {
    const n = 10000;
    const x = generateVector({ kind: 'gauss', units: n, seed: 2, norm: Math.sqrt(n) });
    const mean = x.reduce((s, v) => s + v, 0) / n;
    const m2 = x.reduce((s, v) => s + v * v, 0) / n; // = 1 by construction
    const kurtosis = x.reduce((s, v) => s + v ** 4, 0) / n / m2 ** 2;
    expect(Math.abs(mean) * Math.sqrt(n)).toBeLessThan(4.5);
    expect(Math.abs(kurtosis - 3) / Math.sqrt(24 / n)).toBeLessThan(4.5);
  });

  it('uniform: non-negative, shaped like uniform(0, 1) (E u / √E u² = (1/2)/√(1/3))', () => {
    const n = 10000;
    const x = generateVector({ kind: 'uniform', units: n, seed: 4, norm: 3 });
    expect(x.every((v) => v > 0)).toBe(true);
    const ratio = x.reduce((s, v) => s + v, 0) / n / Math.sqrt(x.reduce((s, v) => s + v * v, 0) / n);
    expect(Math.abs(ratio - 0.5 / Math.sqrt(1 / 3))).toBeLessThan(0.01);
  });

  it('dominant: unit 1 carries exactly 99.5 % of ‖x‖²; equal: every |x_i| = norm/√n', () => {
    for (const units of [2, 4, 192]) {
      const x = generateVector({ kind: 'dominant', units, seed: 3, norm: 0.885 });
      expect(Math.abs(x[0]! ** 2 / normOf(x) ** 2 - 0.995)).toBeLessThan(1e-14);
      expect(x.slice(1).every((v) => v > 0 && v < x[0]!)).toBe(true);
    }
    expect(generateVector({ kind: 'dominant', units: 1, seed: 3, norm: 2 })).toEqual([2]);
    const equal = generateVector({ kind: 'equal', units: 9, seed: 3, norm: 6 });
    expect(equal.every((v) => v === 2)).toBe(true);
  });
});
