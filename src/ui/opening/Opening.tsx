import { useMemo } from 'react';
import { NormInterval } from '../../charts/NormInterval.tsx';
import { formatEstimateValue, formatFixed, formatKeep, provenance } from '../../explain/formatNumber.ts';
import { selectFirstResult, selectNormResults } from '../../state/analysisStore.ts';
import { selectEffectiveKeep, selectKept, selectVector } from '../../state/selectors.ts';
import { useAnalysis } from '../analysisContext.ts';
import { useChannelDemand } from '../channelDemand.ts';
import { useExplorer } from '../explorerContext.ts';
import { SectionRef } from '../SectionRef.tsx';
import { openingFigure } from './openingFigure.ts';

/**
 * Above section 1: the question in one sentence and the answer in three, with the reader's numbers
 * and a link to the section that shows each, plus one figure of the interval ‖y‖ falls in. A reader
 * who reads only this leaves with the answer (issue 14's answer-first opening).
 */
export function Opening() {
  const x = useExplorer(selectVector);
  const keep = useExplorer(selectEffectiveKeep);
  const model = useExplorer((s) => s.model);
  const kept = useExplorer(selectKept);
  const notation = useExplorer((s) => s.notation);
  const main = useAnalysis('main', selectFirstResult);
  const compared = useAnalysis('compare', selectNormResults);
  // E‖y‖ under 1/q comes from the comparison when the main figure uses another compensation.
  const compensation = useExplorer((s) => s.compensation);
  useChannelDemand('compare', model !== 'dropconnect' && compensation !== 'inverted');
  const comparesInverted = useExplorer((s) => s.compared.includes('inverted'));
  // Idle is before the first request (the prerendered first screen, the first render): on its way too.
  const mainComing = useAnalysis('main', (s) => s.status === 'running' || s.status === 'idle');
  const compareComing = useAnalysis('compare', (s) => s.status === 'running' || s.status === 'idle');
  const figure = useMemo(
    () => openingFigure({ x, keep, model, kept, results: [main, ...compared] }),
    [x, keep, model, kept, main, compared],
  );
  // E‖y‖ under 1/q is on its way (the main figure's or the comparison's): its words keep their place.
  const pending =
    figure.mean === null &&
    !figure.otherModel &&
    ((compensation === 'inverted' && mainComing) || (compensation !== 'inverted' && comparesInverted && compareComing));
  const q = formatKeep(figure.q);
  const norm = formatFixed(figure.norm, 4);
  const rms = formatFixed(figure.rms, 4);
  const rate = notation === 'drop' ? ` (the drop rate is p = 1 − q = ${formatKeep(1 - figure.q)})` : '';
  return (
    <section className="opening" aria-labelledby="opening-title">
      <h2 id="opening-title">The short answer</h2>
      <p className="opening-question">
        <strong>The question.</strong> Dropout divides the activations it keeps by the keep probability q{rate}, so on
        any one mask the survivors come out 1/q = {formatFixed(1 / figure.q, 2)} times larger than they were. Why is that
        right?
      </p>
      {figure.otherModel ? (
        <p className="opening-note">
          The page’s mask model is DropConnect (<SectionRef id="dropconnect" />), which drops weights; this answer is for
          dropout on the units, with Bernoulli masks at the same q.
        </p>
      ) : null}
      <ol className="opening-answer">
        <li>
          <strong>It keeps the mean, exactly.</strong>{' '}
          {figure.kept === null ? (
            <>Each unit is kept with probability q = {q}</>
          ) : (
            <>
              Each mask keeps exactly k = {figure.kept} of the n = {figure.n} units, so each unit is kept with probability q
              = k/n = {q}
            </>
          )}{' '}
          and divided by q, so on average it is itself: E[y<sub>i</sub>] = x<sub>i</sub>. The next layer’s weighted sums are
          then right on average too: E[w·y] = w·x, its input at test time (<SectionRef id="mean" />).
        </li>
        <li>
          <strong>The length was never the invariant.</strong> On average the squared length grows by 1/q: E‖y‖² = ‖x‖²/q
          = {formatFixed(figure.normSquared, 4)}/{q} = {formatFixed(figure.meanSquare, 4)} (closed form;{' '}
          <SectionRef id="norm" />
          ).
        </li>
        <li>
          <strong>So the average length E‖y‖ lies between ‖x‖ and ‖x‖/√q</strong>
          {pending ? (
            // The same words as with the number, so the page does not move when it arrives.
            <>
              : here E‖y‖ = <span className="pending">… (computing)</span>, between {norm} and {rms}
            </>
          ) : figure.mean === null ? (
            <>
              , here between {norm} and {rms}
            </>
          ) : (
            <>
              : here E‖y‖ = {formatEstimateValue(figure.mean, 4)} ({provenance(figure.mean, 4)}), between {norm} and {rms}
            </>
          )}
          . The excess over ‖x‖ is dropout’s noise, not a bias the next layer sees; in a wide layer of similar units ‖y‖ itself is nearly always close to
          ‖x‖/√q (<SectionRef id="layers" />
          ).
        </li>
      </ol>
      <figure className="opening-figure">
        <NormInterval norm={figure.norm} mean={figure.mean?.value ?? null} rms={figure.rms} />
        <figcaption className="opening-legend">
          <span>
            <span className="swatch swatch-norm" aria-hidden="true" /> ‖x‖ = {norm}
          </span>
          {figure.mean === null && !pending ? null : (
            <span>
              <span className="swatch swatch-mean" aria-hidden="true" /> E‖y‖ ={' '}
              {figure.mean === null ? <span className="pending">…</span> : formatFixed(figure.mean.value, 4)}
            </span>
          )}
          <span>
            <span className="swatch swatch-rms" aria-hidden="true" /> √E‖y‖² = ‖x‖/√q = {rms}
          </span>
          <span className="opening-legend-band">shaded: where E‖y‖ must lie</span>
        </figcaption>
      </figure>
    </section>
  );
}
