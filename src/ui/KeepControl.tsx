import { formatFixed, formatKeep } from '../explain/formatNumber.ts';
import { maskModel } from '../math/index.ts';
import { selectUnits } from '../state/selectors.ts';
import { useControlAccess } from './controlAccess.ts';
import { useExplorer } from './explorerContext.ts';
import { complement, keepRange } from './notationNumber.ts';
import { Slider } from './Slider.tsx';


/** The keep probability q, or the drop rate p = 1 − q, as the reader prefers to think of it. */
export function KeepControl() {
  const keep = useExplorer((s) => s.keep);
  const notation = useExplorer((s) => s.notation);
  const setKeep = useExplorer((s) => s.setKeep);
  const setNotation = useExplorer((s) => s.setNotation);
  const keepAccess = useControlAccess('keep');
  const notationAccess = useControlAccess('notation');
  const model = useExplorer((s) => s.model);
  const units = useExplorer(selectUnits);
  const drop = complement(keep);
  // Under the fixed model q is k/n: the slider moves in steps of 1/n, from the fewest units allowed.
  const fixed = maskModel(model).keepFromCount;
  const { min: minimum, max: maximum, step } = keepRange(model, units);
  const count = fixed ? `; k = ${Math.round(keep * units)} of ${units} units kept` : '';
  const valueText = `keep ${formatKeep(keep)}: kept values scaled by ${formatFixed(1 / keep, 2)}; drop rate ${formatKeep(drop)}${count}`;
  return (
    <div className="keep-control">
      {notationAccess === 'hidden' ? null : (
        <fieldset className="inline-choice" disabled={notationAccess === 'locked'}>
          <legend>Speak of</legend>
          <label>
            <input type="radio" name="notation" checked={notation === 'keep'} onChange={() => setNotation('keep')} /> keep
            probability q
          </label>
          <label>
            <input type="radio" name="notation" checked={notation === 'drop'} onChange={() => setNotation('drop')} /> drop
            rate p = 1 − q
          </label>
        </fieldset>
      )}
      {keepAccess === 'hidden' ? null : notation === 'keep' ? (
        <Slider
          label="Keep probability q"
          value={keep}
          min={minimum}
          max={maximum}
          step={step}
          display={formatKeep(keep)}
          valueText={valueText}
          onChange={setKeep}
          disabled={keepAccess === 'locked'}
        />
      ) : (
        <Slider
          label="Drop rate p"
          value={drop}
          min={complement(maximum)}
          max={complement(minimum)}
          step={step}
          display={formatKeep(drop)}
          valueText={`drop ${formatKeep(drop)}: ${valueText}`}
          onChange={(p) => setKeep(complement(p))}
          disabled={keepAccess === 'locked'}
        />
      )}
    </div>
  );
}
