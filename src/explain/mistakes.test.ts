import { describe, expect, it } from 'vitest';
import { MISTAKE_IDS, MISTAKES, mistakeNumbers, mistakeSummary, mistakeTex, vectorTex, type MistakeOutcome } from './mistakes.ts';

const SEED = [0.1, 0.1, 0.2, 5.0];
const NORM_SQUARED = 0.01 + 0.01 + 0.04 + 25; // 25.06

/**
 * Brute force, independent of the closed forms: every mask m ∈ {0,1}ⁿ with m_i ~ Bernoulli(k),
 * y = s·(m⊙x); returns E[y_i], sd(y_i) and E‖y‖² by summing over all 2ⁿ masks.
 */
function enumerate(x: readonly number[], k: number, s: number): MistakeOutcome {
  const n = x.length;
  const mean = new Array<number>(n).fill(0);
  const second = new Array<number>(n).fill(0);
  let meanSquareNorm = 0;
  for (let bits = 0; bits < 2 ** n; bits++) {
    let probability = 1;
    let norm = 0;
    const y = x.map((v, i) => {
      const kept = (bits >> i) & 1;
      probability *= kept ? k : 1 - k;
      return kept ? s * v : 0;
    });
    y.forEach((v, i) => {
      mean[i] = (mean[i] ?? 0) + probability * v;
      second[i] = (second[i] ?? 0) + probability * v * v;
      norm += v * v;
    });
    meanSquareNorm += probability * norm;
  }
  return { mean, sd: mean.map((m, i) => Math.sqrt(Math.max(0, (second[i] ?? 0) - m * m))), meanSquareNorm };
}

function expectOutcome(actual: MistakeOutcome, expected: MistakeOutcome) {
  actual.mean.forEach((v, i) => expect(v).toBeCloseTo(expected.mean[i] ?? Number.NaN, 12));
  actual.sd.forEach((v, i) => expect(v).toBeCloseTo(expected.sd[i] ?? Number.NaN, 12));
  expect(actual.meanSquareNorm).toBeCloseTo(expected.meanSquareNorm, 10);
}

describe('mistakeNumbers(id, x, q) against all 2ⁿ masks', () => {
  for (const q of [0.3, 0.5, 0.7, 0.95]) {
    const p = 1 - q;
    const training = enumerate(SEED, q, 1 / q);
    const test = enumerate(SEED, 1, 1);
    it(`divide-by-drop, q = ${q}: training y = m⊙x/p against y = m⊙x/q`, () => {
      const m = mistakeNumbers('divide-by-drop', SEED, q);
      expect(m.phase).toBe('training');
      expectOutcome(m.right, training);
      expectOutcome(m.wrong, enumerate(SEED, q, 1 / p));
      expect(m.meanFactor).toBeCloseTo(q / p, 12);
    });
    it(`scale-twice, q = ${q}: test output q·x against x`, () => {
      const m = mistakeNumbers('scale-twice', SEED, q);
      expect(m.phase).toBe('test');
      expectOutcome(m.right, test);
      expectOutcome(m.wrong, enumerate(SEED, 1, q));
    });
    it(`eval-mode, q = ${q}: dropout still on at test`, () => {
      const m = mistakeNumbers('eval-mode', SEED, q);
      expect(m.phase).toBe('test');
      expectOutcome(m.right, test);
      expectOutcome(m.wrong, training);
    });
    it(`keep-as-rate, q = ${q}: units kept with probability p, scaled by 1/p`, () => {
      const m = mistakeNumbers('keep-as-rate', SEED, q);
      expect(m.phase).toBe('training');
      expectOutcome(m.right, training);
      expectOutcome(m.wrong, enumerate(SEED, p, 1 / p));
    });
  }
});

describe('mistakeNumbers closed forms (docs/mathematics.md#bernoulli-moments)', () => {
  const q = 0.7;
  const p = 0.3;
  it('dividing by p: E[y] = (q/p)·x, E‖y‖² = q‖x‖²/p²', () => {
    const m = mistakeNumbers('divide-by-drop', SEED, q);
    expect(m.wrong.mean[3]).toBeCloseTo((q / p) * 5, 12);
    expect(m.wrong.meanSquareNorm).toBeCloseTo((q * NORM_SQUARED) / (p * p), 10);
    expect(m.right.meanSquareNorm).toBeCloseTo(NORM_SQUARED / q, 10);
  });
  it('scaling twice: test output q·x, ‖·‖² = q²‖x‖²', () => {
    const m = mistakeNumbers('scale-twice', SEED, q);
    expect(m.wrong.mean).toEqual(SEED.map((v) => q * v));
    expect(m.wrong.sd).toEqual([0, 0, 0, 0]);
    expect(m.wrong.meanSquareNorm).toBeCloseTo(q * q * NORM_SQUARED, 12);
  });
  it('eval mode: mean x, sd |x_i|·√(p/q), E‖y‖² = ‖x‖²/q', () => {
    const m = mistakeNumbers('eval-mode', SEED, q);
    expect(m.wrong.mean[3]).toBeCloseTo(5, 12);
    expect(m.wrong.sd[3]).toBeCloseTo(5 * Math.sqrt(p / q), 12);
    expect(m.wrong.meanSquareNorm).toBeCloseTo(NORM_SQUARED / q, 10);
    expect(m.right.sd).toEqual([0, 0, 0, 0]);
  });
  it('keep_prob as rate: sd |x_i|·√(q/p), E‖y‖² = ‖x‖²/p', () => {
    const m = mistakeNumbers('keep-as-rate', SEED, q);
    expect(m.wrong.sd[0]).toBeCloseTo(0.1 * Math.sqrt(q / p), 12);
    expect(m.wrong.meanSquareNorm).toBeCloseTo(NORM_SQUARED / p, 10);
  });
  it('at q = ½ dividing by p and passing keep_prob as rate change nothing', () => {
    for (const id of ['divide-by-drop', 'keep-as-rate'] as const) {
      const m = mistakeNumbers(id, SEED, 0.5);
      expect(m.wrong).toEqual(m.right);
    }
  });
});

describe('mistakeNumbers on bad input never throws', () => {
  it('q = 1: dividing by p = 0 is undefined (NaN), not infinite', () => {
    const m = mistakeNumbers('divide-by-drop', SEED, 1);
    expect(m.defined).toBe(false);
    expect(m.wrong.mean.every(Number.isNaN)).toBe(true);
    expect(m.right.mean).toEqual(SEED);
    expect(mistakeNumbers('keep-as-rate', SEED, 1).defined).toBe(false);
    expect(mistakeNumbers('scale-twice', SEED, 1).wrong.mean).toEqual(SEED);
  });
  it('NaN q and non-finite entries are read safely', () => {
    for (const id of MISTAKE_IDS) {
      expect(() => mistakeNumbers(id, [Number.NaN, 1], Number.NaN)).not.toThrow();
      expect(() => mistakeTex(id, [], 0.3, 'keep')).not.toThrow();
      expect(() => mistakeSummary(id, [], 1)).not.toThrow();
    }
  });
});

describe('mistakeTex(id, x, q, notation)', () => {
  it('divide-by-drop at q = 0.70: q/p = 0.70/0.30 = 2.3333, E[y] = (0.2333, 0.2333, 0.4667, 11.6667)', () => {
    const { wrong, right } = mistakeTex('divide-by-drop', SEED, 0.7, 'keep');
    expect(wrong).toContain(String.raw`\frac{q}{1-q}\,x = \frac{0.70}{0.30}\,x = 2.3333\,x`);
    expect(wrong).toContain(String.raw`\left(0.2333,\ 0.2333,\ 0.4667,\ 11.6667\right)`);
    expect(right).toContain(String.raw`\left(0.1000,\ 0.1000,\ 0.2000,\ 5.0000\right)`);
  });
  it('writes the same formula in the drop rate p when the page speaks of p', () => {
    const { wrong } = mistakeTex('divide-by-drop', SEED, 0.7, 'drop');
    expect(wrong).toContain(String.raw`\frac{1-p}{p}\,x`);
    expect(mistakeTex('scale-twice', SEED, 0.7, 'drop').wrong).toContain(String.raw`(1-p)\,x = 0.70\,x`);
  });
  it('says undefined when the wrong code divides by p = 0', () => {
    expect(mistakeTex('divide-by-drop', SEED, 1, 'keep').wrong).toContain('undefined');
  });
  it('scale-twice at q = 0.70: test output 0.70·x = (0.0700, 0.0700, 0.1400, 3.5000)', () => {
    expect(mistakeTex('scale-twice', SEED, 0.7, 'keep').wrong).toContain(String.raw`0.70\,x = \left(0.0700,\ 0.0700,\ 0.1400,\ 3.5000\right)`);
  });
  it('eval-mode at q = 0.70: sd = √(0.3/0.7) |x_i| = 0.6547 |x_i|, E‖y‖² = 25.06/0.70 = 35.8000', () => {
    const { wrong, right } = mistakeTex('eval-mode', SEED, 0.7, 'keep');
    expect(wrong).toContain(String.raw`= 0.6547\,|x_i|`);
    expect(wrong).toContain(String.raw`\frac{25.0600}{0.70} = 35.8000`);
    expect(right).toContain('= 25.0600');
  });
  it('keep-as-rate at q = 0.70: keep 0.30, E‖y‖² = 25.06/0.30 = 83.5333 against 35.8000', () => {
    const { wrong, right } = mistakeTex('keep-as-rate', SEED, 0.7, 'keep');
    expect(wrong).toContain(String.raw`\text{keep } 1 - 0.70 = 0.30`);
    expect(wrong).toContain(String.raw`\frac{25.0600}{0.30} = 83.5333`);
    expect(wrong).toContain(String.raw`= 1.5275\,|x_i|`);
    expect(right).toContain('= 35.8000');
  });
});

describe('vectorTex', () => {
  it('elides long vectors after three entries, keeping the last', () => {
    expect(vectorTex([1, 2, 3, 4, 5, 6, 7], 1)).toBe(String.raw`\left(1.0,\ 2.0,\ 3.0,\ \ldots,\ 7.0\right)`);
  });
});

describe('mistakeSummary', () => {
  it('reads off the largest unit: 11.6667 in training against 5.0000 at inference (q = 0.70)', () => {
    expect(mistakeSummary('divide-by-drop', SEED, 0.7)).toContain('unit 4 averages 11.6667 in training but gives 5.0000');
  });
  it('says the bug is invisible at q = ½', () => {
    expect(mistakeSummary('divide-by-drop', SEED, 0.5)).toContain('invisible');
    expect(mistakeSummary('keep-as-rate', SEED, 0.5)).toContain('invisible');
  });
  it('gives the eval-mode spread of unit 4: 0 or 10.0000, sd 5.0000 (q = ½)', () => {
    expect(mistakeSummary('eval-mode', SEED, 0.5)).toContain('0 with probability 0.50 and 10.0000 otherwise: sd 5.0000 instead of 0');
  });
});

describe('MISTAKES', () => {
  it('has a story for every id, with the reader’s numbers in the code', () => {
    expect(MISTAKES.map((m) => m.id)).toEqual([...MISTAKE_IDS]);
    const keepAsRate = MISTAKES.find((m) => m.id === 'keep-as-rate')!;
    expect(keepAsRate.code('0.70', '0.30').wrong).toContain('rate=0.70');
    expect(keepAsRate.code('0.70', '0.30').right).toContain('rate=0.30');
  });
});

describe('mistakeTex is valid TeX', () => {
  it('renders in KaTeX for every mistake, both notations, q from 0.05 to 1', async () => {
    const { renderToString } = await import('katex');
    for (const id of MISTAKE_IDS) {
      for (const notation of ['keep', 'drop'] as const) {
        for (const q of [0.05, 0.5, 0.7, 1]) {
          const { wrong, right } = mistakeTex(id, SEED, q, notation);
          expect(() => renderToString(wrong, { throwOnError: true, displayMode: true })).not.toThrow();
          expect(() => renderToString(right, { throwOnError: true, displayMode: true })).not.toThrow();
        }
      }
    }
  });
});
