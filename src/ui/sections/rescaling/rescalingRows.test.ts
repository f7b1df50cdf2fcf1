import { describe, expect, it } from 'vitest';
import { COMPENSATIONS, seededWeights } from '../../../math/index.ts';
import { analyze } from '../../../math/engine.ts';
import { leaksInWords, meanInWords } from './rescalingRows.ts';

const x = [0.1, 0.1, 0.2, 5];

describe('the rescaling words follow the mask model', () => {
  it('under DropConnect they speak of u and Wx, never of y and ‖x‖', () => {
    const weights = seededWeights(4, 4, 1);
    for (const compensation of COMPENSATIONS) {
      const result = analyze({ x, keep: 0.5, model: 'dropconnect', compensation, weights, edges: [0, 1, 30] });
      const words = leaksInWords(result) + ' ' + meanInWords(result);
      expect({ compensation, y: /E\[y\]|‖y‖|‖x‖|\by has\b/.test(words) }).toEqual({ compensation, y: false });
    }
    const inverted = analyze({ x, keep: 0.5, model: 'dropconnect', compensation: 'inverted', weights, edges: [0, 1, 30] });
    expect(meanInWords(inverted)).toBe('Wx');
    expect(leaksInWords(inverted)).toContain('E[u] = Wx');
  });

  it('under DropConnect 1/√q does not claim E‖u‖² = ‖Wx‖², and gives both numbers from the engine', () => {
    const weights = seededWeights(4, 4, 1);
    const result = analyze({ x, keep: 0.5, model: 'dropconnect', compensation: 'sqrt', weights, edges: [0, 1, 30] });
    expect(Math.abs(result.rmsNorm.value ** 2 - result.norm ** 2)).toBeGreaterThan(1e-3);
    expect(leaksInWords(result)).toContain(`E‖u‖² = ${(result.rmsNorm.value ** 2).toFixed(4)} against ‖Wx‖² = ${(result.norm ** 2).toFixed(4)}`);
  });

  it('under unit dropout 1/√q matches the mean-square length, E‖y‖² = ‖x‖², as the engine confirms', () => {
    const result = analyze({ x, keep: 0.5, model: 'bernoulli', compensation: 'sqrt', edges: [0, 1, 30] });
    expect(result.rmsNorm.value ** 2).toBeCloseTo(result.norm ** 2, 10);
    expect(leaksInWords(result)).toContain('E‖y‖² = ‖x‖²');
    expect(meanInWords(result)).toBe('0.7071·x');
  });
});
