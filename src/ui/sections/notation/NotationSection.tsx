import { useId, useMemo } from 'react';
import { Tex } from '../../../explain/Tex.tsx';
import { formatKeep } from '../../../explain/formatNumber.ts';
import { FRAMEWORKS, frameworkRows } from '../../../explain/frameworks.ts';
import { halfSentence, halfTex, isHalf, layerTex, readingsTex } from '../../../explain/notationDerivation.ts';
import { DraggableNumber } from '../../DraggableNumber.tsx';
import { useActions, useExplorer } from '../../explorerContext.ts';
import { complement, useNotationNumber } from '../../notationNumber.ts';
import { Section } from '../../Section.tsx';
import { ActionButton } from '../../ActionButton.tsx';
import { useControlAccess } from '../../controlAccess.ts';

/** The page-wide switch (the same state as the sidebar's), as a radio group of its own. */
function NotationSwitch() {
  const notation = useExplorer((s) => s.notation);
  const { setNotation } = useActions();
  const name = useId();
  const access = useControlAccess('notation');
  if (access === 'hidden') return null;
  return (
    <fieldset className="notation-switch" disabled={access === 'locked'}>
      <legend>Write the whole page in terms of</legend>
      <label>
        <input type="radio" name={name} checked={notation === 'keep'} onChange={() => setNotation('keep')} /> the keep
        probability q
      </label>
      <label>
        <input type="radio" name={name} checked={notation === 'drop'} onChange={() => setNotation('drop')} /> the drop
        rate p = 1 − q
      </label>
    </fieldset>
  );
}

/** What each framework calls the argument, with the reader's value substituted. */
function CheatSheet() {
  const keep = useExplorer((s) => s.keep);
  const notation = useExplorer((s) => s.notation);
  const rows = useMemo(() => frameworkRows(keep, notation), [keep, notation]);
  const half = isHalf(keep);
  const values =
    notation === 'keep'
      ? `q = ${formatKeep(keep)} (p = ${formatKeep(complement(keep))})`
      : `p = ${formatKeep(complement(keep))} (q = ${formatKeep(keep)})`;
  return (
    <div className="table-scroll notation-table" tabIndex={0} role="region" aria-labelledby="notation-cheat-sheet-caption">
      <table className={half ? 'cheat-sheet is-half' : 'cheat-sheet'}>
        <caption id="notation-cheat-sheet-caption">Cheat sheet: each framework’s dropout call with your {values}</caption>
        <thead>
          <tr>
            <th scope="col">Framework</th>
            <th scope="col">Call with your value</th>
            <th scope="col">Its argument is the</th>
            <th scope="col">Kept values in training</th>
            <th scope="col">At inference</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-framework={row.id}>
              <th scope="row">{row.framework}</th>
              <td className="cheat-call" data-label="Call with your value">
                <code>{row.call}</code>
              </td>
              <td data-label="Its argument is the">
                {row.meaning}: <span className="cheat-terms">{row.inPageTerms}</span>
              </td>
              <td data-label="Kept values in training">
                <span className="cheat-terms">{row.trainingFormula}</span> {row.trainingValue}
              </td>
              <td data-label="At inference">{row.inference}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The notation section: the same layer named by its keep probability or by its drop rate. */
export function NotationSection() {
  const keep = useExplorer((s) => s.keep);
  const notation = useExplorer((s) => s.notation);
  const { setKeep } = useActions();
  const number = useNotationNumber();
  const [first, second] = readingsTex(keep, notation);
  const half = isHalf(keep);
  return (
    <Section id="notation">
      <p>
        The 2014 paper and TensorFlow 1 name dropout by the probability of <em>keeping</em> a unit; PyTorch, Keras,
        TensorFlow 2, Flax and TensorFlow.js name it by the probability of <em>dropping</em> one. This page can speak
        either way: the switch below (the same as among the controls) relabels every control and formula.
      </p>
      <NotationSwitch />
      <p>
        With the {notation === 'keep' ? 'keep probability' : 'drop rate'} at <DraggableNumber {...number} />, the same
        layer reads two ways. Both give the same scale for the kept values (closed form):
      </p>
      <Tex literal tex={first} display label="notation-reading-page" />
      <Tex literal tex={second} display label="notation-reading-other" />
      <p>It is one layer, whichever name it goes by, and its mean is x either way:</p>
      <Tex literal tex={layerTex(keep, notation)} display label="notation-layer" />
      <div className={half ? 'notation-half is-half' : 'notation-half'} data-testid="notation-half">
        <Tex literal tex={halfTex(keep)} display label="notation-half-tex" />
        <p>{halfSentence(keep)}</p>
        {half ? null : (
          <ActionButton groups={['keep']} onClick={() => setKeep(0.5)}>
            Set q = ½: every call below gets the same number
          </ActionButton>
        )}
      </div>
      <CheatSheet />
      <details className="notation-sources">
        <summary>Where each convention was checked</summary>
        <ul>
          {FRAMEWORKS.map((f) => (
            <li key={f.id}>
              <strong>{f.framework}</strong>: {f.source}
            </li>
          ))}
        </ul>
        <p>
          Every framework draws an independent Bernoulli keep flag per element and divides the survivors by the keep
          probability (inverted dropout); only the paper leaves training unscaled and multiplies the weights by its p
          (a keep probability) at test. The two are the same network up to moving q into the next layer.
        </p>
      </details>
    </Section>
  );
}
