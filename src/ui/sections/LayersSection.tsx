import { useDeferredValue, useMemo } from 'react';
import { Tex } from '../../explain/Tex.tsx';
import { formatFixed, formatKeep, methodBadge } from '../../explain/formatNumber.ts';
import { meanApproximationTex, normalApproximationTex, sdApproximationTex, squareNormSpreadTex } from '../../explain/layersDerivation.ts';
import type { MaskModel } from '../../math/index.ts';
import { selectFirstResult } from '../../state/analysisStore.ts';
import { selectVector } from '../../state/selectors.ts';
import { useAnalysis } from '../analysisContext.ts';
import { DraggableNumber } from '../DraggableNumber.tsx';
import { useActions, useExplorer } from '../explorerContext.ts';
import { LayersDistribution } from '../LayersDistribution.tsx';
import { layerMoments, layerSpec, MAX_LAYER_UNITS } from '../layersMoments.ts';
import { thresholdPercentile } from '../layersPercentile.ts';
import { LayersPercentileText } from '../LayersPercentileText.tsx';
import { LayersSpread } from '../LayersSpread.tsx';
import { useCompensationLabels } from '../labels.ts';
import { NumberField } from '../NumberField.tsx';
import { ProgressLine } from '../ProgressLine.tsx';
import { Section } from '../Section.tsx';
import { ActionButton } from '../ActionButton.tsx';
import { useControlAccess, useLengthFixed } from '../controlAccess.ts';

const MODEL_WORDS: Record<MaskModel, string> = {
  bernoulli: 'Bernoulli masks',
  fixed: 'exactly k of n kept',
  dropconnect: 'DropConnect',
};

/** The question's measurement: ‖y‖ = 1.305 for a 192-unit layer with ‖x‖ = 0.885. */
const MEASURED = 1.305;

/**
 * Section 5: in a layer of many units ‖y‖ concentrates near ‖x‖/√q, so the question's 1.305 is
 * typical. Its own numbers are for inverted dropout with Bernoulli masks (what frameworks do).
 */
export function LayersSection() {
  const COMPENSATION_LABELS = useCompensationLabels();
  const source = useExplorer((s) => s.source);
  const liveVector = useExplorer(selectVector);
  const liveKeep = useExplorer((s) => s.keep);
  const model = useExplorer((s) => s.model);
  const compensation = useExplorer((s) => s.compensation);
  const reference = useExplorer((s) => s.reference);
  const seed = useExplorer((s) => s.seed);
  const { setGenerator, applyPreset, setModel, setCompensation } = useActions();
  const result = useAnalysis('main', selectFirstResult);
  const status = useAnalysis('main', (s) => s.status);
  // The section's own closed forms and sampling take some ms: let controls stay responsive.
  const x = useDeferredValue(liveVector);
  const keep = useDeferredValue(liveKeep);
  const threshold = reference ?? MEASURED;
  const n = liveVector.length;
  const moments = useMemo(() => layerMoments(x, keep), [x, keep]);
  const percentile = useMemo(() => thresholdPercentile(x, keep, threshold, seed), [x, keep, threshold, seed]);
  const spec = layerSpec(source, n);
  const setUnits = (units: number) => {
    // The same n leaves the vector alone (a typed-in one included).
    if (Math.round(units) !== n) setGenerator(layerSpec(source, Math.round(units)));
  };
  const standard = model === 'bernoulli' && compensation === 'inverted';
  // The layer size is the vector's n: it moves only while the vector and its length are free.
  const fixedLength = useLengthFixed();
  const vectorGroup = useControlAccess('vector');
  const vectorAccess = vectorGroup === 'free' && fixedLength ? 'locked' : vectorGroup;
  const numbers = { norm: moments.norm, keep, nEff: moments.nEff, meanNorm: moments.meanNorm, sdNorm: moments.sdNorm };
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
          units ({source.kind === 'generated' ? `${spec.kind} draw, seed ${spec.seed}, ‖x‖ = ${spec.norm}` : 'your typed-in vector'}
          ){vectorAccess === 'free' ? '. Drag the number, or focus it and press ← → to halve or double n' : ''}
          {vectorAccess === 'free' && source.kind === 'explicit' ? '; that draws a layer of non-negative (uniform) activations with ‖x‖ = 0.885' : ''}.
        </p>
        {vectorAccess === 'free' ? (
          <NumberField label="Units in the layer" value={n} min={1} max={MAX_LAYER_UNITS} onCommit={setUnits} />
        ) : null}
      </div>
      {standard ? null : (
        <p className="layers-note">
          The histogram follows the page’s controls ({MODEL_WORDS[model]}, kept values {COMPENSATION_LABELS[compensation]}), while
          the numbers below are for Bernoulli masks and 1/q.{' '}
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
      <LayersDistribution result={result} threshold={threshold} />
      <table className="layers-numbers">
        <caption>Inverted dropout, Bernoulli masks, n = {x.length}, q = {formatKeep(keep)}</caption>
        <tbody>
          <tr>
            <th scope="row">E‖y‖</th>
            <td>
              <span className="value">{formatFixed(moments.meanNorm, 5)}</span> <span className="provenance">(closed form)</span>
            </td>
          </tr>
          <tr>
            <th scope="row">‖x‖/√q</th>
            <td>
              <span className="value">{formatFixed(moments.rmsNorm, 5)}</span> <span className="provenance">(closed form)</span>
            </td>
          </tr>
          <tr>
            <th scope="row">sd‖y‖</th>
            <td>
              <span className="value">{formatFixed(moments.sdNorm, 5)}</span> <span className="provenance">(closed form)</span>
            </td>
          </tr>
          <tr>
            <th scope="row">sd‖y‖/E‖y‖</th>
            <td>
              <span className="value">{formatFixed(moments.relativeSpread, 5)}</span> <span className="provenance">(closed form)</span>
            </td>
          </tr>
          <tr>
            <th scope="row">n_eff = ‖x‖⁴/Σx_i⁴</th>
            <td>
              <span className="value">{formatFixed(moments.nEff, 2)}</span> <span className="provenance">(closed form)</span>
            </td>
          </tr>
        </tbody>
      </table>
      <LayersPercentileText result={percentile} threshold={threshold} units={x.length} />
      <p>
        Why the histogram narrows: ‖m⊙x‖² is a sum of n independent terms m_i x_i², so its relative spread shrinks like one
        over the square root of the number of units that share the length, n_eff (exact, not an approximation):
      </p>
      <Tex tex={squareNormSpreadTex(numbers)} display label="layers-square-spread" />
      <p>
        Taking the square root halves a small relative spread, and a second-order Taylor expansion (the delta method)
        gives the mean and the spread of ‖y‖ itself, here next to their exact values:
      </p>
      <Tex tex={sdApproximationTex(numbers)} display label="layers-sd" />
      <Tex tex={meanApproximationTex(numbers)} display label="layers-mean" />
      {moments.nEff > 0 && moments.nEff < 10 ? (
        <p className="layers-note">
          With n_eff = {formatFixed(moments.nEff, 2)} these expansions are far off: one or two units carry the length, and
          ‖y‖ splits into modes (section 4) instead of concentrating.
        </p>
      ) : null}
      <p>
        For large n_eff, ‖m⊙x‖² is close to normal, which gives the percentile of a measured length in one line:
      </p>
      <Tex tex={normalApproximationTex(numbers, threshold, percentile?.normal ?? Number.NaN)} display label="layers-normal-formula" />
      <p>
        So the more units share the length, the tighter ‖y‖ sits just below ‖x‖/√q, which is{' '}
        {formatFixed((1 / Math.sqrt(keep) - 1) * 100, 1)} % above ‖x‖ at q = {formatKeep(keep)}, on nearly every mask. The mean vector is still exactly x, which is what the next layer needs (section 3); the length
        was never what 1/q preserves. The chart shows the relative spread shrinking as 1/√n_eff:
      </p>
      <LayersSpread
        kind={spec.kind}
        seed={spec.seed}
        keep={keep}
        current={{ units: x.length, exact: moments.relativeSpread }}
      />
    </Section>
  );
}
