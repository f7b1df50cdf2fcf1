import { describe, expect, it } from 'vitest';
import { numpyLiteral, pythonFloat, torchLiteral, type NotebookInput } from './notebookLiterals.ts';

/** Reads a Python list literal of numbers back (the way Python would for these literals). */
function readList(code: string, name: string): number[] {
  const match = new RegExp(`^${name} = (?:np\\.array|torch\\.tensor)\\(\\[([^\\]]*)\\]`, 'm').exec(code);
  if (match === null) throw new Error(`no ${name} in ${code}`);
  return (match[1] ?? '').split(',').map((t) => Number(t.trim()));
}

const readScalar = (code: string, name: string) => Number(new RegExp(`^${name} = (.*)$`, 'm').exec(code)?.[1]);

/** An independent example: ‖m⊙x‖ by brute force. */
function example(x: number[], mask: (0 | 1)[], keep: number): NotebookInput {
  const maskedNorm = Math.sqrt(x.reduce((s, v, i) => s + (mask[i] === 1 ? v * v : 0), 0));
  return { x, mask, keep, maskedNorm, compensatedNorm: maskedNorm / keep };
}

describe('notebook literals', () => {
  const question = example([0.1, 0.1, 0.2, 5.0], [0, 0, 1, 1], 0.5);

  it('writes the question’s example as NumPy the reader can paste', () => {
    const code = numpyLiteral(question);
    expect(code).toContain('x = np.array([0.1, 0.1, 0.2, 5.0])');
    expect(code).toContain('m = np.array([0, 0, 1, 1])');
    expect(code).toContain('q = 0.5');
    expect(code).toContain('y = m * x / q');
    // 5.004 becoming 10.008 (docs/mathematics.md#reference-values: 5.003998401, 10.00799680).
    expect(code).toMatch(/‖m⊙x‖ = 5\.003998401/);
    expect(code).toMatch(/‖y‖ = 10\.00799680/);
  });

  it('writes the same numbers as PyTorch float64 tensors', () => {
    const code = torchLiteral(question);
    expect(code).toContain('x = torch.tensor([0.1, 0.1, 0.2, 5.0], dtype=torch.float64)');
    expect(code).toContain('m = torch.tensor([0, 0, 1, 1], dtype=torch.float64)');
    expect(code).toContain('y = m * x / q');
  });

  it('prints every digit: evaluating the printed numbers gives back the vector, and y = m*x/q matches', () => {
    const x = [Math.PI, -1 / 3, 1e-7, 123456.789, 2 ** -30, 0, 7];
    const mask: (0 | 1)[] = [1, 0, 1, 1, 0, 1, 1];
    const keep = 0.7;
    const input = example(x, mask, keep);
    for (const code of [numpyLiteral(input), torchLiteral(input)]) {
      const xBack = readList(code, 'x');
      const mBack = readList(code, 'm');
      const qBack = readScalar(code, 'q');
      expect(xBack).toEqual(x);
      expect(mBack).toEqual(mask);
      expect(qBack).toBe(keep);
      const y = xBack.map((v, i) => ((mBack[i] ?? 0) * v) / qBack);
      const yNorm = Math.hypot(...y);
      const printed = Number(/‖y‖ = (\S+)$/m.exec(code)?.[1]);
      expect(printed).toBeCloseTo(yNorm, 12);
    }
  });

  it('writes every float so Python reads a float', () => {
    expect(pythonFloat(5)).toBe('5.0');
    expect(pythonFloat(-2)).toBe('-2.0');
    expect(pythonFloat(0.1)).toBe('0.1');
    expect(pythonFloat(1e-7)).toBe('1e-7');
    expect(pythonFloat(1e21)).toBe('1e+21');
    expect(pythonFloat(Number.NaN)).toBe('float("nan")');
    expect(pythonFloat(Number.NEGATIVE_INFINITY)).toBe('-float("inf")');
  });
});
