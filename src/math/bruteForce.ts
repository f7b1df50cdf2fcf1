/**
 * The slow, obviously correct law of the masks, for tests only: loop over all 2ⁿ Bernoulli(q)
 * masks, no Gray code, no grid units, no quadrature. Tests check the engine against these.
 */

/** Each mask's probability q^k (1−q)^(n−k) and ‖m⊙x‖, bit i of the mask index = unit i kept. */
export function bruteForceMasks(x: readonly number[], q: number): { probability: number; maskedNorm: number }[] {
  const out: { probability: number; maskedNorm: number }[] = [];
  for (let mask = 0; mask < 2 ** x.length; mask++) {
    let squares = 0;
    let kept = 0;
    x.forEach((v, i) => {
      if ((mask >> i) & 1) {
        squares += v * v;
        kept++;
      }
    });
    out.push({ probability: q ** kept * (1 - q) ** (x.length - kept), maskedNorm: Math.sqrt(squares) });
  }
  return out;
}

/** E‖m⊙x‖. */
export function bruteMaskedNorm(x: readonly number[], q: number): number {
  return bruteForceMasks(x, q).reduce((mean, m) => mean + m.probability * m.maskedNorm, 0);
}

/** P(‖m⊙x‖/q ≤ t). */
export function brutePercentile(x: readonly number[], q: number, t: number): number {
  return bruteForceMasks(x, q).reduce((p, m) => (m.maskedNorm / q <= t ? p + m.probability : p), 0);
}
