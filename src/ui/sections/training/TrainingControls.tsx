import { useId } from 'react';
import { DATA_SETS, SCHEME_LABELS, TRAINING_LIMITS, TRAINING_SCHEMES, type TrainingSettings } from '../../../training/settings.ts';
import { NumberField } from '../../NumberField.tsx';

interface Props {
  readonly settings: TrainingSettings;
  readonly onChange: (patch: Partial<TrainingSettings>) => void;
}

/** The experiment's controls; every change goes to the store (and so to the link). */
export function TrainingControls({ settings, onChange }: Props) {
  const id = useId();
  const { keep, schemes, data, width, epochs, seed, seeds } = settings;
  return (
    <div className="training-controls">
      <div className="training-control">
        <label htmlFor={`${id}-keep`}>Keep probability q (training)</label>
        <input
          id={`${id}-keep`}
          type="range"
          min={TRAINING_LIMITS.keep.min}
          max={TRAINING_LIMITS.keep.max}
          step={0.05}
          value={keep}
          onChange={(e) => onChange({ keep: Math.round(Number(e.target.value) * 100) / 100 })}
        />
        <output htmlFor={`${id}-keep`}>{keep.toFixed(2)}</output>
      </div>
      <div className="training-control">
        <label htmlFor={`${id}-data`}>Data set</label>
        <select id={`${id}-data`} value={data} onChange={(e) => onChange({ data: e.target.value as TrainingSettings['data'] })}>
          {DATA_SETS.map((d) => (
            <option key={d} value={d}>
              {d === 'spirals' ? 'two spirals' : 'two moons'}
            </option>
          ))}
        </select>
      </div>
      <div className="training-control">
        <NumberField label="Hidden width" value={width} min={TRAINING_LIMITS.width.min} max={TRAINING_LIMITS.width.max} onCommit={(v) => onChange({ width: v })} />
      </div>
      <div className="training-control">
        <NumberField label="Epochs" value={epochs} min={TRAINING_LIMITS.epochs.min} max={TRAINING_LIMITS.epochs.max} onCommit={(v) => onChange({ epochs: v })} />
      </div>
      <div className="training-control">
        <NumberField label="Training seed" value={seed} min={TRAINING_LIMITS.seed.min} max={TRAINING_LIMITS.seed.max} onCommit={(v) => onChange({ seed: v })} />
      </div>
      <fieldset className="training-seeds">
        <legend>Seeds</legend>
        {([1, 5] as const).map((n) => (
          <label key={n}>
            <input type="radio" name={`${id}-seeds`} checked={seeds === n} onChange={() => onChange({ seeds: n })} /> {n === 1 ? '1 (curves)' : '5 (mean ± sd)'}
          </label>
        ))}
      </fieldset>
      <fieldset className="training-schemes">
        <legend>Schemes</legend>
        {TRAINING_SCHEMES.map((s) => {
          const on = schemes.includes(s);
          return (
            <label key={s}>
              <input
                type="checkbox"
                checked={on}
                disabled={on && schemes.length === 1}
                onChange={() => onChange({ schemes: on ? schemes.filter((x) => x !== s) : [...schemes, s] })}
              />{' '}
              {SCHEME_LABELS[s]}
            </label>
          );
        })}
      </fieldset>
    </div>
  );
}
