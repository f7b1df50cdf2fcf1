import { useMemo, useRef, useState } from 'react';
import { MistakeBars } from '../../../charts/MistakeBars.tsx';
import { Tex } from '../../../explain/Tex.tsx';
import { formatFixed, formatKeep } from '../../../explain/formatNumber.ts';
import {
  MISTAKES,
  mistakeNumbers,
  mistakeStory,
  mistakeSummary,
  mistakeTex,
  type MistakeId,
  type MistakeNumbers,
} from '../../../explain/mistakes.ts';
import { selectVector } from '../../../state/selectors.ts';
import { DraggableNumber } from '../../DraggableNumber.tsx';
import { useExplorer } from '../../explorerContext.ts';
import { FigureExport } from '../../FigureExport.tsx';
import { mistakeDescription, MISTAKE_SHOWN_UNITS } from './mistakeView.ts';
import { complement, useNotationNumber } from '../../notationNumber.ts';
import { Section } from '../../Section.tsx';

/** The right and wrong outputs unit by unit, and E‖y‖²: the numbers the figure draws. */
function MistakeTable({ numbers, x }: { readonly numbers: MistakeNumbers; readonly x: readonly number[] }) {
  const phase = numbers.phase === 'training' ? 'in training' : 'at test';
  const shown = x.slice(0, MISTAKE_SHOWN_UNITS);
  const cell = (v: number | undefined) => formatFixed(v ?? Number.NaN, 4);
  const normSquared = x.reduce((sum, v) => sum + v * v, 0);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="mistake-table-caption">
      <table className="mistake-table">
        <caption id="mistake-table-caption">
          Right and wrong outputs {phase}, unit by unit (closed forms)
          {x.length > shown.length ? `; first ${shown.length} of ${x.length} units` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Unit</th>
            <th scope="col">
              x<sub>i</sub>
            </th>
            <th scope="col">
              right E[y<sub>i</sub>]
            </th>
            <th scope="col">
              wrong E[y<sub>i</sub>]
            </th>
            <th scope="col">
              right sd(y<sub>i</sub>)
            </th>
            <th scope="col">
              wrong sd(y<sub>i</sub>)
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((v, i) => (
            <tr key={i}>
              <th scope="row">unit {i + 1}</th>
              <td>{cell(v)}</td>
              <td>{cell(numbers.right.mean[i])}</td>
              <td className="mistake-wrong">{cell(numbers.wrong.mean[i])}</td>
              <td>{cell(numbers.right.sd[i])}</td>
              <td className="mistake-wrong">{cell(numbers.wrong.sd[i])}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">
              E‖y‖² (‖x‖² under x<sub>i</sub>)
            </th>
            <td>{cell(normSquared)}</td>
            <td>{cell(numbers.right.meanSquareNorm)}</td>
            <td className="mistake-wrong">{cell(numbers.wrong.meanSquareNorm)}</td>
            <td />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The mistakes section: real dropout bugs, each with its wrong numbers next to the right ones. */
export function MistakesSection() {
  const vector = useExplorer(selectVector);
  const keep = useExplorer((s) => s.keep);
  const notation = useExplorer((s) => s.notation);
  const number = useNotationNumber();
  const [selected, setSelected] = useState<MistakeId>('divide-by-drop');
  const chart = useRef<HTMLDivElement>(null);
  const story = mistakeStory(selected);
  const numbers = useMemo(() => mistakeNumbers(selected, vector, keep), [selected, vector, keep]);
  const tex = mistakeTex(selected, vector, keep, notation);
  const code = story.code(formatKeep(keep), formatKeep(complement(keep)));
  const shown = MISTAKE_SHOWN_UNITS;
  const phase = numbers.phase === 'training' ? 'training' : 'test';
  return (
    <Section id="mistakes">
      <p>
        Four bugs that real dropout code has shipped with. Pick one to see what it does to your x with the{' '}
        {notation === 'keep' ? 'keep probability' : 'drop rate'} at <DraggableNumber {...number} />; two of them vanish
        at q = ½, which is why they survive a quick test.
      </p>
      <div className="mistake-picker" role="group" aria-label="Mistakes">
        {MISTAKES.map((m) => (
          <button key={m.id} type="button" aria-pressed={m.id === selected} onClick={() => setSelected(m.id)}>
            {m.title}
          </button>
        ))}
      </div>
      <article className="mistake" aria-labelledby="mistake-title">
        <h3 id="mistake-title">{story.title}</h3>
        <p>{story.story}</p>
        <div className="mistake-code">
          <figure>
            <figcaption>Wrong</figcaption>
            {/* Code keeps its lines: on a narrow screen it scrolls sideways, so a keyboard can reach it. */}
            <pre tabIndex={0} aria-label="The wrong code (scrolls sideways on narrow screens)">
              <code>{code.wrong}</code>
            </pre>
          </figure>
          <figure>
            <figcaption>Right</figcaption>
            <pre tabIndex={0} aria-label="The right code (scrolls sideways on narrow screens)">
              <code>{code.right}</code>
            </pre>
          </figure>
        </div>
        <p className="mistake-summary" data-testid="mistake-summary">
          {mistakeSummary(selected, vector, keep)}
        </p>
        <div ref={chart} className="mistake-chart">
          <MistakeBars
            title={`${story.title}: x, the right and the wrong ${phase} output per unit`}
            description={mistakeDescription(numbers, vector)}
            series={[
              { key: 'x', name: 'x', values: vector.slice(0, shown) },
              {
                key: 'right',
                name: `right E[y] ± sd`,
                values: numbers.right.mean.slice(0, shown),
                spread: numbers.right.sd.slice(0, shown),
              },
              {
                key: 'wrong',
                name: `wrong E[y] ± sd`,
                values: numbers.wrong.mean.slice(0, shown),
                spread: numbers.wrong.sd.slice(0, shown),
              },
            ]}
          />
        </div>
        <p className="method-note">
          Bars: x outlined, the right mean solid, the wrong mean hatched; whiskers span ±1 standard deviation of the
          output. All values are closed forms.
        </p>
        <FigureExport target={chart} fileName={`mistake-${selected}`} label="bars of x and the right and wrong E[y] ± sd" />
        <MistakeTable numbers={numbers} x={vector} />
        <p>Wrong:</p>
        <Tex literal tex={tex.wrong} display label="mistake-wrong-tex" />
        <p>Right:</p>
        <Tex literal tex={tex.right} display label="mistake-right-tex" />
      </article>
    </Section>
  );
}
