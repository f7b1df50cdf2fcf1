import { useId } from 'react';
import { type Compensation, COMPENSATIONS, MASK_MODELS, type Method, METHODS, maskModel } from '../math/index.ts';
import { METHOD_LABELS, useCompensationLabels, useModelLabels } from './labels.ts';
import { MAX_BINS, MAX_SAMPLES, MIN_BINS, MIN_SAMPLES } from '../state/explorerState.ts';
import { selectKept, selectUnits } from '../state/selectors.ts';
import { minKept } from '../state/withOneKeep.ts';
import { useControlAccess } from './controlAccess.ts';
import { useActions, useExplorer } from './explorerContext.ts';
import { NumberField } from './NumberField.tsx';
import { FIXED_BY_LINK, Slider } from './Slider.tsx';

/** Mask model, compensation and how the numbers are computed. */
export function ModelControls() {
  const COMPENSATION_LABELS = useCompensationLabels();
  const MODEL_LABELS = useModelLabels();
  const model = useExplorer((s) => s.model);
  const compensation = useExplorer((s) => s.compensation);
  const method = useExplorer((s) => s.method);
  const samples = useExplorer((s) => s.samples);
  const seed = useExplorer((s) => s.seed);
  const bins = useExplorer((s) => s.bins);
  const kept = useExplorer(selectKept);
  const units = useExplorer(selectUnits);
  const actions = useActions();
  const id = useId();
  const access = {
    model: useControlAccess('model'),
    keep: useControlAccess('keep'),
    comp: useControlAccess('comp'),
    method: useControlAccess('method'),
  };
  if (Object.values(access).every((a) => a === 'hidden')) return null;
  return (
    <fieldset className="controls">
      <legend>Mask model and compensation</legend>
      {access.model === 'hidden' ? null : (
        <fieldset className="radio-list" disabled={access.model === 'locked'}>
          <legend>Mask model</legend>
          {MASK_MODELS.map((m) => (
            <label key={m}>
              <input type="radio" name={`${id}-model`} checked={model === m} onChange={() => actions.setModel(m)} />{' '}
              {MODEL_LABELS[m]}
            </label>
          ))}
        </fieldset>
      )}
      {maskModel(model).keepFromCount && access.keep !== 'hidden' ? (
        <Slider
          label="Units kept k"
          value={kept}
          min={minKept(units)}
          max={units}
          step={1}
          display={`${kept} of ${units}`}
          valueText={`${kept} of ${units} units kept, q = k/n = ${(kept / units).toFixed(3)}`}
          onChange={actions.setKept}
          disabled={access.keep === 'locked'}
        />
      ) : null}
      {access.comp === 'hidden' ? null : (
        <div className="form-grid">
          <label htmlFor={`${id}-comp`}>Compensation</label>
          <select
            id={`${id}-comp`}
            value={compensation}
            disabled={access.comp === 'locked'}
            title={access.comp === 'locked' ? FIXED_BY_LINK : undefined}
            onChange={(e) => actions.setCompensation(e.currentTarget.value as Compensation)}
          >
            {COMPENSATIONS.map((c) => (
              <option key={c} value={c}>
                {COMPENSATION_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
      )}
      {access.method === 'hidden' ? null : (
        <details className="settings">
          <summary>Computation settings{access.method === 'locked' ? ' (fixed by this class link)' : ''}</summary>
          <fieldset className="plain-fieldset" disabled={access.method === 'locked'}>
            <div className="form-grid">
              <label htmlFor={`${id}-method`}>Method</label>
              <select id={`${id}-method`} value={method} onChange={(e) => actions.setMethod(e.currentTarget.value as Method | 'auto')}>
                {(['auto', ...METHODS] as const).map((m) => (
                  <option key={m} value={m}>
                    {METHOD_LABELS[m]}
                  </option>
                ))}
              </select>
              <NumberField label="Samples" value={samples} min={MIN_SAMPLES} max={MAX_SAMPLES} onCommit={actions.setSamples} />
              <NumberField label="Seed" value={seed} min={0} max={4294967295} onCommit={actions.setSeed} />
              <NumberField label="Histogram bins" value={bins} min={MIN_BINS} max={MAX_BINS} onCommit={actions.setBins} />
            </div>
          </fieldset>
        </details>
      )}
    </fieldset>
  );
}
