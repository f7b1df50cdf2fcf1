/**
 * Number formatting shared by prose, tables and formulas. Rounds half away from zero at a fixed
 * number of decimals, so a value is always "right to the digits shown".
 */

/** A fixed number of decimals, without a "-0". */
export function formatFixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : 'undefined';
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text.replace('-', '−');
}

/** A probability: exact-looking short form for 0 and 1, else 4 significant digits. */
export function formatProbability(value: number): string {
  if (value === 0) return '0';
  if (value === 1) return '1';
  if (value >= 0.001) return String(Number(value.toPrecision(4)));
  return value.toExponential(3).replace('e-', '×10^-');
}

/** The value as plain ASCII for TeX (TeX has its own minus sign). */
export function texNumber(value: number, decimals: number): string {
  return formatFixed(value, decimals).replace('−', '-');
}

/** Shortest decimal text of q with at least two decimals (0.5 → "0.50", 0.125 → "0.125"). */
export function formatKeep(keep: number): string {
  const text = String(Number(keep.toFixed(6)));
  const decimals = text.split('.')[1]?.length ?? 0;
  return formatFixed(keep, Math.max(2, decimals));
}
