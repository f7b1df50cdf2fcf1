import { useMemo, useRef } from 'react';
import { UnitMeansChart } from '../../../charts/UnitMeansChart.tsx';
import { formatKeep } from '../../../explain/formatNumber.ts';
import {
  biasedMeanTex,
  downstreamMeanSymbolTex,
  downstreamMeanTex,
  downstreamVarianceSymbolTex,
  downstreamVarianceTex,
  unitMeanTex,
  unitVarianceTex,
} from '../../../explain/meanDerivation.ts';
import { Tex } from '../../../explain/Tex.tsx';
import { answerOf } from '../../../math/index.ts';
import { MAX_SEED } from '../../../state/explorerState.ts';
import { selectEffectiveKeep, selectKept, selectVector, selectWeights } from '../../../state/selectors.ts';
import { ActionButton } from '../../ActionButton.tsx';
import { useAnalysis } from '../../analysisContext.ts';
import { useControlAccess } from '../../controlAccess.ts';
import { DraggableNumber } from '../../DraggableNumber.tsx';
import { useActions, useExplorer } from '../../explorerContext.ts';
import { FigureData } from '../../FigureData.tsx';
import { FigureExport } from '../../FigureExport.tsx';
import { useHighlight } from '../../highlightContext.ts';
import { useCompensationLabels } from '../../labels.ts';
import { useNotationNumber } from '../../notationNumber.ts';
import { ProgressLine } from '../../ProgressLine.tsx';
import { Section } from '../../Section.tsx';
import { useChannelDemand } from '../../channelDemand.ts';
import { sectionInfo } from '../../sectionList.ts';
import { SectionRef } from '../../SectionRef.tsx';
import { DownstreamFigureView } from './DownstreamFigureView.tsx';
import { meanFigure } from './meanFigure.ts';
import { Subscripted } from '../../Subscripted.tsx';

/**
 * The mean section: what dividing by q preserves. Per unit E[y_i] = x_i (bars against the engine's
 * means, with ±1 sd whiskers); for a downstream unit z = w·y, E[z] = w·x. Its numbers are the `mean`
 * channel's, for the page's compensation; the derivation is that of 1/q. meanFigure.ts writes every
 * number, label and conditional sentence.
 */
export function MeanSection() {
  const compensationLabels = useCompensationLabels();
  const x = useExplorer(selectVector);
  const keep = useExplorer(selectEffectiveKeep);
  const model = useExplorer((s) => s.model);
  const kept = useExplorer(selectKept);
  const compensation = useExplorer((s) => s.compensation);
  const weightsSeed = useExplorer((s) => s.weightsSeed);
  const w = useExplorer((s) => selectWeights(s).downstream);
  const notation = useExplorer((s) => s.notation);
  const compensationFree = useControlAccess('comp') === 'free';
  const { setWeightsSeed } = useActions();
  const [highlight, setHighlight] = useHighlight();
  const answer = useAnalysis('mean', (s) => s.results[0] ?? null);
  const status = useAnalysis('mean', (s) => s.status);
  useChannelDemand('mean');
  const figure = useMemo(
    () =>
      meanFigure(
        { x, w, model, keep, kept, compensation, weightsSeed, compensationLabel: compensationLabels[compensation], compensationFree },
        { law: answerOf('mean', answer), complete: answer?.complete === true, status },
      ),
    [x, w, model, keep, kept, compensation, weightsSeed, compensationLabels, compensationFree, answer, status],
  );
  const unitsFigure = useRef<HTMLElement>(null);
  const numbers = figure.numbers;

  const notationNumber = useNotationNumber();
  const number = sectionInfo('mean').number;
  const keepControl = (
    <DraggableNumber
      {...notationNumber}
      label={notation === 'keep' ? `q (keep probability), section ${number}` : `p (drop rate), section ${number}`}
      display={notation === 'keep' ? `q = ${notationNumber.display}` : `p = ${notationNumber.display} (q = ${formatKeep(keep)})`}
    />
  );

  return (
    <Section id="mean">
      <p>
        Follow one unit through dropout at {keepControl}. With probability q it is kept and divided by q, giving
        x<sub>i</sub>/q; otherwise it is 0. On average that is q · x<sub>i</sub>/q + (1 − q) · 0 = x<sub>i</sub>. Whatever a
        single mask does to the length of the vector, every unit is right on average.
      </p>
      {figure.dropConnectNote === null ? null : (
        <p className="mean-note">
          {figure.dropConnectNote.before}
          <SectionRef id={figure.dropConnectNote.section} />
          {figure.dropConnectNote.after}
        </p>
      )}
      {figure.fixedNote === null ? null : <p className="mean-note">{figure.fixedNote}</p>}
      <ProgressLine channel="mean" />
      {figure.waiting === null ? null : (
        <p className="mean-note" role="status" aria-busy="true">
          {figure.waiting}
        </p>
      )}
      <figure className="mean-figure" ref={unitsFigure}>
        <UnitMeansChart units={figure.units.units} title={figure.units.title} description={figure.units.description} />
        <figcaption>
          <span className="mean-legend-bar" aria-hidden="true" /> bar: x<sub>i</sub>{' '}
          <span className="mean-legend-diamond" aria-hidden="true">◆</span> E[y<sub>i</sub>]{' '}
          <span className="mean-legend-whisker" aria-hidden="true">⟝⟞</span> E[y<sub>i</sub>] ± sd(y<sub>i</sub>), with{' '}
          {figure.units.caption}
        </figcaption>
      </figure>
      <FigureExport target={unitsFigure} fileName="mean-units" label="chart of each xᵢ against E[yᵢ] ± sd(yᵢ)" />
      <FigureData title={figure.units.tableTitle} columns={figure.units.columns} rows={figure.units.rows} />
      <p>With the numbers of the largest unit, for y = m⊙x/q:</p>
      <Tex tex={unitMeanTex(figure.unit)} display label="mean-unit" />
      <Tex tex={unitVarianceTex(figure.unit)} display label="mean-unit-variance" />
      <p>
        <Subscripted text={figure.spreadSentence} />
      </p>
      {numbers === null ? null : (
        <>
          <p className="mean-note">
            <Subscripted text={numbers.compensation.text} />
          </p>
          {numbers.compensation.tex === null ? null : (
            <Tex tex={biasedMeanTex(numbers.compensation.tex)} display label="mean-unit-biased" />
          )}
        </>
      )}

      <h3>What the next layer sees</h3>
      <p>
        The next layer never looks at ‖y‖. Each of its units computes a weighted sum z = w·y, and with 1/q a sum of unbiased
        terms is unbiased: E[z] = Σ w<sub>i</sub> E[y<sub>i</sub>] = w·x, the value it gets at test time without dropout.
        Here w is drawn at random (seed {weightsSeed}, entries N(0, 1/n)).{' '}
        <ActionButton groups={['method']} onClick={() => setWeightsSeed(weightsSeed >= MAX_SEED ? 0 : weightsSeed + 1)}>
          New weights w
        </ActionButton>
      </p>
      <DownstreamFigureView figure={figure.downstream} highlight={highlight} onHighlight={setHighlight} />
      <p>{figure.derivationLead}</p>
      <Tex
        tex={numbers === null ? downstreamMeanSymbolTex() : downstreamMeanTex(numbers.derivation)}
        display
        label="mean-downstream"
        highlight={highlight}
        onHighlight={setHighlight}
      />
      <Tex
        tex={numbers === null ? downstreamVarianceSymbolTex(figure.unitModel) : downstreamVarianceTex(numbers.derivation)}
        display
        label="mean-downstream-variance"
        highlight={highlight}
        onHighlight={setHighlight}
      />
      {figure.correlationNote ? (
        <p className="mean-note">
          With exactly k kept the mask bits are negatively correlated, Cov(m<sub>i</sub>, m<sub>j</sub>) = −q(1 − q)/(n − 1),
          which turns Σ w<sub>i</sub>²x<sub>i</sub>² into the finite-population form above (the correction for drawing the k
          kept units without replacement).
        </p>
      ) : null}
      <p>
        This is the real answer to “why is it acceptable?”: with 1/q every unit of the next layer receives, on average,
        exactly its test-time input w·x. The norm of y was never the invariant; the mean of every linear read-out is. What
        dividing by q cannot remove is the variance <Subscripted text={figure.varianceWords} />, the noise that makes dropout a regulariser.
      </p>
    </Section>
  );
}
