import { keepsCount } from './maskModels.ts';

/**
 * Var(‖y‖²) for the unit models (docs/mathematics.md#bernoulli-moments, #fixed-count-moments), with a_i = x_i², ā = ‖x‖²/n:
 * - scalar s: ‖y‖² = s²·S, Var S = q(1−q)·Σ a_i² (Bernoulli) or q(1−q)·n/(n−1)·Σ (a_i − ā)² (fixed, the
 *   finite-population correction; 0 for n = 1);
 * - 'match': ‖y‖² = ‖x‖² with probability 1 − P0, else 0: Var = ‖x‖⁴·P0·(1 − P0).
 * Squares are formed on x/max|x| so that nothing overflows before the final scaling.
 */
export function squareNormVariance(
  x: readonly number[],
  keep: number,
  model: 'bernoulli' | 'fixed',
  scale: number | null,
  pAllDropped: number,
): number {
  const n = x.length;
  let largest = 0;
  for (const v of x) largest = Math.max(largest, Math.abs(v));
  if (largest === 0) return 0;
  const shares = x.map((v) => (v / largest) ** 2);
  const sum = shares.reduce((a, b) => a + b, 0);
  const l4 = largest ** 4;
  if (scale === null) return l4 * sum * sum * pAllDropped * (1 - pAllDropped);
  let spread: number;
  if (!keepsCount(model)) {
    spread = shares.reduce((acc, a) => acc + a * a, 0);
  } else {
    if (n === 1) return 0;
    const mean = sum / n;
    spread = (shares.reduce((acc, a) => acc + (a - mean) ** 2, 0) * n) / (n - 1);
  }
  return scale ** 4 * keep * (1 - keep) * spread * l4;
}
