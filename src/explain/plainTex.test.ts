import { describe, expect, it } from 'vitest';
import { questionDerivation } from './questionDerivation.ts';
import { plainTex } from './plainTex.ts';

describe('plainTex', () => {
  it('reads the question’s derivation as plain text with its numbers', () => {
    const steps = questionDerivation({ x: [0.1, 0.1, 0.2, 5], mask: [0, 0, 1, 1], keep: 0.5 }).steps.map((s) => plainTex(s.tex));
    expect(steps[0]).toBe('‖m⊙x‖ = √(Σ_(mᵢ=1) xᵢ²) = √(0.2² + 5.0²) = √25.0400 = 5.0040');
    expect(steps[1]).toBe('‖y‖ = ‖m⊙x‖/q = 5.0040/0.50 = 10.0080');
  });
  it('writes fractions, roots, scripts, Greek letters and aligned lines', () => {
    expect(plainTex(String.raw`\frac{1-q}{q}\sum_i W_{1i}^2 x_i^2`)).toBe('(1−q)/q Σᵢ W₁ᵢ² xᵢ²');
    expect(plainTex(String.raw`\sqrt{\mathbb{E}\lVert y\rVert^2} \le \frac{\lVert x\rVert}{\sqrt q}`)).toBe('√(E‖y‖²) ≤ ‖x‖/√q');
    expect(plainTex(String.raw`\begin{aligned}a &= b \\ &= c\end{aligned}`)).toBe('a = b; = c');
    expect(plainTex(String.raw`\operatorname{Var} z = \sigma^{2}, \quad \Phi(0.9)`)).toBe('Var z = σ², Φ(0.9)');
    expect(plainTex(String.raw`x^{n-1}\cdot y_{(k)}`)).toBe('xⁿ⁻¹·y₍ₖ₎');
  });
  it('never loses an unknown command or the text of a group', () => {
    expect(plainTex(String.raw`\foo{bar} + {baz}`)).toBe('foobar + baz');
  });
});
