/**
 * Histogram edges that show a concentrated distribution in detail. For a spread-out vector ‖y‖
 * lives in a narrow window around ‖x‖/√q (docs/mathematics.md#concentration-and-bimodality), so equal bins over the whole support
 * [0, max‖y‖] would put it in a few bars. Here the inner bins cover E‖y‖ ± 6 sd (clipped to the
 * support) and the first and last bins reach out to 0 and max‖y‖, so no probability is left out.
 * When the window is not much narrower than the support, the plain equal-width edges are used.
 */
import { defaultEdges } from './analysisPlan.ts';
import { expectedMaskedNorm } from './expectedNorm.ts';
import { isPerSample, scalarScale } from './compensations.ts';
import type { Compensation } from './types.ts';

/** Half-width of the detailed window, in standard deviations of ‖y‖. */
export const WINDOW_SDS = 6;

/** Edges for the Bernoulli or fixed-count law (kept = k) of ‖y‖ (bins ≥ 5); DropConnect and 'match' use defaultEdges. */
export function focusedEdges(x: readonly number[], keep: number, compensation: Compensation, bins: number, kept?: number): number[] {
  const plain = defaultEdges(x, keep, compensation, bins, undefined, kept);
  const top = plain[plain.length - 1] ?? 1;
  if (isPerSample(compensation) || bins < 5 || x.length <= 24) return plain;
  const normSquared = x.reduce((s, v) => s + v * v, 0);
  if (!(normSquared > 0) || !Number.isFinite(normSquared)) return plain;
  // ‖y‖ = s‖m⊙x‖: E‖m⊙x‖ by the quadrature, E‖m⊙x‖² = q‖x‖² (the Bernoulli law centres the window
  // for the fixed count too: both have the same mean square, and the window is only a view).
  const meanMasked = expectedMaskedNorm(x, keep);
  // c* = ‖x‖/E‖m⊙x‖ for 'constant'; the others' s from q alone.
  const scale = scalarScale(compensation, keep, Math.sqrt(normSquared) / meanMasked) ?? 1;
  const mean = scale * meanMasked;
  const sd = scale * Math.sqrt(Math.max(0, keep * normSquared - meanMasked * meanMasked));
  const low = Math.max(0, mean - WINDOW_SDS * sd);
  const high = Math.min(top, mean + WINDOW_SDS * sd);
  if (!(high > low) || high - low > top / 2) return plain;
  const inner = bins - 2;
  const edges = [0];
  for (let j = 0; j <= inner; j++) edges.push(j === inner ? high : low + ((high - low) * j) / inner);
  edges.push(top);
  // Drop an outer bin that would be empty of width (low = 0 or high = top).
  return edges.filter((e, i) => i === 0 || e > (edges[i - 1] ?? -1));
}
