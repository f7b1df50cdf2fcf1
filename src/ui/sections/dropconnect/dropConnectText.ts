/**
 * Words and table rows for section 8 (DropConnect): text alternatives and data tables from the
 * closed-form moments of docs/mathematics.md#dropconnect.
 */
import { formatFixed } from '../../../explain/formatNumber.ts';
import { formatAdaptive } from '../../../explain/meanDerivation.ts';
import type { DropConnectMoments } from '../../../explain/dropConnectDerivation.ts';
import type { DropConnectWeights } from '../../../math/index.ts';

/** Inputs listed in the weight table. */
export const MAX_WEIGHT_TABLE_INPUTS = 64;

/** The per-output figure in words. */
export function describeOutputs(moments: DropConnectMoments): string {
  const parts = moments.means.map((mean, j) => {
    const sd = Math.sqrt(Math.max(0, moments.variances[j] ?? 0));
    return `output ${j + 1}: (Wx) = ${formatAdaptive(mean)}, sd = ${formatAdaptive(sd)} for both`;
  });
  return `Mean and ±1 standard deviation of each output, DropConnect and unit dropout (closed form): ${parts.join('; ')}.`;
}

/** Rows of the outputs table: output j, (Wx)_j, sd u_j (DropConnect), sd z_j (unit dropout). */
export function outputRows(moments: DropConnectMoments): string[][] {
  return moments.means.map((mean, j) => {
    const sd = formatAdaptive(Math.sqrt(Math.max(0, moments.variances[j] ?? 0)));
    return [`output ${j + 1}`, formatAdaptive(mean), sd, sd];
  });
}

/** Rows of unit dropout's correlation matrix (— where an output has no variance). */
export function correlationRows(moments: DropConnectMoments): string[][] {
  return moments.unitCorrelation.map((row, j) => [
    `output ${j + 1}`,
    ...row.map((c) => (Number.isFinite(c) ? formatFixed(c, 4) : '—')),
  ]);
}

/** Rows of the weight table: input i, x_i, W_1i … W_di (6 decimals, to recompute by hand). */
export function weightMatrixRows(x: readonly number[], weights: DropConnectWeights, limit: number): string[][] {
  const n = x.length;
  return x.slice(0, limit).map((v, i) => [
    String(i + 1),
    formatFixed(v, 6),
    ...Array.from({ length: weights.rows }, (_, j) => formatFixed(weights.values[j * n + i] ?? 0, 6)),
  ]);
}

/** The largest |Corr(z_j, z_l)| over j ≠ l, with its pair (1-based), or null for a single output. */
export function strongestCorrelation(moments: DropConnectMoments): { value: number; j: number; l: number } | null {
  let best: { value: number; j: number; l: number } | null = null;
  moments.unitCorrelation.forEach((row, j) =>
    row.forEach((c, l) => {
      if (l > j && Number.isFinite(c) && (best === null || Math.abs(c) > Math.abs(best.value))) best = { value: c, j: j + 1, l: l + 1 };
    }),
  );
  return best;
}
