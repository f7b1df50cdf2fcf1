import { useMemo, useRef } from 'react';
import { MaskVectors } from '../../../charts/MaskVectors.tsx';
import { maskModel } from '../../../math/index.ts';
import { formatCount, formatFixed, formatKeep, formatProbability } from '../../../explain/formatNumber.ts';
import { QUESTION_TERMS } from '../../../explain/questionDerivation.ts';
import { Tex } from '../../../explain/Tex.tsx';
import { MAX_MASK_UNITS } from '../../../state/explorerState.ts';
import { selectEffectiveKeep, selectKept, selectUnits, selectVector } from '../../../state/selectors.ts';
import { DraggableNumber } from '../../DraggableNumber.tsx';
import { useActions, useExplorer } from '../../explorerContext.ts';
import { FigureData } from '../../FigureData.tsx';
import { FigureExport } from '../../FigureExport.tsx';
import { useHighlight } from '../../highlightContext.ts';
import { HighlightKeys } from '../../HighlightKeys.tsx';
import { useCompensationLabels } from '../../labels.ts';
import { maskText } from '../masks/maskTableRows.ts';
import { NotebookExport } from '../../NotebookExport.tsx';
import { useNotationNumber } from '../../notationNumber.ts';
import { QuestionMaskPicker } from './QuestionMaskPicker.tsx';
import { proseNumber, questionFigure } from './questionFigure.ts';
import { Section } from '../../Section.tsx';
import { SectionRef } from '../../SectionRef.tsx';
import { ActionButton } from '../../ActionButton.tsx';
import { useControlAccess } from '../../controlAccess.ts';

/** Section 1: the question's single mask, and any mask the reader picks, compensated by 1/q. */
export function QuestionSection() {
  const units = useExplorer(selectUnits);
  return (
    <Section id="question">
      <p>
        The question starts from four activations x = (0.1, 0.1, 0.2, 5.0) and one dropout mask m = (0, 0, 1, 1):
        units 1 and 2 are dropped, units 3 and 4 kept. Masking leaves ‖m⊙x‖ = 5.004. Inverted dropout then divides
        the survivors by the keep probability q = 0.5, and the norm becomes 10.008, twice the original ‖x‖ = 5.006.
        Dividing by q seems to blow the vector up. Why is it the right thing to do?
      </p>
      {units <= MAX_MASK_UNITS ? <SingleMask /> : <TooManyUnits units={units} />}
      <NotebookExport />
    </Section>
  );
}

/** For n > 12: say why there is no single-mask view and offer the question's example. */
function TooManyUnits({ units }: { readonly units: number }) {
  const actions = useActions();
  return (
    <div className="question-too-many">
      <p>
        The single-mask view needs n ≤ {MAX_MASK_UNITS} units (one toggle per unit); your vector has n ={' '}
        {formatCount(units)}.
      </p>
      <ActionButton groups={['presets']} onClick={() => actions.applyPreset('question')}>
        Load the question’s example (4 units)
      </ActionButton>
    </div>
  );
}

/** The reader's own mask: toggles, the three bar groups and the derivation with their numbers. */
function SingleMask() {
  const COMPENSATION_LABELS = useCompensationLabels();
  const x = useExplorer(selectVector);
  const chosen = useExplorer((s) => s.mask);
  const model = useExplorer((s) => s.model);
  const notationNumber = useNotationNumber();
  const keep = useExplorer(selectEffectiveKeep);
  const kept = useExplorer(selectKept);
  const notation = useExplorer((s) => s.notation);
  const compensation = useExplorer((s) => s.compensation);
  const actions = useActions();
  const [highlight, setHighlight] = useHighlight();
  const figureRef = useRef<HTMLElement>(null);
  const shown = useMemo(
    () => questionFigure({ x, mask: chosen, keep, model, kept, compensation }),
    [x, chosen, keep, model, kept, compensation],
  );
  const { mask, derivation, ratio, ending } = shown;
  const figure = shown.text;
  const { keepFromCount } = maskModel(model);
  const n = x.length;
  const { maskedNorm, compensatedNorm, norm } = derivation;
  const keepAccess = useControlAccess('keep');
  const vectorAccess = useControlAccess('vector');
  const maskAccess = useControlAccess('mask');

  const keepSentence =
    keepFromCount ? (
      <>
        With the fixed-count model chosen, q = k/n = {kept}/{n} = {formatKeep(keep)}.
      </>
    ) : (
      <>
        {notation === 'drop' ? 'Drop rate p = ' : 'Keep probability q = '}
        <DraggableNumber
          {...notationNumber}
          label={notation === 'drop' ? 'p (drop rate) for this mask' : 'q (keep probability) for this mask'}
        />
        {notation === 'drop' ? (
          <>, so the kept values are divided by q = 1 − p = {formatKeep(keep)}.</>
        ) : (
          <>: the kept values are divided by q{keepAccess === 'free' ? ' (drag the number or use the arrow keys)' : ''}.</>
        )}
      </>
    );

  return (
    <>
      <p>
        {vectorAccess === 'free' && maskAccess === 'free'
          ? `Try it with your own vector (n = ${n}, set among the controls) and any mask. `
          : `Here with n = ${n} units. `}
        {keepSentence}
      </p>
      {maskAccess === 'hidden' ? null : (
        <QuestionMaskPicker values={x} mask={mask} onToggle={actions.toggleMaskUnit} locked={maskAccess === 'locked'} />
      )}
      {shown.noKeep ? (
        <p className="notice">The fixed-count model keeps k = 0 units here, so there is no q to divide by; choose k ≥ 1.</p>
      ) : (
        <>
          <figure className="question-figure" ref={figureRef}>
            <MaskVectors
              values={x}
              mask={mask}
              scale={derivation.scale}
              groups={[
                { name: 'x', caption: `‖x‖ = ${proseNumber(norm)}`, term: QUESTION_TERMS.norm },
                { name: 'm⊙x', caption: `‖m⊙x‖ = ${proseNumber(maskedNorm)}`, term: QUESTION_TERMS.masked },
                { name: 'y = m⊙x/q', caption: `‖y‖ = ${proseNumber(compensatedNorm)}`, term: QUESTION_TERMS.compensated },
              ]}
              title={figure.title}
              description={figure.description}
              highlight={highlight}
              onHighlight={setHighlight}
              {...(maskAccess === 'free' ? { onToggle: actions.toggleMaskUnit } : {})}
            />
            <figcaption>
              <span className="question-legend-kept" aria-hidden="true">■</span> kept: solid bar.{' '}
              <span className="question-legend-dropped" aria-hidden="true">▨</span> dropped: hatched in x, a cross at zero
              once masked.{maskAccess === 'free' ? ' Click a bar to drop or keep its unit.' : ''}
            </figcaption>
          </figure>
          <FigureExport target={figureRef} fileName="question-mask" label="figure of x, m⊙x and y" />
          <FigureData title={figure.title} columns={figure.columns} rows={figure.rows} />
          <p className="question-readout" role="status">
            The mask m = {maskText(mask)} keeps {derivation.kept} of {n} units: ‖m⊙x‖ = {proseNumber(maskedNorm)} and ‖y‖ =
            ‖m⊙x‖/q = {proseNumber(compensatedNorm)}, against ‖x‖ = {proseNumber(norm)}
            {ratio === null ? '' : <> (‖y‖ is {formatFixed(ratio, 3)} × ‖x‖)</>}. Exact: computed from x and this one mask.
          </p>
          {ending?.kind === 'all-dropped' ? (
            <p className="question-all-dropped">
              Every unit is dropped: m⊙x = 0, so ‖m⊙x‖ = 0 and ‖y‖ = 0/q = 0 whatever the scale; there is nothing left to
              compensate. Under Bernoulli dropout this mask has probability (1 − q)<sup>n</sup> ={' '}
              {formatProbability(ending.bernoulliProbability)}; the fixed-count model never draws it.
            </p>
          ) : ending?.kind === 'zero-kept' ? (
            <p className="question-all-dropped">
              Every kept unit is 0, so m⊙x = 0 and ‖y‖ = 0 whatever the scale.
            </p>
          ) : ending?.kind === 'all-kept' ? (
            <p>Every unit is kept: y = x/q, so ‖y‖ = ‖x‖/q, the largest ‖y‖ can be.</p>
          ) : null}
          <HighlightKeys
            keys={[
              { term: QUESTION_TERMS.norm, label: '‖x‖' },
              { term: QUESTION_TERMS.masked, label: '‖m⊙x‖' },
              { term: QUESTION_TERMS.compensated, label: '‖y‖' },
            ]}
            where="the figure above and the derivation below"
          />
          <div className="derivation" role="group" aria-label="Derivation with your numbers">
            {derivation.steps.map((step) => (
              <Tex
                key={step.id}
                tex={step.tex}
                display
                label={`question-${step.id}`}
                highlight={highlight}
                onHighlight={setHighlight}
              />
            ))}
          </div>
        </>
      )}
      <p className="method-note">
        This section always divides by q (inverted dropout, what every framework does), because that is the question as
        asked
        {!shown.compensationUnused ? '.' : <>; the compensation chosen among the controls ({COMPENSATION_LABELS[compensation]}) is not used here.</>}
        {shown.unitMaskInstead ? (
          <>
            {' '}
            Its mask is on the units, as in the question; the page’s DropConnect model masks the weights of the next layer
            instead (<SectionRef id="dropconnect" />).
          </>
        ) : null}
      </p>
      <p>
        One mask is a single draw, and dropout draws a fresh one at every step. What the division by q is for only shows
        in the average over all masks: <a href="#masks">every mask, weighed</a>.
      </p>
    </>
  );
}
