import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { copyText } from '../explain/copyText.ts';
import { formatCount, formatKeep } from '../explain/formatNumber.ts';
import { questionDerivation } from '../explain/questionDerivation.ts';
import { selectEffectiveKeep, selectVector } from '../state/selectors.ts';
import { useExplorer } from './explorerContext.ts';
import { numpyLiteral, torchLiteral } from './notebookLiterals.ts';
import { shownMask } from './sections/question/questionFigure.ts';

/** Longer vectors are not written out (the code would be unreadable and slow to render). */
const MAX_LITERAL_UNITS = 1024;

/** The current x, mask and q as NumPy and PyTorch code, each with a Copy button. */
export function NotebookExport() {
  // Deferred: up to 2 × 1,024 numbers of code re-rendered and laid out on every step of a drag would
  // hold the slider back (about 2 ms a step at n = 1,024); React renders them once the input pauses.
  // What is shown is what Copy copies.
  const x = useDeferredValue(useExplorer(selectVector));
  const chosen = useDeferredValue(useExplorer((s) => s.mask));
  const keep = useDeferredValue(useExplorer(selectEffectiveKeep));
  const headingId = useId();
  const mask = useMemo(() => shownMask(chosen, x.length), [chosen, x.length]);
  const code = useMemo(() => {
    if (x.length > MAX_LITERAL_UNITS || !(keep > 0)) return null;
    const { maskedNorm, compensatedNorm } = questionDerivation({ x, mask, keep });
    const input = { x, mask, keep, maskedNorm, compensatedNorm };
    return { numpy: numpyLiteral(input), torch: torchLiteral(input) };
  }, [x, mask, keep]);
  return (
    <section className="notebook-export" aria-labelledby={headingId}>
      <h3 id={headingId}>Check it in a notebook</h3>
      {code === null ? (
        <p>
          {keep > 0
            ? `The vector has ${formatCount(x.length)} units; code is written out for up to ${formatCount(MAX_LITERAL_UNITS)}.`
            : 'With q = 0 there is nothing to divide by; choose k ≥ 1.'}
        </p>
      ) : (
        <>
          <p>
            Your x, the mask m shown above ({chosen === null ? 'all units kept, since no mask is chosen' : 'the one you picked'}) and q ={' '}
            {formatKeep(keep)}, with every digit the app uses. The comment holds the app’s ‖m⊙x‖ and ‖y‖ (exact, for this one
            mask) to compare with what the notebook prints.
          </p>
          <CodeBlock title="NumPy" code={code.numpy} />
          <CodeBlock title="PyTorch" code={code.torch} />
        </>
      )}
    </section>
  );
}

/** One snippet with its Copy button and a polite confirmation. */
function CodeBlock({ title, code }: { readonly title: string; readonly code: string }) {
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const titleId = useId();
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  const copy = () => {
    void copyText(code).then((ok) => {
      setStatus(ok ? 'Copied' : 'Copy failed: select the code and copy it by hand');
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => setStatus(''), 2500);
    });
  };
  return (
    <div className="notebook-code">
      <div className="notebook-code-head">
        <h4 id={titleId}>{title}</h4>
        <button type="button" onClick={copy}>
          Copy {title} code
        </button>
        <span className="notebook-code-status" aria-live="polite">
          {status}
        </span>
      </div>
      <pre tabIndex={0} role="region" aria-labelledby={titleId}>
        <code>{code}</code>
      </pre>
    </div>
  );
}
