import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnalysisResult, type Compensation, COMPENSATIONS, type DropConnectWeights, MASK_MODELS, type MaskModel, seededWeights } from '../../../math/index.ts';
import { analyze } from '../../../math/engine.ts';
import { normFigure } from './normFigure.ts';

/** One mask of the brute force: its probability and the masked vector (m⊙x, or (M⊙W)x). */
interface Outcome {
  readonly probability: number;
  readonly masked: readonly number[];
}

/** Every mask of the model, by plain loops (no Gray code, no grid, no quadrature). */
function outcomes(x: readonly number[], q: number, model: MaskModel, kept: number, w: DropConnectWeights): Outcome[] {
  const n = x.length;
  const out: Outcome[] = [];
  if (model === 'dropconnect') {
    const d = w.rows;
    for (let mask = 0; mask < 2 ** (d * n); mask++) {
      let k = 0;
      const u = Array.from({ length: d }, (_, j) => {
        let sum = 0;
        for (let i = 0; i < n; i++) {
          if ((mask >> (j * n + i)) & 1) {
            sum += (w.values[j * n + i] ?? 0) * (x[i] ?? 0);
            k++;
          }
        }
        return sum;
      });
      out.push({ probability: q ** k * (1 - q) ** (d * n - k), masked: u });
    }
    return out;
  }
  const subsets = model === 'fixed' ? binomial(n, kept) : 1;
  for (let mask = 0; mask < 2 ** n; mask++) {
    const k = popcount(mask);
    if (model === 'fixed' && k !== kept) continue;
    const probability = model === 'fixed' ? 1 / subsets : q ** k * (1 - q) ** (n - k);
    out.push({ probability, masked: x.map((v, i) => ((mask >> i) & 1 ? v : 0)) });
  }
  return out;
}

const popcount = (m: number) => m.toString(2).replace(/0/g, '').length;
const binomial = (n: number, k: number): number => (k === 0 ? 1 : (binomial(n - 1, k - 1) * n) / k);
const norm = (v: readonly number[]) => Math.sqrt(v.reduce((s, a) => s + a * a, 0));

/** E‖y‖, E‖y‖² and ‖E y‖ by brute force, y = s·masked (s per sample for 'match'). */
function bruteNorms(all: Outcome[], reference: number, q: number, compensation: Compensation) {
  const maskedMean = all.reduce((s, o) => s + o.probability * norm(o.masked), 0);
  const scaleOf = (o: Outcome): number => {
    switch (compensation) {
      case 'inverted': return 1 / q;
      case 'none': return 1;
      case 'sqrt': return 1 / Math.sqrt(q);
      case 'constant': return reference / maskedMean;
      case 'match': return norm(o.masked) === 0 ? 0 : reference / norm(o.masked);
    }
  };
  let mean = 0;
  let meanSquare = 0;
  const meanVector = all[0]?.masked.map(() => 0) ?? [];
  for (const o of all) {
    const s = scaleOf(o);
    const length = s * norm(o.masked);
    mean += o.probability * length;
    meanSquare += o.probability * length * length;
    o.masked.forEach((v, i) => (meanVector[i] = (meanVector[i] ?? 0) + o.probability * s * v));
  }
  return { mean, meanSquare, meanVectorNorm: norm(meanVector) };
}

/** The numbers the reader sees in the bounds ("a \le b \le c" after the symbols) and E‖y‖² (the last "= v"). */
function shownNumbers(figure: ReturnType<typeof normFigure>) {
  const bounds = figure.boundsTex.split(String.raw`\qquad`)[1]?.split(String.raw`\le`).map(Number) ?? [];
  const meanSquare = Number(figure.meanSquareTex.split('=').at(-1));
  return { lower: bounds[0], mean: bounds[1], upper: bounds[2], meanSquare };
}

/** Shown to 4 decimals: right to the last digit shown. */
const toDigits = (shown: number | undefined, exact: number) => {
  expect(shown).toBeDefined();
  expect(Math.abs((shown ?? Number.NaN) - exact)).toBeLessThanOrEqual(0.5e-4 + 1e-9 * Math.abs(exact));
};

function engine(x: number[], q: number, model: MaskModel, kept: number, compensation: Compensation, w: DropConnectWeights): AnalysisResult {
  return analyze({
    x, keep: model === 'fixed' ? kept / x.length : q, model, ...(model === 'fixed' ? { kept } : {}), compensation,
    edges: [0, 1, 100], method: 'enumerate', ...(model === 'dropconnect' ? { weights: w } : {}),
  });
}

describe('normFigure', () => {
  it('shows E‖y‖², ‖E y‖ ≤ E‖y‖ ≤ √E‖y‖² equal to brute force over the masks, for all 15 models × compensations', () => {
    expect.hasAssertions();
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 4 }),
        fc.constantFrom(0.25, 0.5, 0.7, 0.9),
        fc.integer({ min: 1, max: 1000 }),
        (raw, q, seed) => {
          const x = raw.map((v) => Math.round(v * 100) / 100);
          fc.pre(norm(x) > 0.05);
          const n = x.length;
          const kept = Math.max(1, Math.min(n, Math.round(q * n)));
          const w = seededWeights(2, n, seed);
          for (const model of MASK_MODELS) {
            const qEff = model === 'fixed' ? kept / n : q;
            const all = outcomes(x, qEff, model, kept, w);
            const reference = model === 'dropconnect'
              ? norm(Array.from({ length: 2 }, (_, j) => x.reduce((s, v, i) => s + (w.values[j * n + i] ?? 0) * v, 0)))
              : norm(x);
            for (const compensation of COMPENSATIONS) {
              const result = engine(x, q, model, kept, compensation, w);
              const shown = shownNumbers(normFigure(result));
              const brute = bruteNorms(all, reference, qEff, compensation);
              toDigits(shown.mean, brute.mean);
              toDigits(shown.upper, Math.sqrt(brute.meanSquare));
              toDigits(shown.meanSquare, brute.meanSquare);
              toDigits(shown.lower, brute.meanVectorNorm);
            }
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('names DropConnect’s quantities ‖u‖ and ‖Wx‖ everywhere, and never ‖y‖ or ‖x‖ alone', () => {
    const w = seededWeights(2, 4, 1);
    for (const compensation of COMPENSATIONS) {
      const figure = normFigure(engine([0.1, 0.1, 0.2, 5], 0.5, 'dropconnect', 2, compensation, w));
      const text = [figure.intro.before, figure.intro.after, figure.boundsText, figure.positionText, figure.shape?.text ?? ''].join(' ');
      expect(text).not.toMatch(/‖y‖|‖x‖(?!\S)/u);
      expect(figure.boundsTex).toContain(String.raw`\lVert u\rVert`);
      expect(figure.meanSquareTex).toContain(String.raw`\lVert Wx\rVert`);
      expect(figure.effectiveUnitsTex).toBeNull();
      expect(figure.names).toMatchObject({ out: '‖u‖', ref: '‖Wx‖', mean: 'E‖u‖' });
    }
  });

  it('keeps the seed’s numbers under 1/q: 25.06/0.50 = 50.12 and 5.0060 ≤ 5.1572 ≤ 7.0795 (reference values)', () => {
    const figure = normFigure(engine([0.1, 0.1, 0.2, 5], 0.5, 'bernoulli', 2, 'inverted', seededWeights(1, 4, 1)));
    expect(figure.meanSquareTex).toContain(String.raw`\frac{25.0600}{0.50} = 50.1200`);
    expect(figure.boundsTex).toContain(String.raw`5.0060 \le 5.1572 \le 7.0795`);
    expect(figure.shape?.text).toContain('about half');
    expect(figure.names.rms).toBe('‖x‖/√q');
  });

  it('says “about half” only at q = ½, and compares the ratio with the q it has', () => {
    const figure = normFigure(engine([0.1, 0.1, 0.2, 5], 0.25, 'bernoulli', 1, 'inverted', seededWeights(1, 4, 1)));
    expect(figure.shape?.text).not.toContain('about half');
    expect(figure.shape?.text).toContain('close to q = 0.25');
  });

  it('says E‖y‖ is the upper bound when every mask gives the same length (equal units, fixed count)', () => {
    const figure = normFigure(engine([1, -1, 1, -1], 0.5, 'fixed', 2, 'inverted', seededWeights(1, 4, 1)));
    expect(figure.positionText).toContain('the upper bound itself');
    expect(normFigure(engine([1, -1, 1, -1], 0.5, 'bernoulli', 2, 'inverted', seededWeights(1, 4, 1))).positionText).toContain(
      '% of the way',
    );
  });
});
