import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import type { AnalysisResult, Compensation } from './types.ts';

/**
 * Brute force over every mask r (bits decoded directly, no Gray code, no grid): ‖y‖ from the true
 * x_i², its probability, and the law read off the sorted atoms with the engine's conventions (a
 * value within 1e-12·max|e| of an edge lies on it; within 1e-12 relative of ‖x‖ equals ‖x‖).
 */
function bruteLaw(x: number[], q: number, kept: number | null, compensation: Compensation, edges: number[]) {
  const n = x.length;
  const L = Math.max(...x.map(Math.abs));
  const unit = L > 0 ? L : 1;
  const norm = unit * Math.sqrt(x.reduce((a, v) => a + (v / unit) ** 2, 0));
  let combinations = 1;
  if (kept !== null) for (let j = 0; j < kept; j++) combinations = (combinations * (n - j)) / (j + 1);
  const masks: { masked: number; nonZero: boolean; p: number }[] = [];
  for (let r = 0; r < 2 ** n; r++) {
    let k = 0;
    let s = 0;
    let nonZero = false;
    for (let i = 0; i < n; i++) {
      if ((r >> (n - 1 - i)) & 1) {
        k++;
        s += (x[i]! / unit) ** 2;
        if (x[i] !== 0) nonZero = true;
      }
    }
    if (kept !== null && k !== kept) continue;
    const p = kept !== null ? 1 / combinations : q ** k * (1 - q) ** (n - k);
    masks.push({ masked: unit * Math.sqrt(s), nonZero, p });
  }
  const meanMasked = masks.reduce((a, m) => a + m.p * m.masked, 0);
  const c = meanMasked > 0 ? norm / meanMasked : 1 / q;
  const scale = { inverted: 1 / q, none: 1, sqrt: 1 / Math.sqrt(q), constant: c, match: Number.NaN }[compensation];
  const atoms = masks
    .map((m) => ({ y: compensation === 'match' ? (m.nonZero ? norm : 0) : scale * m.masked, p: m.p }))
    .sort((a, b) => a.y - b.y);
  const B = edges.length - 1;
  const slack = 1e-12 * Math.max(Math.abs(edges[0]!), Math.abs(edges[B]!));
  const probabilities = edges.slice(1).map((_, j) =>
    atoms.filter((a) => a.y >= edges[j]! - slack && (j < B - 1 ? a.y < edges[j + 1]! - slack : a.y <= edges[B]! + slack)).reduce((s, a) => s + a.p, 0),
  );
  const quantile = (strict: boolean): number => {
    let cumulative = 0;
    for (let i = 0; i < atoms.length; i++) {
      cumulative += atoms[i]!.p;
      const last = i === atoms.length - 1 || atoms[i + 1]!.y !== atoms[i]!.y;
      if (last && (strict ? cumulative > 0.5 + 1e-15 : cumulative >= 0.5 - 1e-15)) return atoms[i]!.y;
    }
    return atoms[atoms.length - 1]!.y;
  };
  const mean = atoms.reduce((a, t) => a + t.p * t.y, 0);
  const meanSquare = atoms.reduce((a, t) => a + t.p * t.y * t.y, 0);
  return {
    probabilities,
    pAbove: atoms.filter((a) => a.y > norm * (1 + 1e-12)).reduce((s, a) => s + a.p, 0),
    pAt: atoms.filter((a) => Math.abs(a.y - norm) <= 1e-12 * norm).reduce((s, a) => s + a.p, 0),
    median: quantile(false),
    medianUpper: quantile(true),
    mean,
    meanSquare,
    c,
    atoms,
  };
}

const close = (actual: number, expected: number, relative = 1e-12, absolute = 1e-15) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected) + absolute);

function expectLaw(result: AnalysisResult, brute: ReturnType<typeof bruteLaw>): void {
  result.histogram.probabilities.forEach((p, j) => close(p, brute.probabilities[j]!));
  close(result.pAboveNorm.value, brute.pAbove);
  close(result.pAtNorm!.value, brute.pAt);
  close(result.medianNorm.value, brute.median);
  close(result.medianUpperNorm!.value, brute.medianUpper);
  close(result.meanNorm.value, brute.mean);
  close(result.rmsNorm.value ** 2, brute.meanSquare);
  close(result.sdNorm.value ** 2, brute.meanSquare - brute.mean ** 2, 1e-12, 1e-12 * brute.meanSquare);
  // x = 0: c* = 0/0 is undefined (NaN), whatever convention the brute force uses.
  expect(Number.isNaN(result.constantScale.value)).toBe(result.norm === 0);
  close(result.norm === 0 ? 0 : result.constantScale.value, result.norm === 0 ? 0 : brute.c);
}

/** Entries 0 or of magnitude 0.5 … 8: within the grid's 1e-12 resolution (gridUnits.ts), repeats likely. */
const entry = fc.oneof(
  fc.constantFrom(0, 1, -1, 2, 0.5, 3),
  fc.double({ min: 0.5, max: 8, noNaN: true }).chain((v) => fc.constantFrom(v, -v)),
);
const compensation = fc.constantFrom<Compensation>('inverted', 'none', 'sqrt', 'match', 'constant');

describe('the exact law of ‖y‖ (enumerate, split, closed form) against brute force', () => {
  it('matches every bin, P(‖y‖ > ‖x‖), P(‖y‖ = ‖x‖), both medians, E‖y‖, √E‖y‖², sd and c*', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 9 }),
        fc.oneof(fc.constantFrom(0.5, 1, 0.25), fc.double({ min: 0.02, max: 1, noNaN: true })),
        fc.option(fc.nat()),
        compensation,
        fc.array(fc.double({ min: 0, max: 1.05, noNaN: true }), { maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (x, q0, keptSeed, comp, levels, atomPicks) => {
          const n = x.length;
          const kept = keptSeed === null ? null : 1 + (keptSeed % n);
          const q = kept === null ? q0 : kept / n;
          const first = bruteLaw(x, q, kept, comp, [0, 1]);
          const top = Math.max(1e-9, ...first.atoms.map((a) => a.y));
          // Edges: random levels, atoms exactly on edges, and the top atom on the closed last edge.
          const candidates = [0, top, ...levels.map((l) => l * top), ...atomPicks.map((i) => first.atoms[i % first.atoms.length]!.y)];
          const edges = [...new Set(candidates)].sort((a, b) => a - b);
          if (edges.length < 2) return;
          const brute = bruteLaw(x, q, kept, comp, edges);
          const model = kept === null ? 'bernoulli' : 'fixed';
          const base = { x, keep: q, model, ...(kept === null ? {} : { kept }), compensation: comp, edges } as const;
          const methods = comp === 'match' ? (['enumerate', 'split', 'closed-form'] as const) : (['enumerate', 'split'] as const);
          for (const method of methods) {
            const result = analyze({ ...base, method });
            expect(result.method).toBe(method);
            expectLaw(result, brute);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives identical laws by enumerate and split for any finite vector, to 1e-12', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 14 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.integer({ min: 2, max: 40 }),
        (x, q, bins) => {
          const top = Math.hypot(...x) / q || 1;
          const edges = Array.from({ length: bins + 1 }, (_, j) => (top * j) / bins);
          if (edges.some((e, j) => j > 0 && !(e > edges[j - 1]!))) return; // subnormal ‖x‖: no such edges
          const request = { x, keep: q, model: 'bernoulli', compensation: 'inverted', edges } as const;
          const a = analyze({ ...request, method: 'enumerate' });
          const b = analyze({ ...request, method: 'split' });
          a.histogram.probabilities.forEach((p, j) => close(b.histogram.probabilities[j]!, p));
          expect(b.medianNorm.value).toBe(a.medianNorm.value);
          expect(b.medianUpperNorm!.value).toBe(a.medianUpperNorm!.value);
          close(b.pAboveNorm.value, a.pAboveNorm.value);
          close(a.meanNorm.value, b.meanNorm.value);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('handles q = 1 (one mask), the all-zero vector and n = 1', () => {
    const one = analyze({ x: [3, 4], keep: 1, model: 'bernoulli', compensation: 'inverted', edges: [0, 2.5, 5], method: 'split' });
    expect(one.histogram.probabilities).toEqual([0, 1]);
    expect(one.medianNorm.value).toBeCloseTo(5, 14);
    expect(one.pAboveNorm.value).toBe(0);
    expect(one.pAtNorm!.value).toBe(1);
    const zero = analyze({ x: [0, 0, 0], keep: 0.5, model: 'bernoulli', compensation: 'match', edges: [0, 1], method: 'enumerate' });
    expect(zero.histogram.probabilities).toEqual([1]);
    expect(zero.medianNorm.value).toBe(0);
    const single = analyze({ x: [-2], keep: 0.25, model: 'bernoulli', compensation: 'inverted', edges: [0, 4, 8], method: 'enumerate' });
    expect(single.histogram.probabilities).toEqual([0.75, 0.25]);
    expect(single.meanNorm.value).toBeCloseTo(2, 14);
  });
});
