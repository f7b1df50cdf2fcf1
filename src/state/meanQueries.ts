/**
 * The mean section's engine query (docs/architecture.md#one-engine): the reader's x, q, unit model
 * and k, compensation, and the page's seeded w (selectWeights, the one place W and w are seeded).
 * DropConnect masks weights, so under it the section shows unit dropout with Bernoulli masks at the
 * same q. The page's sample count and seed matter only where the kernel asks the norm engine to
 * sample (a large layer under per-sample matching, or c* of a large fixed-count layer), so only
 * then do they take part in the memo: elsewhere a new seed resends nothing.
 */
import { type EngineQuery, MAX_UNIT_LAW_UNITS, maskModel, type MaskModel, query, type UnitMaskModel, unreachable } from '../math/index.ts';
import { memoOnDeps } from './analysisRequest.ts';
import type { ExplorerState } from './explorerState.ts';
import { selectEffectiveKeep, selectKept, selectVector, selectWeights } from './selectors.ts';

/** Bins of the histogram of z. */
export const DOWNSTREAM_BINS = 32;

/** The unit model the mean section shows for the page's model. */
export function unitModelOf(model: MaskModel): UnitMaskModel {
  switch (model) {
    case 'bernoulli':
    case 'fixed':
      return model;
    case 'dropconnect':
      return 'bernoulli';
    default:
      return unreachable(model, 'mask model');
  }
}

/** Whether the kernel may sample for this state (it then reads the page's sample count and seed). */
function maySample(state: ExplorerState): boolean {
  const large = selectVector(state).length > MAX_UNIT_LAW_UNITS;
  return large && (state.compensation === 'match' || (state.compensation === 'constant' && maskModel(unitModelOf(state.model)).keepFromCount));
}

export const selectMeanQueries = memoOnDeps(
  (s) => {
    const base = [selectVector(s), selectEffectiveKeep(s), unitModelOf(s.model), selectKept(s), s.compensation, selectWeights(s)];
    return maySample(s) ? [...base, s.samples, s.seed] : base;
  },
  (state): readonly EngineQuery[] => {
    const model = unitModelOf(state.model);
    return [
      query('mean', {
        x: selectVector(state),
        w: selectWeights(state).downstream,
        keep: selectEffectiveKeep(state),
        model,
        kept: maskModel(model).keepFromCount ? selectKept(state) : null,
        compensation: state.compensation,
        bins: DOWNSTREAM_BINS,
        samples: state.samples,
        seed: state.seed,
      }),
    ];
  },
);
