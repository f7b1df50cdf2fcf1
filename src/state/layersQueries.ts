/**
 * The layers section's engine query (docs/architecture.md#one-engine): the reader's vector and q,
 * the measured ‖y‖ to place (the reader's reference, else the question's 1.305 when the vector is
 * the question's 192-unit layer, else none), the page's sample count and seed, and the family of
 * generated layers of the spread chart. Memoised on the fields it reads.
 */
import { type EngineQuery, isQuestionLayer, query, QUESTION_LAYER, type VectorSpec } from '../math/index.ts';
import { memoOnDeps } from './analysisRequest.ts';
import type { VectorSource } from './explorerState.ts';
import { selectVector } from './selectors.ts';

/** The layer drawn when the reader's vector is typed in: the question's 192-unit state. */
export const DEFAULT_LAYER: Omit<VectorSpec, 'units'> = { kind: 'uniform', seed: 7, norm: QUESTION_LAYER.norm };

/** The generated layer of `units` units that keeps the kind, seed and norm of a generated source. */
export function layerSpec(source: VectorSource, units: number): VectorSpec {
  const base = source.kind === 'generated' ? source.spec : DEFAULT_LAYER;
  return { kind: base.kind, seed: base.seed, norm: base.norm, units };
}

/** The measured ‖y‖ the section places: the reader's reference, else the question's in its own layer, else none. */
export function layersThreshold(x: readonly number[], keep: number, reference: number | null): number | null {
  if (reference !== null) return reference;
  return isQuestionLayer(x, keep) ? QUESTION_LAYER.measured : null;
}

export const selectLayersQueries = memoOnDeps(
  (s) => [selectVector(s), s.keep, s.reference, s.samples, s.seed, s.source],
  (state): readonly EngineQuery[] => {
    const x = selectVector(state);
    const spec = layerSpec(state.source, x.length);
    return [
      query('layers', {
        x,
        keep: state.keep,
        threshold: layersThreshold(x, state.keep, state.reference),
        samples: state.samples,
        seed: state.seed,
        spread: { kind: spec.kind, seed: spec.seed },
      }),
    ];
  },
);
