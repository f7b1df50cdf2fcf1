import { useId, useState, type FormEvent } from 'react';
import { parseVectorSpec, VECTOR_KINDS, type VectorKind } from '../math/index.ts';
import { useExplorer } from './explorerContext.ts';
import { MAX_NUMBER_BOX_CHARS, tooLongMessage } from './inputCaps.ts';

const KIND_LABELS: Record<VectorKind, string> = {
  gauss: 'Gaussian',
  uniform: 'uniform (non-negative)',
  dominant: 'one dominant unit',
  equal: 'all units equal',
};

/** Largest layer the size control offers (links may carry up to 10 000). */
export const MAX_FORM_UNITS = 4096;

/** A seeded vector of any size, written as a spec so that its link stays short. */
export function GeneratorForm() {
  const source = useExplorer((s) => s.source);
  const setGenerator = useExplorer((s) => s.setGenerator);
  const current = source.kind === 'generated' ? source.spec : { kind: 'gauss' as const, units: 192, seed: 7, norm: 0.885 };
  const [kind, setKind] = useState<VectorKind>(current.kind);
  const [units, setUnits] = useState(String(current.units));
  const [seed, setSeed] = useState(String(current.seed));
  const [norm, setNorm] = useState(String(current.norm));
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const tooLong =
      tooLongMessage('Units', units, MAX_NUMBER_BOX_CHARS) ?? tooLongMessage('Seed', seed, MAX_NUMBER_BOX_CHARS) ?? tooLongMessage('Norm', norm, MAX_NUMBER_BOX_CHARS);
    if (tooLong !== null) {
      setError(tooLong);
      return;
    }
    const n = Number(units);
    if (!(Number.isInteger(n) && n >= 1 && n <= MAX_FORM_UNITS)) {
      setError(`Units must be a whole number from 1 to ${MAX_FORM_UNITS}; "${units}" is not.`);
      return;
    }
    const parsed = parseVectorSpec(`${kind}:${units.trim()}:seed=${seed.trim()}:norm=${norm.trim()}`);
    if (!parsed.ok) {
      setError(`${parsed.error[0]?.toUpperCase() ?? ''}${parsed.error.slice(1)}.`);
      return;
    }
    setError(null);
    setGenerator(parsed.spec);
  };

  return (
    <form className="generator" onSubmit={submit} aria-labelledby={`${id}-title`}>
      {/* Not a heading: it sits in the sidebar before the sections' h2s (axe heading-order). */}
      <p className="generator-title" id={`${id}-title`}>
        Generate a vector
      </p>
      <div className="form-grid">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value as VectorKind)}>
          {VECTOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-units`}>Units n</label>
        <input id={`${id}-units`} inputMode="numeric" value={units} onChange={(e) => setUnits(e.currentTarget.value)} />
        <label htmlFor={`${id}-seed`}>Seed</label>
        <input id={`${id}-seed`} inputMode="numeric" value={seed} onChange={(e) => setSeed(e.currentTarget.value)} />
        <label htmlFor={`${id}-norm`}>Norm ‖x‖</label>
        <input id={`${id}-norm`} inputMode="decimal" value={norm} onChange={(e) => setNorm(e.currentTarget.value)} />
      </div>
      <button type="submit">Generate</button>
      {error !== null ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
