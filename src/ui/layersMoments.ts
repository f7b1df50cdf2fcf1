/**
 * Section 5's closed-form numbers for inverted dropout with Bernoulli masks (docs/mathematics.md#bernoulli-moments,
 * #delta-method, #trapezoid-recipe): E‖y‖ by the quadrature, E‖y‖² = ‖x‖²/q, and the relative
 * spread sd‖y‖/E‖y‖, for the
 * reader's vector and for a family of generated layers of n = 4 … 4096 units.
 */
import { expectedMaskedNorm, generateVector, type VectorKind, type VectorSpec } from '../math/index.ts';
import type { VectorSource } from '../state/explorerState.ts';

/** Largest layer the section's size control offers. */
export const MAX_LAYER_UNITS = 4096;
/** The layer drawn when the reader's vector is typed in: the question's 192-unit state. */
export const DEFAULT_LAYER: Omit<VectorSpec, 'units'> = { kind: 'uniform', seed: 7, norm: 0.885 };
/** n of the spread chart: 4, 8, …, 4096. */
export const SPREAD_UNITS: readonly number[] = Array.from({ length: 11 }, (_, j) => 2 ** (j + 2));

/** The generated layer of `units` units that keeps the kind, seed and norm of a generated source. */
export function layerSpec(source: VectorSource, units: number): VectorSpec {
  const base = source.kind === 'generated' ? source.spec : DEFAULT_LAYER;
  return { kind: base.kind, seed: base.seed, norm: base.norm, units };
}

export interface LayerMoments {
  readonly norm: number;
  /** n_eff = ‖x‖⁴/Σx_i⁴ (0 for x = 0). */
  readonly nEff: number;
  /** E‖y‖ (closed form). */
  readonly meanNorm: number;
  /** √(E‖y‖²) = ‖x‖/√q. */
  readonly rmsNorm: number;
  /** sd‖y‖ = √(‖x‖²/q − (E‖y‖)²). */
  readonly sdNorm: number;
  /** sd‖y‖/E‖y‖ (0 for x = 0). */
  readonly relativeSpread: number;
  /** Its delta-method value ½√((1−q)/(q·n_eff)) (docs/mathematics.md#delta-method). */
  readonly approximateSpread: number;
}

/** The closed-form moments of ‖y‖ for y = m⊙x/q, m_i ~ Bernoulli(q). Never throws (q is clamped into (0, 1]). */
export function layerMoments(x: readonly number[], keep: number): LayerMoments {
  const q = Math.min(1, Math.max(Number.MIN_VALUE, keep));
  let largest = 0;
  for (const v of x) largest = Math.max(largest, Math.abs(v));
  if (!(largest > 0) || !Number.isFinite(largest)) {
    return { norm: 0, nEff: 0, meanNorm: 0, rmsNorm: 0, sdNorm: 0, relativeSpread: 0, approximateSpread: 0 };
  }
  // Scaled by the largest entry so that Σx⁴ neither overflows nor underflows.
  let squares = 0;
  let fourths = 0;
  for (const v of x) {
    const r = (v / largest) ** 2;
    squares += r;
    fourths += r * r;
  }
  const norm = largest * Math.sqrt(squares);
  const nEff = (squares * squares) / fourths;
  const meanNorm = expectedMaskedNorm(x, q) / q;
  const rmsNorm = norm / Math.sqrt(q);
  const sdNorm = Math.sqrt(Math.max(0, rmsNorm * rmsNorm - meanNorm * meanNorm));
  return {
    norm,
    nEff,
    meanNorm,
    rmsNorm,
    sdNorm,
    relativeSpread: meanNorm > 0 ? sdNorm / meanNorm : 0,
    approximateSpread: 0.5 * Math.sqrt((1 - q) / (q * nEff)),
  };
}

export interface SpreadPoint {
  readonly units: number;
  readonly nEff: number;
  readonly relativeSpread: number;
  readonly approximateSpread: number;
}

/**
 * sd‖y‖/E‖y‖ for generated layers of the given kind and seed at n = 4 … 4096 (the norm does not
 * matter: the ratio is scale-free). About 641·8188 quadrature terms in all, a few tens of ms.
 */
export function spreadCurve(kind: VectorKind, seed: number, keep: number): SpreadPoint[] {
  return SPREAD_UNITS.map((units) => {
    const m = layerMoments(generateVector({ kind, seed, units, norm: 1 }), keep);
    return { units, nEff: m.nEff, relativeSpread: m.relativeSpread, approximateSpread: m.approximateSpread };
  });
}
