import { type Compensation, COMPENSATIONS } from '../../../math/index.ts';
import { useActions, useExplorer } from '../../explorerContext.ts';
import { useCompensationLabels } from '../../labels.ts';
import { useControlAccess } from '../../controlAccess.ts';
import { FIXED_BY_LINK } from '../../Slider.tsx';

/** One toggle button per compensation: pressed ones are compared side by side (at least one stays). */
export function RescalingToggles() {
  const COMPENSATION_LABELS = useCompensationLabels();
  const compared = useExplorer((s) => s.compared);
  const { toggleCompared } = useActions();
  const only = (c: Compensation) => compared.length === 1 && compared[0] === c;
  const access = useControlAccess('comp');
  if (access === 'hidden') return null;
  return (
    <div className="rescaling-toggles" role="group" aria-label="Compensations to compare">
      {COMPENSATIONS.map((c) => (
        <button
          key={c}
          type="button"
          aria-pressed={compared.includes(c)}
          aria-disabled={only(c) || undefined}
          disabled={access === 'locked'}
          title={access === 'locked' ? FIXED_BY_LINK : only(c) ? 'At least one compensation stays compared' : undefined}
          onClick={() => toggleCompared(c)}
        >
          {COMPENSATION_LABELS[c]}
        </button>
      ))}
    </div>
  );
}
