import { formatKeep } from '../explain/formatNumber.ts';
import { maskModel, type MaskModel } from '../math/index.ts';
import { KEEP_STEP, MAX_KEEP, MIN_KEEP } from '../state/explorerState.ts';
import { selectUnits } from '../state/selectors.ts';
import { minKept } from '../state/withOneKeep.ts';
import { useActions, useExplorer } from './explorerContext.ts';

/** 1 − v without binary noise (1 − 0.7 is 0.3, not 0.30000000000000004). */
export const complement = (v: number) => Number((1 - v).toFixed(12));

export interface KeepRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/**
 * The values q can take under a mask model: any multiple of KEEP_STEP for Bernoulli masks; under
 * the fixed count q is k/n, so every control moves it in steps of 1/n from the fewest units
 * allowed (a 0.05 step would round back to the same k whenever 1/n > 0.1 and the control would stick).
 */
export function keepRange(model: MaskModel, units: number): KeepRange {
  return maskModel(model).keepFromCount
    ? { min: minKept(units) / units, max: MAX_KEEP, step: 1 / units }
    : { min: MIN_KEEP, max: MAX_KEEP, step: KEEP_STEP };
}

/**
 * Props for a DraggableNumber that shows the keep probability q or the drop rate p = 1 − q, as the
 * page's notation says; either way it sets q, in the steps the mask model allows (keepRange).
 */
export function useNotationNumber() {
  const keep = useExplorer((s) => s.keep);
  const notation = useExplorer((s) => s.notation);
  const model = useExplorer((s) => s.model);
  const units = useExplorer(selectUnits);
  const { setKeep } = useActions();
  const range = keepRange(model, units);
  return notation === 'keep'
    ? {
        label: 'keep probability q',
        value: keep,
        min: range.min,
        max: range.max,
        step: range.step,
        display: formatKeep(keep),
        onChange: (q: number) => setKeep(Number(q.toFixed(12))),
        group: 'keep' as const,
      }
    : {
        label: 'drop rate p',
        value: complement(keep),
        min: complement(range.max),
        max: complement(range.min),
        step: range.step,
        display: formatKeep(complement(keep)),
        onChange: (p: number) => setKeep(complement(p)),
        group: 'keep' as const,
      };
}
