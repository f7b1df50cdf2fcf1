/**
 * Section rescaling's figure model: the page's state and the compare channel's engine results → the
 * E‖m⊙x‖ behind c* with its provenance, c* and where it sits between 1/√q and 1/q, the probability
 * that per-sample matching has no scale, and the words for the masks used
 * (docs/mathematics.md#norm-matching-and-the-alternatives). Pure (no React). c* is a unit-dropout
 * quantity: under the unit models E‖m⊙x‖ is the engine's (every compared result carries it); under
 * DropConnect, which has no unit mask, it is the Bernoulli closed form of src/math at the same q, and
 * the section says so.
 */
import { constantScaleOf, type RescalingNumbers, scalePosition } from '../../../explain/rescalingDerivation.ts';
import { type AnalysisResult, type Estimate, expectedMaskedNorm, type MaskModel, unreachable } from '../../../math/index.ts';

export interface RescalingState {
  readonly x: readonly number[];
  /** The effective q (k/n for the fixed model). */
  readonly keep: number;
  readonly model: MaskModel;
  readonly kept: number;
}

export interface RescalingFigure {
  /** "exactly 2 of 4 kept", "Bernoulli masks" or DropConnect's: the masks of the compared histograms. */
  readonly modelWords: string;
  /** Whether the page's model masks weights, so c* below is for Bernoulli unit masks. */
  readonly constantForUnitMasksInstead: boolean;
  /** E‖m⊙x‖ with its provenance, or null while the engine computes it. */
  readonly maskedNorm: Estimate | null;
  readonly numbers: RescalingNumbers | null;
  /** c* = ‖x‖/E‖m⊙x‖. */
  readonly constantScale: number | null;
  /** Where c* sits from 1/√q (0) to 1/q (1); null when they meet or c* is not known yet. */
  readonly position: number | null;
  /** P(every unit dropped) from the engine, for the unit models only (null under DropConnect or while computing). */
  readonly pAllDropped: number | null;
}

const finite = (estimate: Estimate | undefined): Estimate | null =>
  estimate !== undefined && Number.isFinite(estimate.value) ? estimate : null;

/** What the rescaling section shows for the state and the compared results that are ready. */
export function rescalingFigure(state: RescalingState, ready: readonly AnalysisResult[]): RescalingFigure {
  const { x, keep, model, kept } = state;
  const fits = ready.filter((r) => r.model === model && Math.abs(r.keep - keep) < 1e-12 && r.meanVector.values.length === x.length);
  let modelWords: string;
  let constantForUnitMasksInstead: boolean;
  let maskedNorm: Estimate | null;
  let pAllDropped: number | null;
  switch (model) {
    case 'bernoulli':
      modelWords = 'Bernoulli masks';
      constantForUnitMasksInstead = false;
      maskedNorm = finite(fits[0]?.meanMaskedNorm);
      pAllDropped = fits[0]?.pAllDropped ?? null;
      break;
    case 'fixed':
      modelWords = `exactly ${kept} of ${x.length} kept`;
      constantForUnitMasksInstead = false;
      maskedNorm = finite(fits[0]?.meanMaskedNorm);
      pAllDropped = fits[0]?.pAllDropped ?? null;
      break;
    case 'dropconnect':
      modelWords = 'DropConnect masks on the weights';
      constantForUnitMasksInstead = true;
      maskedNorm = { value: expectedMaskedNorm(x, keep), method: 'closed-form' };
      pAllDropped = null;
      break;
    default:
      return unreachable(model, 'mask model');
  }
  const numbers = maskedNorm === null ? null : { x, keep, maskedNorm: maskedNorm.value };
  return {
    modelWords,
    constantForUnitMasksInstead,
    maskedNorm,
    numbers,
    constantScale: numbers === null ? null : constantScaleOf(numbers),
    position: numbers === null ? null : scalePosition(numbers),
    pAllDropped,
  };
}
