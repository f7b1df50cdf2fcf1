/**
 * The opening's figure model: the question's answer with the reader's numbers, for inverted
 * dropout (y = m⊙x/q) under the page's unit mask model (docs/mathematics.md#bernoulli-moments,
 * docs/mathematics.md#fixed-count-moments, docs/mathematics.md#jensen-bounds-on-the-expected-norm).
 * Pure: state + engine results → the numbers and their provenance.
 * - E[y] = x exactly, for Bernoulli masks and for exactly k of n kept (each unit is kept with
 *   probability q = k/n either way);
 * - E‖y‖² = Σ x_i² E[m_i]/q² = ‖x‖²/q, a closed form;
 * - ‖x‖ = ‖E y‖ ≤ E‖y‖ ≤ √E‖y‖² = ‖x‖/√q (Jensen twice); E‖y‖ itself comes from the engine, from
 *   whichever channel computed 1/q for this very state, else it is left out.
 */
import { unreachable, type AnalysisResult, type Estimate, type MaskModel } from '../../math/index.ts';

export interface OpeningInput {
  readonly x: readonly number[];
  /** The effective q (k/n under the fixed model). */
  readonly keep: number;
  readonly model: MaskModel;
  /** k under the fixed model. */
  readonly kept: number;
  /** Engine results of the page (main figure, comparison), searched for 1/q on this state. */
  readonly results: readonly (AnalysisResult | null)[];
}

export interface OpeningFigure {
  /** The unit mask model the numbers are for (DropConnect pages are answered for Bernoulli unit dropout). */
  readonly unitModel: 'bernoulli' | 'fixed';
  /** True when the page's own model masks weights, so the opening speaks of unit dropout instead. */
  readonly otherModel: boolean;
  readonly q: number;
  /** k of n kept, under the fixed model. */
  readonly kept: number | null;
  readonly n: number;
  /** ‖x‖. */
  readonly norm: number;
  /** ‖x‖², and E‖y‖² = ‖x‖²/q (closed form). */
  readonly normSquared: number;
  readonly meanSquare: number;
  /** √E‖y‖² = ‖x‖/√q. */
  readonly rms: number;
  /** E‖y‖ under 1/q from the engine, or null when no channel has it for this state. */
  readonly mean: Estimate | null;
}

function unitModelOf(model: MaskModel): { readonly unitModel: 'bernoulli' | 'fixed'; readonly otherModel: boolean } {
  switch (model) {
    case 'bernoulli':
      return { unitModel: 'bernoulli', otherModel: false };
    case 'fixed':
      return { unitModel: 'fixed', otherModel: false };
    case 'dropconnect':
      return { unitModel: 'bernoulli', otherModel: true };
    default:
      return unreachable(model, 'mask model');
  }
}

/** The answer's numbers for the state (never throws; q > 0 and finite x are the store's invariants). */
export function openingFigure(input: OpeningInput): OpeningFigure {
  const { x, keep: q, model, results } = input;
  const { unitModel, otherModel } = unitModelOf(model);
  let normSquared = 0;
  for (const v of x) normSquared += v * v;
  const norm = Math.hypot(...x);
  const n = x.length;
  const fits = (r: AnalysisResult | null): r is AnalysisResult =>
    r !== null &&
    r.complete &&
    r.compensation === 'inverted' &&
    r.model === unitModel &&
    r.n === n &&
    Math.abs(r.keep - q) <= 1e-12 &&
    Math.abs(r.norm - norm) <= 1e-12 * Math.max(1, norm);
  const match = otherModel ? undefined : results.find(fits);
  return {
    unitModel,
    otherModel,
    q,
    kept: unitModel === 'fixed' ? input.kept : null,
    n,
    norm,
    normSquared,
    meanSquare: normSquared / q,
    rms: norm / Math.sqrt(q),
    mean: match === undefined ? null : match.meanNorm,
  };
}
