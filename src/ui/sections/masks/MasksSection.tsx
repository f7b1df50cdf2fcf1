import { useId, useMemo } from 'react';
import { formatCount, formatFixed, formatKeep, formatProbability, provenance } from '../../../explain/formatNumber.ts';
import { magnitudeDecimals } from '../../../explain/questionDerivation.ts';
import { Tex } from '../../../explain/Tex.tsx';
import { compensationInfo, maskModel, MAX_LISTED_UNITS } from '../../../math/index.ts';
import { selectFirstResult } from '../../../state/analysisStore.ts';
import { selectKept, selectNorm, selectUnits, selectVector } from '../../../state/selectors.ts';
import { useAnalysis } from '../../analysisContext.ts';
import { EstimateText } from '../../EstimateText.tsx';
import { useActions, useExplorer } from '../../explorerContext.ts';
import { MaskTable } from './MaskTable.tsx';
import { manyMasksNumbers, masksFigure } from './masksFigure.ts';
import { maskText, sameMask } from './maskTableRows.ts';
import { Section } from '../../Section.tsx';
import { SectionRef } from '../../SectionRef.tsx';
import { useControlAccess } from '../../controlAccess.ts';

/** A mean or norm in the averages: 4 decimals, or 5 significant digits below 0.1. */
const mean = (value: number) => formatFixed(value, magnitudeDecimals(value));

/** Section 2: every mask with its probability, under either unit model, and the average it gives. */
export function MasksSection() {
  const units = useExplorer(selectUnits);
  return (
    <Section id="masks">
      <p>
        One mask is one draw; dropout draws a new mask at every step, so what matters is the average over masks, each
        weighed by its probability. The accepted answer averaged the six masks that keep exactly two of the four units
        and got 2.5991, then 2.5991/0.5 = 5.1982. That is the <em>fixed-count</em> model. Frameworks draw every unit
        independently (the <em>Bernoulli</em> model), so all 2<sup>4</sup> = 16 masks occur, from keeping none of the
        units to keeping all four. Switch between the two and compare the averages under the table.
      </p>
      {units >= 1 && units <= MAX_LISTED_UNITS ? <EveryMask /> : <TooManyMasks units={units} />}
    </Section>
  );
}

/** n > 12: no listing; the engine's mean (with its provenance) and a pointer to the histogram. */
function TooManyMasks({ units }: { readonly units: number }) {
  const numbers = manyMasksNumbers(useAnalysis('main', selectFirstResult));
  return (
    <div className="masks-too-many">
      <p>
        Listing every mask needs n ≤ {MAX_LISTED_UNITS} units (2<sup>{MAX_LISTED_UNITS}</sup> = 4096 rows); your vector has
        n = {formatCount(units)} units, so 2<sup>{units}</sup> masks. Their distribution of ‖y‖ is in the{' '}
        <a href="#norm">histogram section</a>.
      </p>
      {numbers !== null ? (
        <p>
          Over all of them, E‖m⊙x‖ = <EstimateText estimate={numbers.masked} decimals={4} /> and, dividing by q,
          E‖m⊙x‖/q = <EstimateText estimate={numbers.divided} decimals={4} />, at q = {formatKeep(numbers.q)}.
        </p>
      ) : null}
    </div>
  );
}

/** n ≤ 12: the model switch, the table, the averages and the derivation. */
function EveryMask() {
  const x = useExplorer(selectVector);
  const keep = useExplorer((s) => s.keep);
  const model = useExplorer((s) => s.model);
  const chosen = useExplorer((s) => s.mask);
  const norm = useExplorer(selectNorm);
  const actions = useActions();
  const modelAccess = useControlAccess('model');
  const keepAccess = useControlAccess('keep');
  const maskAccess = useControlAccess('mask');
  // The box holds the model switch, k for fixed counts, and a note for DropConnect: leave it out when all are gone.
  const { keepFromCount, masks } = maskModel(model);
  const showModelBox = modelAccess !== 'hidden' || (keepFromCount && keepAccess !== 'hidden') || masks === 'weights';
  const n = x.length;
  // k ≥ 1 for the table (round(q·n) can be 0 for a small q); setKept keeps it in 1…n.
  const kept = Math.max(1, useExplorer(selectKept));
  const compensation = useExplorer((s) => s.compensation);
  const result = useAnalysis('main', selectFirstResult);
  const id = useId();
  const figure = useMemo(() => masksFigure({ x, keep, model, kept, norm }, result), [x, keep, model, kept, norm, result]);
  const { listed, excessPercent: excess } = figure;
  const { rows, derivation, q } = listed;
  const tableModel = listed.model;

  const chosenRow = chosen !== null && chosen.length === n ? rows.find((r) => sameMask(r.mask, chosen)) : undefined;
  const choose = maskAccess === 'free' ? (target: readonly (0 | 1)[]) => actions.setMask(target) : null;
  const count = figure.countText;

  return (
    <>
      {!showModelBox ? null : (
        <fieldset className="masks-model">
          <legend>Which masks</legend>
          {modelAccess === 'hidden' ? null : (
            <>
              <label>
                <input
                  type="radio"
                  name={`${id}-model`}
                  checked={model === 'bernoulli'}
                  disabled={modelAccess === 'locked'}
                  onChange={() => actions.setModel('bernoulli')}
                />{' '}
                Bernoulli: all 2<sup>{n}</sup> masks, each unit kept with probability q (real dropout)
              </label>
              <label>
                <input
                  type="radio"
                  name={`${id}-model`}
                  checked={model === 'fixed'}
                  disabled={modelAccess === 'locked'}
                  onChange={() => actions.setModel('fixed')}
                />{' '}
                Fixed count: only the masks that keep exactly k units (the accepted answer)
              </label>
            </>
          )}
          {keepFromCount && keepAccess !== 'hidden' ? (
            <div className="masks-kept">
              <label htmlFor={`${id}-k`}>k, units each mask keeps</label>{' '}
              <select
                id={`${id}-k`}
                value={kept}
                disabled={keepAccess === 'locked'}
                onChange={(e) => actions.setKept(Number(e.currentTarget.value))}
              >
                {Array.from({ length: n }, (_, i) => i + 1).map((k) => (
                  <option key={k} value={k}>
                    {k} of {n}
                  </option>
                ))}
              </select>{' '}
              <span className="method-note">q = k/n = {formatKeep(kept / n)}</span>
            </div>
          ) : null}
          {figure.showsUnitMasksInstead ? (
            <p className="method-note">
              DropConnect (chosen among the controls) masks the weights of the next layer, not the units; this table shows the
              unit masks of the Bernoulli model at the same q.{modelAccess === 'free' ? ' Choose a model here to switch.' : ''}
            </p>
          ) : null}
        </fieldset>
      )}

      <MaskTable
        rows={rows}
        model={tableModel}
        chosen={chosen}
        onChoose={choose}
        caption={`Every mask of x: ${count}, with kept count k, probability P(m), ‖m⊙x‖ and ‖y‖ = ‖m⊙x‖/q at q = ${formatKeep(q)}`}
      />
      <p className="method-note">
        {chosenRow !== undefined ? (
          <>The mask chosen in <SectionRef id="question" />, {maskText(chosenRow.mask)}, is marked “chosen”.</>
        ) : chosen !== null && chosen.length === n ? (
          <>
            The mask chosen in <SectionRef id="question" />, {maskText(chosen)}, keeps {chosen.reduce<number>((s, b) => s + b, 0)} units, so it
            is not one of these masks.
          </>
        ) : null}
      </p>

      <div className="mask-averages" role="group" aria-label="Averages over the listed masks">
        <p>
          Averaged over {count} (the probabilities add up to {formatProbability(derivation.totalProbability)}):
        </p>
        <ul>
          <li>
            E‖m⊙x‖ = Σ P(m)‖m⊙x‖ = <strong>{mean(listed.meanMaskedNorm.value)}</strong> ({provenance(listed.meanMaskedNorm, magnitudeDecimals(listed.meanMaskedNorm.value))})
          </li>
          <li>
            E‖y‖ = E‖m⊙x‖/q = {mean(listed.meanMaskedNorm.value)}/{formatKeep(q)} = <strong>{mean(listed.meanNorm.value)}</strong>
            , against ‖x‖ = {mean(norm)}
            {excess === null ? '' : <> ({formatFixed(Math.abs(excess), 1)} % {excess >= 0 ? 'above' : 'below'})</>}
          </li>
        </ul>
      </div>
      <p>
        {figure.otherText}{' '}
        Neither model promises ‖x‖: dividing by q keeps the mean, E[y] = x, not the length (<SectionRef id="norm" /> shows
        why ‖x‖ ≤ E‖y‖ ≤ ‖x‖/√q).
        {compensationInfo(compensation).unbiased ? null : (
          <> This section divides by q (inverted dropout); the page’s compensation applies to <SectionRef id="norm" possessive /> histogram.</>
        )}
      </p>
      <div className="derivation" role="group" aria-label="Derivation of the average with your numbers">
        {derivation.steps.map((step) => (
          <Tex key={step.id} tex={step.tex} display label={`masks-${step.id}`} />
        ))}
        {figure.groupsByKeptCount ? (
          <p className="method-note">
            S<sub>k</sub> is the sum of ‖m⊙x‖ over the C(n, k) masks that keep k units; all of them have the same
            probability q<sup>k</sup>(1−q)<sup>n−k</sup>.
          </p>
        ) : null}
      </div>
    </>
  );
}
