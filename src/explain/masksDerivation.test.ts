import { renderToString } from 'katex';
import { describe, expect, it } from 'vitest';
import { masksDerivation, texProbability } from './masksDerivation.ts';

/** The question's x = (0.1, 0.1, 0.2, 5.0). */
const X = [0.1, 0.1, 0.2, 5.0];
const NORM = Math.sqrt(25.06);

/** Every mask of x by brute force, written here independently of src/math. */
function bruteRows(x: readonly number[], keep: number, fixedKept?: number) {
  const n = x.length;
  const rows: { kept: number; probability: number; maskedNorm: number }[] = [];
  for (let r = 0; r < 2 ** n; r++) {
    let kept = 0;
    let s = 0;
    for (let i = 0; i < n; i++) {
      if ((r >> (n - 1 - i)) & 1) {
        kept++;
        s += (x[i] ?? 0) ** 2;
      }
    }
    if (fixedKept !== undefined && kept !== fixedKept) continue;
    rows.push({ kept, probability: keep ** kept * (1 - keep) ** (n - kept), maskedNorm: Math.sqrt(s) });
  }
  if (fixedKept !== undefined) for (const row of rows) row.probability = 1 / rows.length;
  return rows;
}

const stepTex = (d: ReturnType<typeof masksDerivation>, id: string) => d.steps.find((s) => s.id === id)?.tex ?? '';

describe('masksDerivation, fixed count (the accepted answer)', () => {
  const d = masksDerivation({ rows: bruteRows(X, 0.5, 2), model: 'fixed', units: 4, keep: 0.5, kept: 2, norm: NORM });

  it('averages six masks: E‖m⊙x‖ = 2.599105526, E‖y‖ = 5.198211051 (docs/mathematics.md#reference-values)', () => {
    expect(d.count).toBe(6);
    expect(d.totalProbability).toBeCloseTo(1, 15);
    expect(d.meanMaskedNorm).toBeCloseTo(2.599105526, 9);
    expect(d.meanNorm).toBeCloseTo(5.198211051, 9);
  });

  it('writes P(m) = 1/C(4,2) = 1/6 and q = 2/4', () => {
    expect(stepTex(d, 'general')).toContain(String.raw`\frac{1}{\binom{4}{2}} = \frac{1}{6}`);
    expect(stepTex(d, 'general')).toContain(String.raw`\frac{2}{4} = 0.50`);
  });

  it('lists the six norms and their mean 15.5946 / 6 = 2.5991', () => {
    const tex = stepTex(d, 'numbers');
    expect(tex).toContain(String.raw`\frac{1}{6}\left(5.0040 + 5.0010 + 0.2236 + 5.0010 + 0.2236 + 0.1414\right)`);
    expect(tex).toContain(String.raw`\frac{15.5946}{6} = 2.5991`);
  });

  it('divides by q: 2.5991 / 0.50 = 5.1982 against ‖x‖ = 5.0060', () => {
    expect(stepTex(d, 'division')).toContain(String.raw`\frac{2.5991}{0.50} = 5.1982`);
    expect(stepTex(d, 'division')).toContain('5.0060');
  });
});

describe('masksDerivation, Bernoulli (real dropout)', () => {
  const d = masksDerivation({ rows: bruteRows(X, 0.5), model: 'bernoulli', units: 4, keep: 0.5, norm: NORM });

  it('weighs all 16 masks: E‖m⊙x‖ = 2.578598321, E‖y‖ = 5.157196642 (docs/mathematics.md#reference-values)', () => {
    expect(d.count).toBe(16);
    expect(d.totalProbability).toBeCloseTo(1, 15);
    expect(d.meanMaskedNorm).toBeCloseTo(2.578598321, 9);
    expect(d.meanNorm).toBeCloseTo(5.157196642, 9);
  });

  it('groups the masks by k, each group weighted 0.0625 at q = ½ (S_1 = Σ|x_i| = 5.4)', () => {
    const tex = stepTex(d, 'numbers');
    expect(tex).toContain(String.raw`0.0625\cdot 0.0000 + 0.0625\cdot 5.4000 + 0.0625\cdot 15.5946`);
    expect(tex).toContain(String.raw`0.0625\cdot 5.0060 = 2.5786`);
    expect(stepTex(d, 'division')).toContain(String.raw`\frac{2.5786}{0.50} = 5.1572`);
  });

  it('weights the groups by q^k (1−q)^(n−k) at other q', () => {
    const e = masksDerivation({ rows: bruteRows(X, 0.8), model: 'bernoulli', units: 4, keep: 0.8, norm: NORM });
    // k = 0: 0.2⁴ = 0.0016; k = 1: 0.8·0.2³ = 0.0064.
    expect(stepTex(e, 'numbers')).toContain(String.raw`0.0016\cdot 0.0000 + 0.0064\cdot 5.4000`);
    const expected = bruteRows(X, 0.8).reduce((s, r) => s + r.probability * r.maskedNorm, 0);
    expect(e.meanMaskedNorm).toBeCloseTo(expected, 14);
    expect(e.meanNorm).toBeCloseTo(expected / 0.8, 14);
  });

  it('shortens the sum for twelve units (13 groups)', () => {
    const x = Array.from({ length: 12 }, (_, i) => i + 1);
    const e = masksDerivation({ rows: bruteRows(x, 0.5), model: 'bernoulli', units: 12, keep: 0.5, norm: Math.hypot(...x) });
    expect(e.count).toBe(4096);
    expect(stepTex(e, 'numbers')).toContain(String.raw`\cdots`);
    expect(stepTex(e, 'numbers')).toContain(String.raw`2.441\times 10^{-4}`);
  });
});

describe('texProbability', () => {
  it('writes four significant digits, small values with a power of ten', () => {
    expect(texProbability(0.0625)).toBe('0.0625');
    expect(texProbability(1 / 6)).toBe('0.1667');
    expect(texProbability(2 ** -12)).toBe(String.raw`2.441\times 10^{-4}`);
    expect(texProbability(0)).toBe('0');
  });
});

describe('masksDerivation TeX', () => {
  it('renders in KaTeX without errors for both models', () => {
    for (const d of [
      masksDerivation({ rows: bruteRows(X, 0.5, 2), model: 'fixed', units: 4, keep: 0.5, kept: 2, norm: NORM }),
      masksDerivation({ rows: bruteRows(X, 0.3), model: 'bernoulli', units: 4, keep: 0.3, norm: NORM }),
    ]) {
      for (const step of d.steps) {
        expect(() => renderToString(step.tex, { throwOnError: true, displayMode: true, trust: true, strict: 'ignore' })).not.toThrow();
      }
    }
  });
});
