/**
 * E‖m⊙x‖ exactly for any n, without enumerating masks (docs/mathematics.md#expected-norm-by-quadrature).
 *
 * √S = (1/2√π) ∫₀^∞ (1 − e^{−tS}) t^{−3/2} dt, so E√S = (1/2√π) ∫₀^∞ (1 − L(t)) t^{−3/2} dt with
 * L(t) = E e^{−tS}, S = ‖m⊙x‖². With r_i = x_i²/‖x‖² and τ = t‖x‖² = e^u:
 *   E‖m⊙x‖ = ‖x‖/(2√π) · ∫ (1 − L(e^u)) e^{−u/2} du,
 * integrated by the trapezoid rule on u = −80 + 0.25·k, k = 0 … 640 (error ≈ 3e-17/√q relative).
 */

/** First node of the u = log τ grid. */
export const QUADRATURE_START = -80;
/** Step h of the u grid. */
export const QUADRATURE_STEP = 0.25;
/** Number of nodes (u from −80 to 80). */
export const QUADRATURE_NODES = 641;

/**
 * Below τ = 2⁻⁶⁰, 1 − L(τ) = τ·E[S]/‖x‖² to better than 1e-18 relative (the next term is O(τ)),
 * so the product over units is skipped there.
 */
const LINEAR_REGIME_TAU = 2 ** -60;
/** Once L(τ) < e⁻⁴⁰, 1 − L rounds to 1 at this and every later node (L decreases in τ). */
const SATURATED_LOG_L = -40;

/** ‖x‖ without overflow or underflow, and r_i = x_i²/‖x‖² for the non-zero entries. */
export function normalisedSquares(x: readonly number[]): { norm: number; shares: Float64Array } {
  let largest = 0;
  let nonZero = 0;
  for (const value of x) {
    const magnitude = Math.abs(value);
    if (magnitude > largest) largest = magnitude;
    if (magnitude > 0) nonZero++;
  }
  const shares = new Float64Array(nonZero);
  if (largest === 0 || !Number.isFinite(largest)) return { norm: largest, shares };
  let sumSquares = 0;
  let j = 0;
  for (const value of x) {
    if (value === 0) continue;
    const scaled = value / largest;
    shares[j++] = scaled * scaled;
    sumSquares += scaled * scaled;
  }
  for (let i = 0; i < shares.length; i++) shares[i] = (shares[i] as number) / sumSquares;
  return { norm: largest * Math.sqrt(sumSquares), shares };
}

/** ‖x‖, without overflow or underflow (the one norm of x the page shows). */
export function vectorNorm(x: readonly number[]): number {
  return normalisedSquares(x).norm;
}

/**
 * n_eff = ‖x‖⁴/Σ x_i⁴ = 1/Σ r_i², the number of units that carry ‖x‖ (docs/mathematics.md#concentration-and-bimodality);
 * 0 for x = 0, where it is undefined.
 */
export function effectiveUnits(x: readonly number[]): number {
  const { norm, shares } = normalisedSquares(x);
  let sumShares2 = 0;
  for (const share of shares) sumShares2 += share * share;
  return norm === 0 ? 0 : 1 / sumShares2;
}

/** Trapezoid weight of node k (half at both ends). */
function nodeWeight(k: number): number {
  return k === 0 || k === QUADRATURE_NODES - 1 ? QUADRATURE_STEP / 2 : QUADRATURE_STEP;
}

/**
 * ‖x‖/(2√π) ∫ (1 − L(e^u)) e^{−u/2} du by the trapezoid rule on the shared nodes (docs/mathematics.md#trapezoid-recipe).
 * Below LINEAR_REGIME_TAU, 1 − L(τ) = slope·τ exactly to rounding; once a node reports L < e^{−40}
 * (saturated), every later node has 1 − L = 1, so `oneMinusL` is called only in between.
 */
function integrateNorm(
  norm: number,
  linearSlope: number,
  oneMinusLAt: (tau: number) => { readonly oneMinusL: number; readonly saturated: boolean },
): number {
  let integral = 0;
  let saturated = false;
  for (let k = 0; k < QUADRATURE_NODES; k++) {
    const u = QUADRATURE_START + QUADRATURE_STEP * k;
    const tau = Math.exp(u);
    let oneMinusL: number;
    if (saturated) {
      oneMinusL = 1;
    } else if (tau < LINEAR_REGIME_TAU) {
      oneMinusL = linearSlope * tau;
    } else {
      const node = oneMinusLAt(tau);
      oneMinusL = node.oneMinusL;
      saturated = node.saturated;
    }
    integral += nodeWeight(k) * oneMinusL * Math.exp(-u / 2);
  }
  return (norm / (2 * Math.sqrt(Math.PI))) * integral;
}

/**
 * E‖m⊙x‖ for m_i ~ Bernoulli(keep) i.i.d. (docs/mathematics.md#trapezoid-recipe):
 * 1 − L(τ) = −expm1(Σ_i log1p(q·expm1(−τ r_i))), which keeps full relative precision for small τ.
 * Zero entries are skipped; keep = 1 gives ‖x‖ (log1p(−1) = −∞, expm1(−∞) = −1). Cost 641·n
 * expm1/log1p pairs at most (nodes in the linear and saturated regimes need none).
 */
export function expectedMaskedNorm(x: readonly number[], keep: number): number {
  if (!(keep > 0 && keep <= 1)) throw new RangeError(`keep probability must be in (0, 1], got ${keep}`);
  const { norm, shares } = normalisedSquares(x);
  if (norm === 0 || !Number.isFinite(norm)) return norm;
  let sumShares = 0;
  for (const share of shares) sumShares += share;
  return integrateNorm(norm, keep * sumShares, (tau) => {
    let logL = 0;
    for (let i = 0; i < shares.length; i++) {
      logL += Math.log1p(keep * Math.expm1(-tau * (shares[i] as number)));
    }
    return { oneMinusL: -Math.expm1(logL), saturated: logL < SATURATED_LOG_L };
  });
}

/**
 * W_{i,r} = C(i, r)·C(n−1−i, k−1−r)/C(n, k) = P(i ∈ K and exactly r of the indices before i ∈ K),
 * row-major n × k, from log-factorials, each row renormalised to Σ_r W_{i,r} = k/n (docs/mathematics.md#fixed-count-variant).
 */
function inclusionWeights(units: number, kept: number): Float64Array {
  const logFactorial = new Float64Array(units + 1);
  for (let j = 1; j <= units; j++) logFactorial[j] = (logFactorial[j - 1] as number) + Math.log(j);
  const lf = (j: number): number => logFactorial[j] as number;
  const logChoose = (a: number, b: number): number => lf(a) - lf(b) - lf(a - b);
  const weights = new Float64Array(units * kept);
  const logTotal = logChoose(units, kept);
  for (let i = 0; i < units; i++) {
    const low = Math.max(0, kept - units + i);
    const high = Math.min(i, kept - 1);
    let rowSum = 0;
    for (let r = low; r <= high; r++) {
      const w = Math.exp(logChoose(i, r) + logChoose(units - 1 - i, kept - 1 - r) - logTotal);
      weights[i * kept + r] = w;
      rowSum += w;
    }
    const fix = kept / units / rowSum;
    for (let r = low; r <= high; r++) weights[i * kept + r] = (weights[i * kept + r] as number) * fix;
  }
  return weights;
}

/**
 * E‖m⊙x‖ when exactly `kept` = k of the n units are kept, uniformly over the C(n, k) subsets
 * (docs/mathematics.md#fixed-count-variant). Telescoping form, every term ≥ 0:
 *   1 − L(τ) = Σ_i v_i Σ_r W_{i,r} ē_r(i),  v_i = −expm1(−τ r_i),  z_i = e^{−τ r_i},
 * ē_r(i) = mean over r-subsets of the units before i of Π z_j, updated by the convex combination
 * ē_r(i+1) = ((i+1−r)/(i+1))·ē_r(i) + (r/(i+1))·z_i·ē_{r−1}(i); ē_k(n) = L(τ) itself.
 * k = 0 gives 0 and k = n gives ‖x‖. Cost O(641·n·k) time and O(n·k) memory (n = 192, k = 96: ~12 M
 * multiply-adds), so it is meant for n up to a few hundred.
 */
export function expectedMaskedNormFixed(x: readonly number[], kept: number): number {
  const n = x.length;
  if (!(Number.isInteger(kept) && kept >= 0 && kept <= n)) {
    throw new RangeError(`kept must be a whole number from 0 to ${n}, got ${kept}`);
  }
  const { norm, shares: nonZeroShares } = normalisedSquares(x);
  if (kept === 0 || norm === 0 || !Number.isFinite(norm)) return kept === 0 ? 0 : norm;
  if (kept === n) return norm;
  // Zero entries take part in the count, so keep every unit (share 0 for zeros).
  const shares = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < n; i++) if (x[i] !== 0) shares[i] = nonZeroShares[j++] as number;
  const weights = inclusionWeights(n, kept);
  const meanProducts = new Float64Array(kept + 1); // ē_r, r = 0 … k
  // Below the linear regime, 1 − L(τ) = τ·E[S]/‖x‖² = τ·q·Σ r_i with q = k/n and Σ r_i = 1.
  return integrateNorm(norm, kept / n, (tau) => {
    meanProducts.fill(0);
    meanProducts[0] = 1;
    let oneMinusL = 0;
    for (let i = 0; i < n; i++) {
      const share = shares[i] as number;
      const high = Math.min(i, kept - 1);
      if (share > 0) {
        const v = -Math.expm1(-tau * share);
        const low = Math.max(0, kept - n + i);
        const row = i * kept;
        let inner = 0;
        for (let r = low; r <= high; r++) inner += (weights[row + r] as number) * (meanProducts[r] as number);
        oneMinusL += v * inner;
      }
      // ē_r(i) → ē_r(i+1), r descending so that ē_{r−1}(i) is still the old value.
      const z = Math.exp(-tau * share);
      const top = Math.min(i + 1, kept);
      const inv = 1 / (i + 1);
      for (let r = top; r >= 1; r--) {
        meanProducts[r] =
          (i + 1 - r) * inv * (meanProducts[r] as number) + r * inv * z * (meanProducts[r - 1] as number);
      }
    }
    return { oneMinusL, saturated: (meanProducts[kept] as number) < Math.exp(SATURATED_LOG_L) };
  });
}
