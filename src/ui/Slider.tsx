import { useId } from 'react';

/** The tooltip of a control a class link fixed. */
export const FIXED_BY_LINK = 'Fixed by this class link';

interface SliderProps {
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** The value as shown next to the slider. */
  readonly display: string;
  /** What a screen reader announces for the value, in words. */
  readonly valueText: string;
  readonly onChange: (value: number) => void;
  /** Shown but not movable (a class link fixed it). */
  readonly disabled?: boolean;
}

/** A labelled range input with its value shown beside it (an <output>, not inside the label). */
export function Slider({ label, value, min, max, step, display, valueText, onChange, disabled = false }: SliderProps) {
  const id = useId();
  return (
    <div className="slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={valueText}
        disabled={disabled}
        title={disabled ? FIXED_BY_LINK : undefined}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
      />
      <output htmlFor={id}>
        {display}
        {disabled ? <span className="fixed-tag"> (fixed)</span> : null}
      </output>
    </div>
  );
}
