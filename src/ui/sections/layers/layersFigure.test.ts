import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPENSATIONS, generateVector, MASK_MODELS, type LayersOutput } from '../../../math/index.ts';
import { analyze, runQuery } from '../../../math/engine.ts';
import { bruteForceMasks, bruteMaskedNorm, brutePercentile } from '../../../math/testing.ts';
import { selectLayersQueries } from '../../../state/layersQueries.ts';
import { SEED_STATE, type ExplorerState } from '../../../state/explorerState.ts';
import { histogramFigure, layersFigure, type LayersFigureInput, ordinal, percentileWords } from './layersFigure.ts';
import { parseProbability } from '../../../explain/formatNumber.ts';

/** Φ(z) by Abramowitz & Stegun 26.2.17 (absolute error < 7.5e-8), independent of the app's erfc. */
function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const tail = (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)) * poly;
  return z >= 0 ? 1 - tail : tail;
}

/** The engine's answer for a state, through the channel's own selector (as the worker computes it). */
function answer(state: ExplorerState): LayersOutput {
  const [q] = selectLayersQueries(state);
  if (q?.kind !== 'layers') throw new Error('no layers query');
  return runQuery('layers', q.input);
}

function input(state: ExplorerState, layers: LayersOutput | null, layersStatus: LayersFigureInput['layersStatus'] = 'done'): LayersFigureInput {
  const x = state.source.kind === 'explicit' ? state.source.values : generateVector(state.source.spec);
  return {
    x, keep: state.keep, model: state.model, compensation: state.compensation, source: state.source, reference: state.reference,
    layers, layersStatus, compensationLabel: 'the label',
  };
}

const numberAfter = (text: string, re: RegExp) => parseProbability(re.exec(text)?.[1]?.replace('−', '-') ?? '');

describe('layersFigure against brute force', () => {
  it('shows the exact percentile, its position and the normal approximation’s distance from it, for random small states', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 9 }),
        fc.integer({ min: 1, max: 19 }),
        fc.double({ min: 0.2, max: 1.8, noNaN: true }),
        (values, k, tScale) => {
          const x = values.map((v) => Math.round(v * 100) / 100);
          const norm = Math.hypot(...x);
          fc.pre(norm > 0.05);
          const keep = k / 20;
          const threshold = Math.round((tScale * norm) / Math.sqrt(keep) * 1000) / 1000;
          const state: ExplorerState = { ...SEED_STATE, source: { kind: 'explicit', values: x }, keep, reference: threshold, mask: null };
          const figure = layersFigure(input(state, answer(state)));
          // E‖y‖ = E‖m⊙x‖/q over all masks.
          expect(Math.abs(Number(figure.rows?.[0]?.value) - bruteMaskedNorm(x, keep) / keep)).toBeLessThanOrEqual(0.5e-5 + 1e-9);
          const p = figure.percentile;
          if (p === 'computing' || 'none' in p) throw new Error('no percentile');
          const exact = brutePercentile(x, keep, threshold);
          expect(p.label).toBe(`P(‖y‖ ≤ ${threshold.toFixed(3)})`);
          // Beyond the largest ‖y‖ the closed form says 1; else every mask is enumerated.
          expect([`exact: all 2${[...String(x.length)].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]).join('')} masks enumerated`, 'closed form']).toContain(p.provenance);
          expect(Math.abs(Number(p.value) - exact)).toBeLessThanOrEqual(0.5e-6 + 1e-9);
          expect(p.position).toContain(percentileWords(exact));
          expect(p.position).not.toMatch(/\d\.\dth/);
          // The normal approximation, from its formula, and its distance from the exact value.
          const s = x.reduce((a, v) => a + v * v, 0);
          const fourth = x.reduce((a, v) => a + v ** 4, 0);
          const z = ((keep * threshold) ** 2 - keep * s) / Math.sqrt(keep * (1 - keep) * fourth);
          const normal = normalCdf(z);
          const text = p.normal ?? '';
          const shownNormal = numberAfter(text, /\) = (\d+\.\d+(?:×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?)/);
          expect(Math.abs(shownNormal - normal)).toBeLessThanOrEqual(0.5e-4 + 2e-7);
          const shownDifference = /differs from the exact value \S+ by (less than 0\.0001|\d\.\d{4})/.exec(text)?.[1];
          const difference = shownDifference === 'less than 0.0001' ? 0 : Number(shownDifference);
          expect(Math.abs(difference - Math.abs(normal - exact))).toBeLessThanOrEqual(0.5e-4 + 2e-7);
          expect(text).toContain('the exact value');
          // The Edgeworth gap is named as such, not as the normal approximation's error.
          expect(text).toMatch(/the Edgeworth terms move the normal value by (less than 0\.0001|\d\.\d{4})\.$/);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('places the threshold exactly on an atom: equal units, ‖y‖ = ‖x‖·√(k/n)/q', () => {
    const x = [1, 1, 1, 1];
    const t = (2 * Math.sqrt(2 / 4)) / 0.5; // k = 2 kept of 4
    const state: ExplorerState = { ...SEED_STATE, source: { kind: 'explicit', values: x }, reference: t, mask: null };
    const p = layersFigure(input(state, answer(state))).percentile;
    const exact = bruteForceMasks(x, 0.5).reduce((a, m) => (m.maskedNorm / 0.5 <= t + 1e-12 ? a + m.probability : a), 0);
    expect(exact).toBeCloseTo(11 / 16, 12);
    expect(typeof p === 'object' && 'value' in p ? Number(p.value) : Number.NaN).toBeCloseTo(11 / 16, 6);
  });
});

describe('the measured 1.305', () => {
  it('is not placed on the question’s 4-unit toy vector: no marker, no percentile sentence', () => {
    const figure = layersFigure(input(SEED_STATE, answer(SEED_STATE)));
    expect(figure.measured).toBeNull();
    expect(typeof figure.percentile === 'object' && 'none' in figure.percentile).toBe(true);
    const result = analyze({ x: [0.1, 0.1, 0.2, 5], keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges: [0, 5, 11] });
    const histogram = histogramFigure(result, figure.measured, 'label');
    expect(histogram.markers.map((m) => m.id)).toEqual(['norm', 'mean', 'rms']);
    expect(histogram.description).not.toContain('1.305');
    expect(histogram.legend.measured).toBeNull();
  });
  it('is placed in the question’s 192-unit layer, with or without the preset’s reference', () => {
    const layer: ExplorerState = { ...SEED_STATE, source: { kind: 'generated', spec: { kind: 'uniform', units: 192, seed: 7, norm: 0.885 } }, mask: null };
    for (const state of [layer, { ...layer, reference: 1.305 }]) {
      const figure = layersFigure(input(state, null, 'running'));
      expect(figure.measured?.label).toBe('measured 1.305');
      expect(figure.percentile).toBe('computing');
      expect(figure.rows).toBeNull();
    }
    // Another q is not the question's layer.
    expect(layersFigure(input({ ...layer, keep: 0.4 }, null)).measured).toBeNull();
  });
  it('says “the median”, never “50.0th”', () => {
    expect(percentileWords(0.5)).toBe('the median (50th percentile)');
    expect(percentileWords(0.8123)).toBe('the 81st percentile');
    expect(percentileWords(0.021)).toBe('the 2nd percentile');
    expect(percentileWords(0.003)).toBe('below the 1st percentile');
    expect(percentileWords(0.9991)).toBe('above the 99th percentile');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 73].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '73rd']);
  });
});

describe('the sampled percentile', () => {
  it('states its own count and seed, which are the page’s, and compares the normal value with the sampled one', () => {
    const state: ExplorerState = { ...SEED_STATE, source: { kind: 'explicit', values: Array.from({ length: 40 }, (_, i) => 1 + (i % 5)) }, reference: 20, samples: 20_000, seed: 5, mask: null };
    const p = layersFigure(input(state, answer(state))).percentile;
    if (p === 'computing' || 'none' in p) throw new Error('no percentile');
    expect(p.provenance).toMatch(/^sampled: 20,000 masks, seed 5, drawn by this section/);
    const [, value, se] = /^(\d\.\d{4}) ± (\d\.\d{4})$/.exec(p.value) ?? [];
    const exact = analyze({ x: Array.from({ length: 40 }, (_, i) => 1 + (i % 5)), keep: 0.5, model: 'bernoulli', compensation: 'inverted', edges: [0, 20 + 1e-9, 1000], method: 'split' });
    expect(Math.abs(Number(value) - (exact.histogram.probabilities[0] ?? 0))).toBeLessThan(4 * Number(se) + 1e-4);
    expect(p.normal).toContain(`the sampled value ${p.value}`);
    expect(p.normal).toMatch(/standard errors of the sample/);
  });
});

describe('other models and compensations', () => {
  it('says the numbers are for Bernoulli masks and 1/q, and names the histogram by the model', () => {
    for (const model of MASK_MODELS) {
      for (const compensation of COMPENSATIONS) {
        const state: ExplorerState = { ...SEED_STATE, model, compensation, kept: 2 };
        const figure = layersFigure(input(state, answer(state)));
        const standard = model === 'bernoulli' && compensation === 'inverted';
        expect(figure.otherControls === null).toBe(standard);
        expect(figure.otherControls ?? 'the numbers below are for Bernoulli masks and 1/q').toContain('the numbers below are for Bernoulli masks and 1/q');
      }
    }
    const result = analyze({ x: [1, 2], keep: 0.5, model: 'dropconnect', compensation: 'inverted', edges: [0, 1, 10] });
    const histogram = histogramFigure(result, null, 'label');
    expect(histogram.xLabel).toBe('‖u‖');
    expect(histogram.markers[0]?.label).toMatch(/^‖Wx‖ = /);
    expect(histogram.markers[2]?.label).toMatch(/^√E‖u‖² = /);
  });
});
