import { useId } from 'react';

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
}

/** A labelled range input with its value shown beside it (an <output>, not inside the label). */
export function Slider({ label, value, min, max, step, display, valueText, onChange }: SliderProps) {
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
        onChange={(event) => onChange(Number(event.currentTarget.value))}
      />
      <output htmlFor={id}>{display}</output>
    </div>
  );
}
