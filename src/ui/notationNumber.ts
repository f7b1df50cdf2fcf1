import { formatKeep } from '../explain/formatNumber.ts';
import { KEEP_STEP, MAX_KEEP, MIN_KEEP } from '../state/explorerState.ts';
import { useActions, useExplorer } from './explorerContext.ts';

/** 1 − v without binary noise (1 − 0.7 is 0.3, not 0.30000000000000004). */
export const complement = (v: number) => Number((1 - v).toFixed(12));

/**
 * Props for a DraggableNumber that shows the keep probability q or the drop rate p = 1 − q, as the
 * page's notation says; either way it sets q.
 */
export function useNotationNumber() {
  const keep = useExplorer((s) => s.keep);
  const notation = useExplorer((s) => s.notation);
  const { setKeep } = useActions();
  return notation === 'keep'
    ? {
        label: 'keep probability q',
        value: keep,
        min: MIN_KEEP,
        max: MAX_KEEP,
        step: KEEP_STEP,
        display: formatKeep(keep),
        onChange: (q: number) => setKeep(Number(q.toFixed(12))),
        group: 'keep' as const,
      }
    : {
        label: 'drop rate p',
        value: complement(keep),
        min: complement(MAX_KEEP),
        max: complement(MIN_KEEP),
        step: KEEP_STEP,
        display: formatKeep(complement(keep)),
        onChange: (p: number) => setKeep(complement(p)),
        group: 'keep' as const,
      };
}
