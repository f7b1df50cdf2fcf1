import { useId, useState, type FormEvent } from 'react';
import { lengthFixed } from '../state/classLink.ts';
import { selectUnits } from '../state/selectors.ts';
import { useActions, useExplorer } from './explorerContext.ts';
import { readVectorText } from './vectorText.ts';

/** Paste a vector (commas, spaces or new lines; NumPy/PyTorch brackets are fine). */
export function PasteBox() {
  const { setVector } = useActions();
  const fixedUnits = useExplorer((s) => (lengthFixed(s) ? selectUnits(s) : null));
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [applied, setApplied] = useState<number | null>(null);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readVectorText(text);
    const wrongLength = read.values !== null && fixedUnits !== null && read.values.length !== fixedUnits;
    setProblems(
      wrongLength
        ? [`This class link fixes the number of units at n = ${fixedUnits} (the chosen mask or the kept count depends on it): paste ${fixedUnits} numbers.`]
        : read.problems,
    );
    if (read.values !== null && !wrongLength) {
      setVector(read.values);
      setApplied(read.values.length);
    } else {
      setApplied(null);
    }
  };
  return (
    <form className="paste-box" onSubmit={submit}>
      <label htmlFor={id}>Paste a vector</label>
      <textarea
        id={id}
        rows={3}
        value={text}
        placeholder="0.1, 0.1, 0.2, 5.0"
        aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit">Use these numbers</button>
      {problems.length > 0 ? (
        <ul id={`${id}-problems`} className="form-error" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
          <li>Nothing was changed; the previous vector is still in use.</li>
        </ul>
      ) : applied !== null ? (
        <p className="form-ok" role="status">
          Using the {applied} numbers you pasted.
        </p>
      ) : null}
    </form>
  );
}
