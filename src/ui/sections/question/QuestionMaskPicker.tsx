import { entryText } from './questionFigure.ts';

interface QuestionMaskPickerProps {
  /** x, one toggle per unit. */
  readonly values: readonly number[];
  /** m_i: 1 = kept. */
  readonly mask: readonly (0 | 1)[];
  readonly onToggle: (index: number) => void;
  /** Shown but fixed (a class link locks the mask). */
  readonly locked?: boolean;
}

/** One checkbox per unit: checked = kept. Kept and dropped tiles differ by glyph and border, not only colour. */
export function QuestionMaskPicker({ values, mask, onToggle, locked = false }: QuestionMaskPickerProps) {
  return (
    <fieldset className="question-mask-picker" disabled={locked}>
      <legend>
        {locked ? 'Mask m (fixed by this class link)' : 'Mask m: check the units to keep, uncheck to drop (Space toggles)'}
      </legend>
      <div className="question-units">
        {values.map((v, i) => {
          const kept = mask[i] === 1;
          return (
            <label key={i} className={kept ? 'question-unit kept' : 'question-unit dropped'}>
              <input type="checkbox" checked={kept} onChange={() => onToggle(i)} />
              <span className="question-unit-text">
                Keep unit {i + 1} (x{i + 1} = {entryText(v)})
              </span>
              <span className="question-unit-state" aria-hidden="true">
                {kept ? '■ kept' : '□ dropped'}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
