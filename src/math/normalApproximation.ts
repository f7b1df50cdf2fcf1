/**
 * The page's one normal distribution function and its Edgeworth correction (docs/mathematics.md#normal-and-edgeworth-approximations).
 * erfc is Numerical Recipes' erfcc, a Chebyshev fit with fractional error below 1.2e-7 everywhere,
 * far below the 4 significant digits any probability is shown with.
 */

/** erfc(x) by Numerical Recipes' erfcc (a Chebyshev fit): fractional error below 1.2e-7, enough for 4 decimals. */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 +
          t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Φ(z), the standard normal distribution function (absolute error < 1e-7). */
export function normalCdf(z: number): number {
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * Normal and Edgeworth approximations of P(S ≤ s) for S = Σ m_i a_i, m_i ~ Bernoulli(q) i.i.d.
 * Cumulants: κ₁ = qΣa, κ₂ = q(1−q)Σa², κ₃ = q(1−q)(1−2q)Σa³, κ₄ = q(1−q)(1−6q(1−q))Σa⁴;
 * F ≈ Φ(z) − φ(z)[γ₁He₂(z)/6 + γ₂He₃(z)/24 + γ₁²He₅(z)/72].
 */
export function normalApproximation(
  x: readonly number[],
  keep: number,
  threshold: number,
): { z: number | null; normal: number; edgeworth: number } {
  const q = keep;
  let largest = 0;
  for (const v of x) largest = Math.max(largest, Math.abs(v));
  const step = threshold >= 0 ? 1 : 0;
  if (!(largest > 0) || q >= 1) {
    // S does not vary: ‖y‖ = ‖x‖ (q = 1) or 0 (x = 0) on every mask.
    const norm = Math.sqrt(x.reduce((s, v) => s + v * v, 0));
    const p = (q >= 1 ? norm : 0) <= threshold ? 1 : 0;
    return { z: null, normal: p * step, edgeworth: p * step };
  }
  // Work in units of the largest entry squared (a_i = (x_i/largest)², s scaled alike).
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (const v of x) {
    const a = (v / largest) ** 2;
    s1 += a;
    s2 += a * a;
    s3 += a * a * a;
    s4 += a * a * a * a;
  }
  const pq = q * (1 - q);
  const k2 = pq * s2;
  const g1 = (pq * (1 - 2 * q) * s3) / k2 ** 1.5;
  const g2 = (pq * (1 - 6 * pq) * s4) / (k2 * k2);
  const s = (q * Math.max(0, threshold) / largest) ** 2;
  const z = (s - q * s1) / Math.sqrt(k2);
  const normal = normalCdf(z);
  const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
  const he2 = z * z - 1;
  const he3 = z * z * z - 3 * z;
  const he5 = z ** 5 - 10 * z ** 3 + 15 * z;
  const correction = density * ((g1 * he2) / 6 + (g2 * he3) / 24 + (g1 * g1 * he5) / 72);
  const edgeworth = Math.min(1, Math.max(0, normal - correction));
  return { z, normal, edgeworth };
}

/** Φ((v − mean)/sd): the distribution function of N(mean, sd²) at v (sd > 0). */
export function normalDistribution(v: number, mean: number, sd: number): number {
  return normalCdf((v - mean) / sd);
}
