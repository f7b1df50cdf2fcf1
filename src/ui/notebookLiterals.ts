/**
 * The current example as code a reader pastes into a notebook: x, the mask m, q and y = m * x / q
 * in NumPy and in PyTorch, with the app's ‖m⊙x‖ and ‖y‖ in a comment to check against. Numbers are
 * written at full precision (String(value)), so the pasted arrays are the app's arrays.
 */

export interface NotebookInput {
  readonly x: readonly number[];
  /** The mask, one 0/1 per unit. */
  readonly mask: readonly (0 | 1)[];
  /** q, the keep probability (y = m * x / q). */
  readonly keep: number;
  /** ‖m⊙x‖ and ‖y‖ as the app computed them for this mask. */
  readonly maskedNorm: number;
  readonly compensatedNorm: number;
}

/** A float as a Python literal: every digit JavaScript keeps, always readable as a float ("5.0", "1e-07"). */
export function pythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'float("nan")';
  if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : '-float("inf")';
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

const floats = (values: readonly number[]) => values.map(pythonFloat).join(', ');
const bits = (mask: readonly (0 | 1)[]) => mask.map((b) => (b === 1 ? '1' : '0')).join(', ');

/** The comment with the app's norms, to compare with what the notebook prints. */
function checkComment({ maskedNorm, compensatedNorm }: NotebookInput): string {
  return `# The app computed (exactly, for this one mask): ‖m⊙x‖ = ${pythonFloat(maskedNorm)}, ‖y‖ = ${pythonFloat(compensatedNorm)}`;
}

/** NumPy code. */
export function numpyLiteral(input: NotebookInput): string {
  return [
    'import numpy as np',
    '',
    `x = np.array([${floats(input.x)}])`,
    `m = np.array([${bits(input.mask)}])`,
    `q = ${pythonFloat(input.keep)}`,
    'y = m * x / q',
    '',
    checkComment(input),
    'print(np.linalg.norm(m * x), np.linalg.norm(y))',
  ].join('\n');
}

/** PyTorch code (float64, so the digits match the app's). */
export function torchLiteral(input: NotebookInput): string {
  return [
    'import torch',
    '',
    `x = torch.tensor([${floats(input.x)}], dtype=torch.float64)`,
    `m = torch.tensor([${bits(input.mask)}], dtype=torch.float64)`,
    `q = ${pythonFloat(input.keep)}`,
    'y = m * x / q',
    '',
    checkComment(input),
    'print(torch.linalg.vector_norm(m * x).item(), torch.linalg.vector_norm(y).item())',
  ].join('\n');
}
