import { useId, useState } from 'react';
import { formatFixed } from '../../../explain/formatNumber.ts';
import { MAX_EXPLICIT_UNITS, MAX_UNIT_VALUE, MIN_UNIT_VALUE, UNIT_STEP } from '../../../state/explorerState.ts';
import { Slider } from '../../Slider.tsx';
import { useControlAccess } from '../../controlAccess.ts';

interface RescalingUnitControlProps {
  readonly vector: readonly number[];
  readonly onChange: (index: number, value: number) => void;
}

/** Index of the largest |x_i| (the unit whose moves change c* most). */
function largestUnit(vector: readonly number[]): number {
  let best = 0;
  vector.forEach((v, i) => {
    if (Math.abs(v) > Math.abs(vector[best] ?? 0)) best = i;
  });
  return best;
}

/** Pick one unit and move its value: c* follows, between 1/√q and 1/q. */
export function RescalingUnitControl({ vector, onChange }: RescalingUnitControlProps) {
  const id = useId();
  const n = vector.length;
  // The reader's choice holds while the layer keeps its size; a new size starts at the largest unit.
  const [chosen, setChosen] = useState(() => ({ units: n, index: largestUnit(vector) }));
  if (chosen.units !== n) setChosen({ units: n, index: largestUnit(vector) });
  const access = useControlAccess('vector');
  if (access === 'hidden') return null;
  if (n > MAX_EXPLICIT_UNITS) {
    return (
      <p className="layers-note">
        Units can be moved one by one in vectors of up to {MAX_EXPLICIT_UNITS} units; this one has {n}.
      </p>
    );
  }
  const index = Math.min(chosen.index, n - 1);
  const value = vector[index] ?? 0;
  const min = Math.min(MIN_UNIT_VALUE, Math.floor(value));
  const max = Math.max(MAX_UNIT_VALUE, Math.ceil(value));
  return (
    <div className="rescaling-unit">
      <label htmlFor={id}>Unit to move</label>
      <select id={id} value={index} onChange={(e) => setChosen({ units: n, index: Number(e.currentTarget.value) })}>
        {vector.map((v, i) => (
          <option key={i} value={i}>
            x{i + 1} = {formatFixed(v, 3)}
          </option>
        ))}
      </select>
      <Slider
        label={`Value of the moved unit x${index + 1}`}
        value={value}
        min={min}
        max={max}
        step={UNIT_STEP}
        display={formatFixed(value, 2)}
        valueText={`unit ${index + 1} is ${formatFixed(value, 2)}`}
        onChange={(v) => onChange(index, v)}
        disabled={access === 'locked'}
      />
    </div>
  );
}
