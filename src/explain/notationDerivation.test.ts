import { describe, expect, it } from 'vitest';
import {
  dropReadingTex,
  halfSentence,
  halfTex,
  isHalf,
  keepReadingTex,
  layerTex,
  probabilitySymbols,
  readingsTex,
} from './notationDerivation.ts';

describe('keepReadingTex / dropReadingTex', () => {
  it('reads q = 0.70 as p = 1 − 0.70 = 0.30 and s = 1/0.70 = 1.4286', () => {
    expect(keepReadingTex(0.7)).toContain('p = 1 - q = 1 - 0.70 = 0.30');
    expect(keepReadingTex(0.7)).toContain(String.raw`\frac{1}{0.70} = 1.4286`);
  });
  it('reads p = 0.30 as q = 1 − 0.30 = 0.70 and s = 1/(1 − 0.30) = 1.4286', () => {
    expect(dropReadingTex(0.7)).toMatch(/^p = 0\.30 /);
    expect(dropReadingTex(0.7)).toContain('q = 1 - p = 1 - 0.30 = 0.70');
    expect(dropReadingTex(0.7)).toContain(String.raw`\frac{1}{1 - 0.30} = 1.4286`);
  });
  it('puts the page’s notation first', () => {
    expect(readingsTex(0.7, 'keep')[0]).toBe(keepReadingTex(0.7));
    expect(readingsTex(0.7, 'drop')[0]).toBe(dropReadingTex(0.7));
  });
  it('has scale 1 at q = 1 and never throws on NaN', () => {
    expect(keepReadingTex(1)).toContain('= 1.0000');
    expect(() => dropReadingTex(Number.NaN)).not.toThrow();
  });
});

describe('layerTex', () => {
  it('writes the layer in q or in 1 − p, with E[y_i] = 0.70 x_i / 0.70 = x_i', () => {
    expect(layerTex(0.7, 'keep')).toContain(String.raw`\mathrm{Bernoulli}(q)`);
    expect(layerTex(0.7, 'drop')).toContain(String.raw`\frac{m\odot x}{1-p}`);
    expect(layerTex(0.7, 'drop')).toContain(String.raw`\frac{0.70\,x_i}{0.70} = x_i`);
  });
});

describe('q = ½', () => {
  it('is recognised to the slider’s resolution only', () => {
    expect(isHalf(0.5)).toBe(true);
    expect(isHalf(0.51)).toBe(false);
  });
  it('makes 1/q = 1/p = 2', () => {
    expect(halfTex(0.5)).toContain(String.raw`\frac{1}{q} = \frac{1}{p} = 2`);
    expect(halfSentence(0.5)).toContain('coincide');
  });
  it('otherwise shows 1/q = 1.4286 ≠ 1/p = 3.3333 and q/p = 2.3333', () => {
    expect(halfTex(0.7)).toContain(String.raw`\frac{1}{q} = 1.4286 \ne \frac{1}{p} = 3.3333`);
    expect(halfSentence(0.7)).toContain('q/p = 2.3333');
  });
});

describe('probabilitySymbols', () => {
  it('writes keep and drop as q, 1 − q or 1 − p, p', () => {
    expect(probabilitySymbols('keep')).toEqual({ keep: 'q', keepFactor: 'q', drop: '1-q', dropFactor: '(1-q)' });
    expect(probabilitySymbols('drop').keepFactor).toBe('(1-p)');
  });
});

describe('every builder is valid TeX', () => {
  it('renders in KaTeX for q = 0.05, 0.5, 0.7 and 1 in both notations', async () => {
    const { renderToString } = await import('katex');
    for (const q of [0.05, 0.5, 0.7, 1]) {
      for (const notation of ['keep', 'drop'] as const) {
        for (const tex of [...readingsTex(q, notation), layerTex(q, notation), halfTex(q)]) {
          expect(() => renderToString(tex, { throwOnError: true, displayMode: true })).not.toThrow();
        }
      }
    }
  });
});
