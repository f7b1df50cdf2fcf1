import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { inNotation } from './texNotation.ts';

describe('inNotation(tex, notation)', () => {
  it('leaves the keep notation alone', () => {
    expect(inNotation(String.raw`\frac{\lVert x\rVert^2}{q}`, 'keep')).toBe(String.raw`\frac{\lVert x\rVert^2}{q}`);
  });

  it('writes every free q as (1 − p), inside fractions, roots and powers', () => {
    expect(inNotation(String.raw`\frac{1}{q} \le \frac{1}{\sqrt q} \quad q^k(1-q)^{n-k}`, 'drop')).toBe(
      String.raw`\frac{1}{{(1-p)}} \le \frac{1}{\sqrt {(1-p)}} \quad {(1-p)}^k(1-{(1-p)})^{n-k}`,
    );
  });

  it('keeps commands and words that contain the letter q', () => {
    const tex = String.raw`a \qquad b \quad \sqrt{2} \text{equal} \mathrm{sq}`;
    expect(inNotation(tex, 'drop')).toBe(tex);
  });

  it('still renders with KaTeX', () => {
    const tex = inNotation(String.raw`\mathbb{E}\lVert y\rVert \le \frac{\lVert x\rVert}{\sqrt q} = \frac{5.0060}{\sqrt{0.50}}`, 'drop');
    expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
  });
});
