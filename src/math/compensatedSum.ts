/**
 * Neumaier's compensated summation into slot i of (sums, errors): the running total is
 * sums[i] + errors[i], accurate to about one rounding of the final value whatever the number of terms.
 */
export function addCompensated(sums: Float64Array, errors: Float64Array, i: number, value: number): void {
  const sum = sums[i]!;
  const next = sum + value;
  errors[i] = errors[i]! + (Math.abs(sum) >= Math.abs(value) ? sum - next + value : value - next + sum);
  sums[i] = next;
}
