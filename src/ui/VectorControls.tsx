import { formatFixed, subscript } from '../explain/formatNumber.ts';
import { formatVectorSpec } from '../math/index.ts';
import { VectorBars } from '../charts/VectorBars.tsx';
import {
  MAX_EXPLICIT_UNITS,
  MAX_SLIDER_UNITS,
  MAX_UNIT_VALUE,
  MIN_UNIT_VALUE,
  UNIT_STEP,
} from '../state/explorerState.ts';
import { selectNorm, selectVector } from '../state/selectors.ts';
import { useControlAccess, useLengthFixed } from './controlAccess.ts';
import { useExplorer } from './explorerContext.ts';
import { GeneratorForm } from './GeneratorForm.tsx';
import { KeepControl } from './KeepControl.tsx';
import { ModelControls } from './ModelControls.tsx';
import { PasteBox } from './PasteBox.tsx';
import { Slider } from './Slider.tsx';

/** The activations x (one slider per unit for small vectors, a generator for any size) and q. */
export function VectorControls() {
  const vector = useExplorer(selectVector);
  const source = useExplorer((s) => s.source);
  const norm = useExplorer(selectNorm);
  const setUnit = useExplorer((s) => s.setUnit);
  const access = useControlAccess('vector');
  const fixedLength = useLengthFixed();
  const sliders = vector.length <= MAX_SLIDER_UNITS;
  // With nothing left to show (no sliders, no rate, no notation switch), the box goes too.
  const keepAccess = useControlAccess('keep');
  const notationAccess = useControlAccess('notation');
  const emptyBox = sliders && access === 'hidden' && keepAccess === 'hidden' && notationAccess === 'hidden';
  return (
    <div className="controls-column">
      {emptyBox ? null : (
        <fieldset className="controls">
          <legend>{keepAccess === 'hidden' ? 'Activations x' : 'Activations x and q'}</legend>
          {sliders ? (
            access === 'hidden' ? null : vector.map((value, i) => (
              <Slider
                key={i}
                label={`Unit ${i + 1} (x${subscript(i + 1)})`}
                value={value}
                min={Math.min(MIN_UNIT_VALUE, value)}
                max={Math.max(MAX_UNIT_VALUE, value)}
                step={UNIT_STEP}
                display={formatFixed(value, 2)}
                valueText={`x${i + 1} = ${formatFixed(value, 2)}`}
                onChange={(v) => setUnit(i, v)}
                disabled={access === 'locked'}
              />
            ))
          ) : (
            <>
              <p className="vector-summary">
                n = {vector.length} units, ‖x‖ = {formatFixed(norm, 4)}
                {source.kind === 'generated' ? <> (generated: <code>{formatVectorSpec(source.spec)}</code>)</> : null}
              </p>
              {vector.length > MAX_EXPLICIT_UNITS || access === 'hidden' ? null : access === 'locked' ? (
                <VectorBars values={vector} label="Activations x (fixed by this class link)" />
              ) : (
                <VectorBars values={vector} label="Activations x: drag a bar, or use the arrow keys" onChange={setUnit} />
              )}
            </>
          )}
          <KeepControl />
        </fieldset>
      )}
      <ModelControls />
      {access === 'free' ? (
        <details className="controls generator-box" open={!sliders}>
          <summary>{fixedLength ? 'Paste a vector' : 'Generate or paste a vector'}</summary>
          {/* The generator chooses n: not offered while a class link fixes it. */}
          {fixedLength ? null : <GeneratorForm />}
          <PasteBox />
        </details>
      ) : null}
    </div>
  );
}
