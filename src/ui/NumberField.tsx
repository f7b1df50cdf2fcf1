import { useId, useState } from 'react';

interface NumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** Called with a valid whole number when the reader leaves the field or presses Enter. */
  readonly onCommit: (value: number) => void;
}

/**
 * A whole-number field that accepts typing freely and commits on blur or Enter; text that is not a
 * whole number in range gets a plain message and the last good value stays in force.
 */
export function NumberField({ label, value, min, max, onCommit }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (text === null) return;
    const parsed = Number(text.trim().replaceAll(/[\s_]/g, ''));
    if (text.trim() === '' || !Number.isInteger(parsed) || parsed < min || parsed > max) {
      setError(`${label} must be a whole number from ${min} to ${max}; keeping ${value}.`);
    } else {
      setError(null);
      onCommit(parsed);
    }
    setText(null);
  };
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <span className="number-field">
        <input
          id={id}
          inputMode="numeric"
          value={text ?? String(value)}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? `${id}-error` : undefined}
          onChange={(e) => setText(e.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
        {error !== null ? (
          <span id={`${id}-error`} className="form-error" role="alert">
            {error}
          </span>
        ) : null}
      </span>
    </>
  );
}
