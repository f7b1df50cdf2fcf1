import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { formatFixed } from '../explain/formatNumber.ts';
import { SECTIONS } from './sectionList.ts';
import { dropConnectClosedForms, maskModel } from '../math/index.ts';
import { selectMainQueries } from '../state/analysisRequest.ts';
import { selectFirstResult } from '../state/analysisStore.ts';
import { selectEffectiveKeep, selectKept, selectVector, selectWeights } from '../state/selectors.ts';
import { useAnalysis } from './analysisContext.ts';
import { useExplorer } from './explorerContext.ts';
import { PredictionContext, usePrediction, type Attempt, type Prediction } from './predictionContext.ts';
import { judgeGuess, PREDICT_TARGET_INFO, readGuess, setupSentence, targetText } from './predictTargets.ts';
import { ProgressLine } from './ProgressLine.tsx';

/** The guess box (one per page: the question is shown once). */
const GUESS_INPUT_ID = 'predict-guess';

/** Holds the reader's guess for the page; a class link without predict= is never pending. */
export function PredictionProvider({ children }: { readonly children: ReactNode }) {
  const target = useExplorer((s) => s.predict);
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const current = attempt !== null && attempt.target === target ? attempt : null;
  const value = useMemo<Prediction>(
    () => ({ pending: target !== null && current === null, attempt: current, setAttempt }),
    [target, current],
  );
  return <PredictionContext.Provider value={value}>{children}</PredictionContext.Provider>;
}

/** Fills in the answer once the engine has finished the settings the guess was made for. */
function useAnswer(attempt: Attempt | null, setAttempt: (a: Attempt) => void) {
  const requests = useAnalysis('main', (s) => s.queries);
  const status = useAnalysis('main', (s) => s.status);
  const result = useAnalysis('main', selectFirstResult);
  useEffect(() => {
    if (attempt === null || attempt.answer !== null) return;
    if (requests !== attempt.requests || status !== 'done' || result === null) return;
    setAttempt({ ...attempt, answer: { estimate: PREDICT_TARGET_INFO[attempt.target].read(result), norm: result.norm } });
  }, [attempt, requests, status, result, setAttempt]);
  const error = useAnalysis('main', (s) => (s.status === 'error' ? s.error : null));
  const mine = attempt !== null && attempt.answer === null && requests === attempt.requests;
  return { waiting: mine && error === null, error: mine ? error : null };
}

/** The question, a box for the guess, and a button that commits it. */
function PredictForm() {
  const { setAttempt } = usePrediction();
  const target = useExplorer((s) => s.predict);
  const model = useExplorer((s) => s.model);
  const notation = useExplorer((s) => s.notation);
  const compensation = useExplorer((s) => s.compensation);
  const x = useExplorer(selectVector);
  const keep = useExplorer(selectEffectiveKeep);
  const kept = useExplorer(selectKept);
  const requests = useExplorer(selectMainQueries);
  const weightsSeed = useExplorer((s) => s.weightsSeed);
  const matrix = useExplorer((s) => selectWeights(s).matrix);
  const weights = useMemo(() => {
    if (maskModel(model).masks === 'units') return undefined;
    const w = matrix;
    // ‖Wx‖ is an input of the question (the layer without dropout), not one of the hidden results.
    return { rows: w.rows, seed: weightsSeed, outputNorm: dropConnectClosedForms({ x, weights: w, keep, compensation: 'inverted' }).testNorm };
  }, [model, x, matrix, weightsSeed, keep]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  if (target === null) return null;
  const { symbol, words } = targetText(target, model);
  const info = PREDICT_TARGET_INFO[target];
  const commit = (event: FormEvent) => {
    event.preventDefault();
    const read = readGuess(text, info.kind);
    if (!read.ok) {
      setError(read.error);
      return;
    }
    setError(null);
    setAttempt({ target, guess: read.value, requests, answer: null });
  };
  return (
    <section className="predict-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Predict, then reveal</h2>
      <p id={`${id}-setup`}>{setupSentence({ x, keep, kept, model, compensation, notation, ...(weights === undefined ? {} : { weights }) })}</p>
      <p id={`${id}-ask`}>
        Predict <strong>{symbol}</strong>: {words}
        {info.kind === 'probability' ? ' (a number from 0 to 1, or a percentage)' : ''}.
      </p>
      <form className="predict-form" onSubmit={commit} noValidate>
        <label htmlFor={GUESS_INPUT_ID}>Your guess for {symbol}</label>
        <input
          id={GUESS_INPUT_ID}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          aria-invalid={error !== null}
          aria-describedby={`${id}-ask ${id}-setup${error !== null ? ` ${id}-error` : ''}`}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit">Commit my guess</button>
      </form>
      {error !== null ? (
        <p id={`${id}-error`} className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="predict-note">The figures and numbers stay hidden until you commit a guess.</p>
    </section>
  );
}

/** The guess against the value, how far off it was, and a way to try again. */
function PredictReveal({ attempt }: { readonly attempt: Attempt }) {
  const { setAttempt } = usePrediction();
  const model = useExplorer((s) => s.model);
  const { waiting, error } = useAnswer(attempt, setAttempt);
  const settingsNow = useExplorer(selectMainQueries);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  // The reveal replaces the form the reader was typing in: bring their focus (and screen reader) to it.
  useEffect(() => heading.current?.focus(), []);
  const { symbol } = targetText(attempt.target, model);
  const info = PREDICT_TARGET_INFO[attempt.target];
  const answer = attempt.answer;
  const verdict = answer === null ? null : judgeGuess(attempt.guess, answer.estimate, info.kind);
  const table = SECTIONS.find((s) => s.id === 'norm')?.title ?? 'the norm section';
  const normSymbol = maskModel(model).masks === 'weights' ? '‖Wx‖' : '‖x‖';
  // The norm section's table lists every target for the page's own model and compensation. Embedded,
  // the frame may not hold it: then it is named as part of the full page.
  const embed = useExplorer((s) => s.embed);
  const tableShown = embed === null || embed === 'all' || embed === 'norm';
  return (
    <section className="predict-card predict-revealed" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        Your prediction of {symbol}
      </h2>
      <div aria-live="polite">
        {verdict !== null && answer !== null ? (
          <>
            <p>
              {symbol} = <span className="value">{verdict.value}</span>
            </p>
            <p className={verdict.close ? 'predict-close' : 'predict-off'}>{verdict.distance}</p>
            {info.besideNorm && answer.norm > 0 ? (
              <p>
                For comparison, {normSymbol} = {formatFixed(answer.norm, 4)}: {symbol} is{' '}
                {formatFixed(Math.abs(answer.estimate.value / answer.norm - 1) * 100, 1)}%{' '}
                {answer.estimate.value >= answer.norm ? 'above' : 'below'} it.
              </p>
            ) : null}
            {tableShown ? (
              <p>
                The table under the histogram in <a href="#norm">“{table}”</a> lists it with the other numbers for these
                settings.
              </p>
            ) : (
              <p>The table under the histogram in “{table}” (in the full page) lists it with the other numbers for these settings.</p>
            )}
            {settingsNow !== attempt.requests ? (
              <p className="predict-note">
                These are the numbers for the settings you guessed with; you have changed them since. “Predict again” asks
                about the current ones.
              </p>
            ) : null}
          </>
        ) : error !== null ? (
          <p className="form-error">The engine could not compute {symbol} for these settings: {error}</p>
        ) : waiting ? (
          <p>Computing {symbol} for your settings…</p>
        ) : (
          <p>The settings changed before {symbol} was computed for your guess: predict again.</p>
        )}
      </div>
      {waiting ? <ProgressLine channel="main" /> : null}
      <button
        type="button"
        onClick={() => {
          setAttempt(null);
          // The question comes back in place of the verdict: put the reader in its guess box.
          requestAnimationFrame(() => document.getElementById(GUESS_INPUT_ID)?.focus());
        }}
      >
        Predict again
      </button>
    </section>
  );
}

/**
 * A class link's "predict, then reveal": while pending, the question and a guess box stand in for
 * everything that shows a computed number; once the guess is committed, the verdict comes first.
 */
export function PredictGate({ children }: { readonly children: ReactNode }) {
  const { pending, attempt } = usePrediction();
  const target = useExplorer((s) => s.predict);
  if (target === null) return <>{children}</>;
  if (pending || attempt === null) return <PredictForm />;
  return (
    <>
      <PredictReveal attempt={attempt} />
      {children}
    </>
  );
}
