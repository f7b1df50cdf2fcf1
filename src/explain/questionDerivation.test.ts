import { renderToString } from 'katex';
import { describe, expect, it } from 'vitest';
import { magnitudeDecimals, questionDerivation, texEntry, texMagnitude } from './questionDerivation.ts';

/** The question's example: x = (0.1, 0.1, 0.2, 5.0), mask (0, 0, 1, 1), q = ½ (docs/mathematics.md#reference-values). */
const SEED = { x: [0.1, 0.1, 0.2, 5.0], mask: [0, 0, 1, 1] as (0 | 1)[], keep: 0.5 };

const stepTex = (d: ReturnType<typeof questionDerivation>, id: string) => d.steps.find((s) => s.id === id)?.tex ?? '';

describe('questionDerivation', () => {
  it('gives ‖m⊙x‖ = 5.003998401, ‖y‖ = 10.00799680, ‖x‖ = 5.005996404 for the seed (docs/mathematics.md#reference-values)', () => {
    const d = questionDerivation(SEED);
    expect(d.maskedNorm).toBeCloseTo(5.003998401, 9);
    expect(d.compensatedNorm).toBeCloseTo(10.0079968, 7);
    expect(d.norm).toBeCloseTo(5.005996404, 9);
    expect(d.kept).toBe(2);
    expect(d.scale).toBe(2);
    expect(d.allDropped).toBe(false);
  });

  it('substitutes the kept entries only: √(0.2² + 5.0²) = √25.0400 = 5.0040', () => {
    const tex = stepTex(questionDerivation(SEED), 'masked');
    expect(tex).toContain(String.raw`\sqrt{0.2^{2} + 5.0^{2}} = \sqrt{25.0400} = 5.0040`);
    expect(tex).toContain('term=question-masked');
  });

  it('divides by q: 5.0040 / 0.50 = 10.0080', () => {
    expect(stepTex(questionDerivation(SEED), 'compensated')).toContain(String.raw`\frac{5.0040}{0.50} = 10.0080`);
  });

  it('writes ‖x‖ with every entry: √(0.1² + 0.1² + 0.2² + 5.0²) = √25.0600 = 5.0060', () => {
    expect(stepTex(questionDerivation(SEED), 'original')).toContain(
      String.raw`\sqrt{0.1^{2} + 0.1^{2} + 0.2^{2} + 5.0^{2}} = \sqrt{25.0600} = 5.0060`,
    );
  });

  it('matches brute force for every mask of the seed', () => {
    for (let r = 0; r < 16; r++) {
      const mask = [3, 2, 1, 0].map((b) => ((r >> b) & 1) as 0 | 1);
      const d = questionDerivation({ ...SEED, mask });
      let s = 0;
      for (let i = 0; i < 4; i++) if (mask[i] === 1) s += (SEED.x[i] ?? 0) ** 2;
      expect(d.maskedNorm).toBeCloseTo(Math.sqrt(s), 12);
      expect(d.compensatedNorm).toBeCloseTo(Math.sqrt(s) / 0.5, 12);
    }
  });

  it('handles the all-dropped mask: the empty sum is 0 and so is ‖y‖', () => {
    const d = questionDerivation({ ...SEED, mask: [0, 0, 0, 0] });
    expect(d.allDropped).toBe(true);
    expect(d.maskedNorm).toBe(0);
    expect(d.compensatedNorm).toBe(0);
    expect(stepTex(d, 'masked')).toContain(String.raw`\varnothing`);
    expect(stepTex(d, 'compensated')).toContain(String.raw`\frac{0.0000}{0.50} = 0.0000`);
  });

  it('puts a negative entry in parentheses and shortens long sums', () => {
    const x = [-0.3, 1, 2, 3, 4, 5, 6, 7];
    const d = questionDerivation({ x, mask: [1, 1, 1, 1, 1, 1, 1, 1], keep: 0.8 });
    const tex = stepTex(d, 'masked');
    expect(tex).toContain(String.raw`(-0.3)^{2} + 1.0^{2} + \cdots + 7.0^{2}`);
    expect(d.maskedNorm).toBeCloseTo(Math.sqrt(0.09 + 1 + 4 + 9 + 16 + 25 + 36 + 49), 12);
    expect(stepTex(d, 'compensated')).toContain(String.raw`{0.80} = ${texMagnitude(d.maskedNorm / 0.8)}`);
  });

  it('never throws on odd input (empty x, q = 0)', () => {
    expect(() => questionDerivation({ x: [], mask: [], keep: 0.5 })).not.toThrow();
    expect(questionDerivation({ x: [1], mask: [1], keep: 0 }).compensatedNorm).toBe(Infinity);
  });
});

describe('texEntry and texMagnitude', () => {
  it('writes entries as typed, with one to four decimals', () => {
    expect(texEntry(5)).toBe('5.0');
    expect(texEntry(0.125)).toBe('0.125');
    expect(texEntry(-0.3)).toBe('-0.3');
    expect(texEntry(1 / 3)).toBe('0.3333');
  });
  it('keeps four significant digits for small magnitudes', () => {
    expect(magnitudeDecimals(0.0123)).toBe(5);
    expect(texMagnitude(0.0123456)).toBe('0.01235');
    expect(texMagnitude(1e-6)).toBe('0.000001000');
    expect(texMagnitude(12.3456789)).toBe('12.3457');
  });
});

describe('questionDerivation TeX', () => {
  it('renders in KaTeX without errors, the all-dropped mask included', () => {
    for (const mask of [SEED.mask, [0, 0, 0, 0] as (0 | 1)[], [1, 1, 1, 1] as (0 | 1)[]]) {
      for (const step of questionDerivation({ ...SEED, mask }).steps) {
        expect(() => renderToString(step.tex, { throwOnError: true, displayMode: true, trust: true, strict: 'ignore' })).not.toThrow();
      }
    }
  });
});
