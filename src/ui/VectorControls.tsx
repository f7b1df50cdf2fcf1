import { formatFixed, formatKeep } from '../explain/formatNumber.ts';
import {
  KEEP_STEP,
  MAX_KEEP,
  MAX_UNIT_VALUE,
  MIN_KEEP,
  MIN_UNIT_VALUE,
  UNIT_STEP,
} from '../state/explorerState.ts';
import { useExplorer } from './explorerContext.ts';
import { Slider } from './Slider.tsx';

/** One slider per unit of x and one for the keep probability q. */
export function VectorControls() {
  const vector = useExplorer((s) => s.vector);
  const keep = useExplorer((s) => s.keep);
  const setUnit = useExplorer((s) => s.setUnit);
  const setKeep = useExplorer((s) => s.setKeep);
  const scale = 1 / keep;
  return (
    <fieldset className="controls">
      <legend>Activations x and keep probability q</legend>
      {vector.map((value, i) => (
        <Slider
          key={i}
          label={`Unit ${i + 1} (x${i + 1})`}
          value={value}
          min={Math.min(MIN_UNIT_VALUE, value)}
          max={Math.max(MAX_UNIT_VALUE, value)}
          step={UNIT_STEP}
          display={formatFixed(value, 2)}
          valueText={`x${i + 1} = ${formatFixed(value, 2)}`}
          onChange={(v) => setUnit(i, v)}
        />
      ))}
      <Slider
        label="Keep probability q"
        value={keep}
        min={MIN_KEEP}
        max={MAX_KEEP}
        step={KEEP_STEP}
        display={formatKeep(keep)}
        valueText={`keep ${formatKeep(keep)}: kept values scaled by ${formatFixed(scale, 2)}, drop rate ${formatKeep(1 - keep)}`}
        onChange={setKeep}
      />
    </fieldset>
  );
}
