import { TableRegion } from '../../TableRegion.tsx';
import { useMemo } from 'react';
import { Tex } from '../../../explain/Tex.tsx';
import { methodBadge } from '../../../explain/formatNumber.ts';
import { meanApproximationTex, normalApproximationTex, sdApproximationTex, squareNormSpreadTex } from '../../../explain/layersDerivation.ts';
import { answerOf, MAX_LAYER_UNITS } from '../../../math/index.ts';
import { selectFirstResult } from '../../../state/analysisStore.ts';
import { layerSpec } from '../../../state/layersQueries.ts';
import { selectVector } from '../../../state/selectors.ts';
import { ActionButton } from '../../ActionButton.tsx';
import { useAnalysis } from '../../analysisContext.ts';
import { useControlAccess, useLengthFixed } from '../../controlAccess.ts';
import { DraggableNumber } from '../../DraggableNumber.tsx';
import { useActions, useExplorer } from '../../explorerContext.ts';
import { useCompensationLabels } from '../../labels.ts';
import { NumberField } from '../../NumberField.tsx';
import { ProgressLine } from '../../ProgressLine.tsx';
import { Section } from '../../Section.tsx';
import { useChannelDemand } from '../../channelDemand.ts';
import { SectionRef } from '../../SectionRef.tsx';
import { histogramFigure, layersFigure } from './layersFigure.ts';
import { LayersDistribution } from './LayersDistribution.tsx';
import { LayersPercentileText } from './LayersPercentileText.tsx';
import { LayersSpread } from './LayersSpread.tsx';
import { Subscripted } from '../../Subscripted.tsx';

/**
 * The layers section: in a layer of many units ‖y‖ concentrates near ‖x‖/√q, so the question's
 * 1.305 is typical. Its own numbers (Bernoulli masks and 1/q) come from the `layers` channel, the
 * histogram from the main one; layersFigure.ts writes every label and sentence.
 */
export function LayersSection() {
  const compensationLabels = useCompensationLabels();
  const source = useExplorer((s) => s.source);
  const x = useExplorer(selectVector);
  const keep = useExplorer((s) => s.keep);
  const model = useExplorer((s) => s.model);
  const compensation = useExplorer((s) => s.compensation);
  const reference = useExplorer((s) => s.reference);
  const { setGenerator, applyPreset, setModel, setCompensation } = useActions();
  const result = useAnalysis('main', selectFirstResult);
  const status = useAnalysis('main', (s) => s.status);
  const layers = useAnalysis('layers', (s) => answerOf('layers', s.results[0]));
  const layersStatus = useAnalysis('layers', (s) => s.status);
  useChannelDemand('layers');
  const figure = useMemo(
    () =>
      layersFigure({
        x, keep, model, compensation, source, reference, layers, layersStatus,
        compensationLabel: compensationLabels[compensation],
      }),
    [x, keep, model, compensation, source, reference, layers, layersStatus, compensationLabels],
  );
  const histogram = useMemo(
    () => (result === null ? null : histogramFigure(result, figure.measured, compensationLabels[result.compensation])),
    [result, figure.measured, compensationLabels],
  );
  const n = figure.n;
  const setUnits = (units: number) => {
    // The same n leaves the vector alone (a typed-in one included).
    if (Math.round(units) !== n) setGenerator(layerSpec(source, Math.round(units)));
  };
  // The layer size is the vector's n: it moves only while the vector and its length are free.
  const fixedLength = useLengthFixed();
  const vectorGroup = useControlAccess('vector');
  const vectorAccess = vectorGroup === 'free' && fixedLength ? 'locked' : vectorGroup;
  const numbers = figure.derivation;
  const percentile = figure.percentile;
  return (
    <Section id="layers">
      <p className="layers-badge" data-testid="layers-method-badge" aria-live="polite">
        <span className="method-badge">
          {result === null ? 'Computing…' : `${methodBadge(result)}${status === 'running' ? ' (still computing)' : ''}`}
        </span>
      </p>
      <p>
        The question’s toy vector has one unit that carries almost all of its length. A real layer does not: the asker
        measured ‖y‖ = 1.305 in a layer of 192 units with ‖x‖ = 0.885 at q = ½, and wondered why it was not near 0.885.{' '}
        <ActionButton groups={['presets']} onClick={() => applyPreset('layer192')}>
          Load the 192-unit case
        </ActionButton>
      </p>
      <div className="layers-size">
        <p>
          Take a layer of{' '}
          <DraggableNumber
            label="Layer size n (units)"
            value={n}
            min={1}
            max={MAX_LAYER_UNITS}
            step={1}
            logarithmic
            display={String(n)}
            onChange={setUnits}
            group="vector"
            fixed={fixedLength}
          />{' '}
          units ({figure.sizeSource})
          {vectorAccess === 'free' ? '. Drag the number, or focus it and press ← → to halve or double n' : ''}
          {vectorAccess === 'free' && source.kind === 'explicit' ? '; that draws a layer of non-negative (uniform) activations with ‖x‖ = 0.885' : ''}.
        </p>
        {vectorAccess === 'free' ? (
          <NumberField label="Units in the layer" value={n} min={1} max={MAX_LAYER_UNITS} onCommit={setUnits} />
        ) : null}
      </div>
      {figure.otherControls === null ? null : (
        <p className="layers-note">
          {figure.otherControls}{' '}
          <ActionButton
            groups={['model', 'comp']}
            onClick={() => {
              setModel('bernoulli');
              setCompensation('inverted');
            }}
          >
            Use Bernoulli masks and 1/q
          </ActionButton>
        </p>
      )}
      <ProgressLine channel="main" />
      <LayersDistribution result={result} figure={histogram} />
      <ProgressLine channel="layers" />
      {figure.rows === null ? (
        <p className="layers-note" role="status" aria-busy="true">
          Computing…
        </p>
      ) : (
        <TableRegion label={figure.tableCaption}>
          <table className="layers-numbers">
            <caption>{figure.tableCaption}</caption>
            <tbody>
              {figure.rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row"><Subscripted text={row.label} /></th>
                  <td>
                    <span className="value">{row.value}</span> <span className="provenance">({row.provenance})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <LayersPercentileText percentile={percentile} />
      {numbers === null ? null : (
        <>
          <p>
            Why the histogram narrows: ‖m⊙x‖² is a sum of n independent terms mᵢ xᵢ², so its relative spread shrinks like
            one over the square root of the number of units that share the length, n<sub>eff</sub> (exact, not an approximation):
          </p>
          <Tex tex={squareNormSpreadTex(numbers)} display label="layers-square-spread" />
          <p>
            Taking the square root halves a small relative spread, and a second-order Taylor expansion (the delta method)
            gives the mean and the spread of ‖y‖ itself, here next to their exact values:
          </p>
          <Tex tex={sdApproximationTex(numbers)} display label="layers-sd" />
          <Tex tex={meanApproximationTex(numbers)} display label="layers-mean" />
          {figure.fewUnits === null ? null : (
            <p className="layers-note">
              <Subscripted text={figure.fewUnits.before} />
              <SectionRef id="norm" />
              <Subscripted text={figure.fewUnits.after} />
            </p>
          )}
          {figure.measured === null || typeof percentile !== 'object' || 'none' in percentile ? null : (
            <>
              <p>For large n<sub>eff</sub>, ‖m⊙x‖² is close to normal, which gives the percentile of a measured length in one line:</p>
              <Tex
                tex={normalApproximationTex(numbers, figure.measured.threshold, percentile.normalValue)}
                display
                label="layers-normal-formula"
              />
            </>
          )}
        </>
      )}
      {figure.concentration === null ? null : (
        <p>
          {figure.concentration.before}
          <SectionRef id="mean" />
          {figure.concentration.after}
        </p>
      )}
      <LayersSpread spread={figure.spread} />
    </Section>
  );
}
