import { TableRegion } from '../../TableRegion.tsx';
import { useMemo, useRef } from 'react';
import { DropConnectBars } from '../../../charts/DropConnectBars.tsx';
import {
  meanSquareOutputTex,
  outputCovarianceTex,
  outputMeanTex,
  outputVarianceTex,
} from '../../../explain/dropConnectDerivation.ts';
import { formatEstimateValue, formatFixed, formatKeep, provenance } from '../../../explain/formatNumber.ts';
import { Tex } from '../../../explain/Tex.tsx';
import { maskModel } from '../../../math/index.ts';
import { DROPCONNECT_ROWS } from '../../../state/analysisRequest.ts';
import { selectFirstResult } from '../../../state/analysisStore.ts';
import { MAX_SEED } from '../../../state/explorerState.ts';
import { selectVector, selectWeights } from '../../../state/selectors.ts';
import { useAnalysis } from '../../analysisContext.ts';
import { dropConnectFigure } from './dropConnectFigure.ts';
import { useActions, useExplorer } from '../../explorerContext.ts';
import { FigureData } from '../../FigureData.tsx';
import { FigureExport } from '../../FigureExport.tsx';
import { useCompensationLabels } from '../../labels.ts';
import { Section } from '../../Section.tsx';
import { SectionRef } from '../../SectionRef.tsx';
import { ActionButton } from '../../ActionButton.tsx';

/**
 * Section 8: DropConnect masks the weights, u = (M⊙W)x/q. Per output it matches unit dropout
 * followed by W (same mean, same variance); only the correlation between outputs differs. All
 * numbers are closed forms of docs/mathematics.md#dropconnect for 1/q; a button sends the page's main histogram to ‖u‖.
 */
export function DropConnectSection() {
  const COMPENSATION_LABELS = useCompensationLabels();
  const x = useExplorer(selectVector);
  const keep = useExplorer((s) => s.keep);
  const model = useExplorer((s) => s.model);
  const compensation = useExplorer((s) => s.compensation);
  const weightsSeed = useExplorer((s) => s.weightsSeed);
  const { setModel, setWeightsSeed } = useActions();
  const n = x.length;
  const weights = useExplorer((s) => selectWeights(s).matrix);
  const compensationLabel = COMPENSATION_LABELS[compensation];
  const shown = useMemo(
    () => dropConnectFigure({ x, weights, keep, model, compensation, compensationLabel }),
    [x, weights, keep, model, compensation, compensationLabel],
  );
  const { input, moments, strongest, dropConnectOn } = shown;
  const figure = useRef<HTMLElement>(null);

  return (
    <Section id="dropconnect">
      <p>
        DropConnect (Wan et al. 2013) drops weights instead of units. Every weight W<sub>ji</sub> of the next layer is
        kept with probability q = {formatKeep(keep)}, independently of all the others, and the layer computes
        u = (M⊙W)x/q. (Wan et al. do not divide by q and scale at inference instead; dividing here makes the comparison
        with inverted dropout direct.)
      </p>
      <p>
        <SectionRef id="mean" capital possessive /> argument works output by output: each u<sub>j</sub> is a sum of independently kept terms
        W<sub>ji</sub>x<sub>i</sub>/q, so E u<sub>j</sub> = (Wx)<sub>j</sub>. Unit dropout followed by the same layer,
        z = W(m⊙x)/q, has the same means and the same variance for every output. The figure shows the {DROPCONNECT_ROWS}{' '}
        outputs of a random layer W ({DROPCONNECT_ROWS} × {n}, entries N(0, 1/n), seed {weightsSeed}).{' '}
        <ActionButton groups={['method']} onClick={() => setWeightsSeed(weightsSeed >= MAX_SEED ? 0 : weightsSeed + 1)}>
          New weight matrix W
        </ActionButton>{' '}
        <span className="dropconnect-aside">(its first row is <SectionRef id="mean" possessive /> w: the same seed draws both)</span>
      </p>
      <figure className="dropconnect-figure" ref={figure}>
        <DropConnectBars
          outputs={shown.bars}
          title={shown.barsTitle}
          description={shown.description}
        />
        <figcaption>
          <span className="dropconnect-legend-bar" aria-hidden="true" /> bar: (Wx)<sub>j</sub>, the mean of both;{' '}
          <span className="dropconnect-legend-round" aria-hidden="true">●─●</span> DropConnect ±1 sd;{' '}
          <span className="dropconnect-legend-square" aria-hidden="true">■╌■</span> unit dropout ±1 sd (closed form).
        </figcaption>
      </figure>
      <FigureExport target={figure} fileName="dropconnect-outputs" label="bars of (Wx)ⱼ with ±1 sd of uⱼ and zⱼ" />
      <TableRegion label="Outputs of the layer: mean and spread">
        <table className="dropconnect-numbers">
          <caption>Outputs of the layer: mean and spread (closed form)</caption>
          <thead>
            <tr>
              <th scope="col">output j</th>
              <th scope="col">
                (Wx)<sub>j</sub> = E u<sub>j</sub> = E z<sub>j</sub>
              </th>
              <th scope="col">
                sd u<sub>j</sub> (DropConnect)
              </th>
              <th scope="col">
                sd z<sub>j</sub> (unit dropout)
              </th>
            </tr>
          </thead>
          <RowsBody rows={shown.outputRows} />
        </table>
      </TableRegion>
      <FigureData
        title={shown.weightTitle}
        columns={shown.weightColumns}
        rows={shown.weightRows}
      />
      <p>For output 1, with these numbers:</p>
      <Tex tex={outputMeanTex(input, 0)} display label="dropconnect-mean" />
      <Tex tex={outputVarianceTex(input, 0)} display label="dropconnect-variance" />
      <p>
        What differs is how the outputs move together. Unit dropout removes x<sub>i</sub> from every output at once, so the
        outputs share their noise; DropConnect draws a separate mask for each output, so its outputs are uncorrelated.
        In matrices: Cov(z) = (1 − q)/q · W diag(x²) Wᵀ, and Cov(u) is its diagonal.
      </p>
      {DROPCONNECT_ROWS > 1 ? <Tex tex={outputCovarianceTex(input, 0, 1)} display label="dropconnect-covariance" /> : null}
      {strongest !== null ? (
        <p>
          Here the strongest pair is outputs {strongest.j} and {strongest.l}, with correlation{' '}
          {formatFixed(strongest.value, 4)} under unit dropout and 0 under DropConnect
          {shown.concentrated !== null
            ? <>: one unit carries almost all of ‖x‖ (n<sub>eff</sub> = {formatFixed(shown.concentrated, 4)}), so whether it survives moves every output together.</>
            : '.'}
        </p>
      ) : null}
      <TableRegion label="Correlation of outputs under unit dropout">
        <table className="dropconnect-correlation">
          <caption>Correlation of outputs under unit dropout (closed form; DropConnect: 1 on the diagonal, 0 elsewhere)</caption>
          <thead>
            <tr>
              <th scope="col">
                Corr(z<sub>j</sub>, z<sub>l</sub>)
              </th>
              {moments.means.map((_, l) => (
                <th key={l} scope="col">
                  output {l + 1}
                </th>
              ))}
            </tr>
          </thead>
          <RowsBody rows={shown.correlationRows} />
        </table>
      </TableRegion>
      <p>Both inflate the squared length by the same amount on average, as in <SectionRef id="norm" />:</p>
      <Tex tex={meanSquareOutputTex(input)} display label="dropconnect-mean-square" />
      <MainHistogramSwitch
        dropConnectOn={dropConnectOn}
        compensationLabel={shown.otherCompensation}
        meanSquareNorm={moments.meanSquareNorm}
        keep={keep}
        onSwitch={() => setModel(dropConnectOn ? 'bernoulli' : 'dropconnect')}
      />
    </Section>
  );
}

interface MainHistogramSwitchProps {
  readonly dropConnectOn: boolean;
  /** The sidebar's compensation when it is not 1/q, else null. */
  readonly compensationLabel: string | null;
  readonly meanSquareNorm: number;
  readonly keep: number;
  readonly onSwitch: () => void;
}

/** The button that sends the page's main histogram to ‖u‖, and the engine's numbers once it has. */
function MainHistogramSwitch({ dropConnectOn, compensationLabel, meanSquareNorm, keep, onSwitch }: MainHistogramSwitchProps) {
  const result = useAnalysis('main', selectFirstResult);
  const fits = dropConnectOn && result !== null && result.complete && maskModel(result.model).masks === 'weights' && Math.abs(result.keep - keep) < 1e-12;
  return (
    <div className="dropconnect-switch">
      <p>
        <ActionButton groups={['model']} whenLocked="disable" aria-pressed={dropConnectOn} onClick={onSwitch}>
          {dropConnectOn ? 'Back to unit dropout in the main histogram' : 'Show ‖u‖ in the main histogram'}
        </ActionButton>{' '}
        {dropConnectOn ? (
          <>
            The page’s model is now DropConnect: the histogram in <SectionRef id="norm" /> shows the exact (or
            sampled) distribution of ‖u‖, with ‖Wx‖ in place of ‖x‖.
          </>
        ) : (
          <>Switches the page’s mask model to DropConnect, so that <SectionRef id="norm" possessive /> histogram shows ‖u‖.</>
        )}
      </p>
      {compensationLabel !== null ? (
        <p className="dropconnect-aside">
          The page’s compensation ({compensationLabel}) applies to that histogram; the numbers in this section are for
          1/q.
        </p>
      ) : null}
      {fits && compensationLabel === null ? (
        <p data-testid="dropconnect-engine-check">
          Engine check: √E‖u‖² = {formatEstimateValue(result.rmsNorm, 4)} ({provenance(result.rmsNorm, 4)}) against the closed
          form √{formatFixed(meanSquareNorm, 4)} = {formatFixed(Math.sqrt(meanSquareNorm), 4)}; E‖u‖ ={' '}
          {formatEstimateValue(result.meanNorm, 4)} ({provenance(result.meanNorm, 4)}).
        </p>
      ) : null}
    </div>
  );
}

/** A table body whose rows are [row heading, ...cells]. */
function RowsBody({ rows }: { readonly rows: readonly (readonly string[])[] }) {
  return (
    <tbody>
      {rows.map(([name, ...cells]) => (
        <tr key={name}>
          <th scope="row">{name}</th>
          {cells.map((c, k) => (
            <td key={k}>{c}</td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
