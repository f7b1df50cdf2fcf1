/**
 * The exact law of ‖y‖ = f(R) for DropConnect from the enumerated norms R = ‖(M⊙W)x‖ (sorted per kept
 * count K, enumerateDropConnect.ts), with f(R) = s·R for a scalar compensation and f(R) = ‖Wx‖·[R > 0]
 * for 'match'. f is non-decreasing, so every event {f(R) ≥ v} is {R ≥ some atom} and a quantile of
 * ‖y‖ is f of the same quantile of R. Masses are integer counts (binary searches) times q^K(1−q)^(dn−K).
 */
import { firstWhere } from './enumerateDropConnect.ts';
import type { MaskLaw } from './maskLaw.ts';
import { NORM_TOLERANCE } from './normThresholds.ts';

export interface DropConnectLaw {
  readonly probabilities: number[];
  readonly pAboveNorm: number;
  readonly pAtNorm: number;
  readonly medianNorm: number;
  readonly medianUpperNorm: number;
  /** P(R = 0): every output exactly zero. */
  readonly pZero: number;
  /** The largest R over all masks. */
  readonly largest: number;
}

/** mass(test(R)) for a monotone test (false … true along each sorted list). */
function massWhere(norms: readonly Float64Array[], law: MaskLaw, test: (r: number) => boolean): number {
  let mass = 0;
  norms.forEach((list, k) => {
    const m = law.maskMass[k]!;
    if (m > 0) mass += m * (list.length - firstWhere(list, test));
  });
  return mass;
}

/** mass(first test ≤ R-position < second test): integer count differences per K, weighed. */
function massBetween(
  norms: readonly Float64Array[],
  law: MaskLaw,
  low: (r: number) => boolean,
  high: (r: number) => boolean,
): number {
  let mass = 0;
  norms.forEach((list, k) => {
    const m = law.maskMass[k]!;
    if (m > 0) mass += m * (firstWhere(list, high) - firstWhere(list, low));
  });
  return mass;
}

/** The smallest atom v of R with mass(R ≤ v) ≥ target (strict: > target), by bisection on atoms. */
function quantile(norms: readonly Float64Array[], law: MaskLaw, target: number, strict: boolean): number {
  const reached = (m: number): boolean => (strict ? m > target : m >= target);
  const live = norms.filter((list, k) => law.maskMass[k]! > 0 && list.length > 0);
  let low = Math.min(...live.map((list) => list[0]!));
  let high = Math.max(...live.map((list) => list[list.length - 1]!));
  while (low < high) {
    let probe = low + (high - low) / 2;
    if (!(probe > low)) probe = high;
    const below = law.totalMass - massWhere(norms, law, (r) => r >= probe);
    if (reached(below)) {
      // Largest atom below the probe.
      high = Math.max(...live.map((list) => list[firstWhere(list, (r) => r >= probe) - 1] ?? Number.NEGATIVE_INFINITY));
    } else {
      low = Math.min(...live.map((list) => list[firstWhere(list, (r) => r >= probe)] ?? Number.POSITIVE_INFINITY));
    }
  }
  return low;
}

export function dropConnectLaw(
  norms: readonly Float64Array[],
  law: MaskLaw,
  toNorm: (r: number) => number,
  testNorm: number,
  edges: readonly number[],
): DropConnectLaw {
  const bins = edges.length - 1;
  const slack = NORM_TOLERANCE * Math.max(Math.abs(edges[0]!), Math.abs(edges[bins]!));
  const atLeast = (v: number) => (r: number): boolean => toNorm(r) >= v;
  const above = (v: number) => (r: number): boolean => toNorm(r) > v;
  const probabilities = Array.from(
    { length: bins },
    (_, j) =>
      massBetween(norms, law, atLeast(edges[j]! - slack), j + 1 < bins ? atLeast(edges[j + 1]! - slack) : above(edges[bins]! + slack)) /
      law.totalMass,
  );
  const aboveNorm = above(testNorm * (1 + NORM_TOLERANCE));
  const half = law.totalMass / 2;
  const lower = quantile(norms, law, half, false);
  const upper = quantile(norms, law, half, true);
  return {
    probabilities,
    pAboveNorm: massWhere(norms, law, aboveNorm) / law.totalMass,
    pAtNorm: massBetween(norms, law, atLeast(testNorm * (1 - NORM_TOLERANCE)), aboveNorm) / law.totalMass,
    medianNorm: toNorm(lower),
    medianUpperNorm: toNorm(upper),
    pZero: (law.totalMass - massWhere(norms, law, (r) => r > 0)) / law.totalMass,
    largest: Math.max(...norms.map((list) => list[list.length - 1] ?? 0)),
  };
}
