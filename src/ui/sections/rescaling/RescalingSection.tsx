import { Tex } from '../../../explain/Tex.tsx';
import { formatFixed, formatKeep, formatProbability, methodLabel } from '../../../explain/formatNumber.ts';
import {
  constantMeanTex,
  constantScaleTex,
  scaleApproximationTex,
  scaleBoundsTex,
} from '../../../explain/rescalingDerivation.ts';
import { selectEffectiveKeep, selectKept, selectVector } from '../../../state/selectors.ts';
import { useAnalysis } from '../../analysisContext.ts';
import { selectNormResults } from '../../../state/analysisStore.ts';
import { useActions, useExplorer } from '../../explorerContext.ts';
import { ProgressLine } from '../../ProgressLine.tsx';
import { RescalingPanels } from './RescalingPanels.tsx';
import { rescalingFigure } from './rescalingFigure.ts';
import { RescalingScaleLine } from './RescalingScaleLine.tsx';
import { RescalingTable } from './RescalingTable.tsx';
import { RescalingToggles } from './RescalingToggles.tsx';
import { RescalingUnitControl } from './RescalingUnitControl.tsx';
import { Section } from '../../Section.tsx';
import { SectionRef } from '../../SectionRef.tsx';
import { ActionButton } from '../../ActionButton.tsx';
import { useChannelDemand } from '../../channelDemand.ts';

/** Section 6: rescale each masked vector to the original length instead? Every scale but 1/q biases the mean. */
export function RescalingSection() {
  const x = useExplorer(selectVector);
  const keep = useExplorer(selectEffectiveKeep);
  const kept = useExplorer(selectKept);
  const model = useExplorer((s) => s.model);
  const compared = useExplorer((s) => s.compared);
  const { setUnit, setModel } = useActions();
  const results = useAnalysis('compare', selectNormResults);
  useChannelDemand('compare');
  const ready = compared.flatMap((c, i) => {
    const r = results[i];
    return r !== null && r !== undefined && r.compensation === c ? [r] : [];
  });
  const figure = rescalingFigure({ x, keep, model, kept }, ready);
  const { maskedNorm: masked, numbers, constantScale: constant, position, pAllDropped, modelWords } = figure;
  return (
    <Section id="rescaling">
      <p>
        The follow-up question: instead of dividing by q, why not rescale each masked vector back to the original length?
        There are two ways to mean that. <em>Per sample</em>, multiply the kept values by ‖x‖/‖m⊙x‖, so that every y has
        length ‖x‖. Or use <em>one constant</em>, c* = ‖x‖/E‖m⊙x‖, chosen so that the <em>average</em> length is ‖x‖.
        Compare them with 1/q on the same x and q = {formatKeep(keep)} ({modelWords}):
      </p>
      {figure.constantForUnitMasksInstead ? (
        <p className="layers-note">
          The sidebar’s model is DropConnect, so the histograms and the table are for masked weights, while c* below is for
          unit dropout.{' '}
          <ActionButton groups={['model']} onClick={() => setModel('bernoulli')}>
            Use Bernoulli unit masks
          </ActionButton>
        </p>
      ) : null}
      <RescalingToggles />
      <ProgressLine channel="compare" />
      <RescalingPanels compared={compared} results={results} />
      <RescalingTable results={ready} />
      <h3 className="rescaling-heading">The constant c*: cheap, exact, and still biased</h3>
      <p>
        The last comment under the question says no simple constant gives the right average length, because it depends on
        the whole vector. Half of that is right: c* is not a function of q alone. Move one unit and watch it travel
        between its bounds 1/√q (when the length is spread over many equal units) and 1/q (when one unit carries it all).
        {x.length <= 512 ? ' Moving a unit turns a generated vector into a typed-in one.' : ''}
      </p>
      <RescalingUnitControl vector={x} onChange={setUnit} />
      {numbers === null || constant === null || masked === null ? (
        <p className="placeholder">Computing E‖m⊙x‖…</p>
      ) : (
        <>
          <p className="rescaling-constant" data-testid="rescaling-constant">
            c* = <span className="value">{formatFixed(constant, 6)}</span>{' '}
            <span className="provenance">
              ({methodLabel(masked.method)}
              {masked.standardError === undefined ? '' : `, E‖m⊙x‖ ± ${formatFixed(masked.standardError, 6)}`})
            </span>
            {position === null ? ' (with q = 1 the bounds meet)' : `, ${formatFixed(position * 100, 1)} % of the way from 1/√q to 1/q.`}
          </p>
          <Tex tex={constantScaleTex(numbers)} display label="rescaling-constant-scale" />
          <Tex tex={scaleBoundsTex(numbers)} display label="rescaling-bounds" />
          <RescalingScaleLine keep={keep} constantScale={constant} />
          <p>
            But the other half is overstated. The layer <em>has</em> the whole vector, and c* costs one quadrature of 641·n
            terms (the trapezoid rule on an exact integral formula for E‖m⊙x‖, accurate to about 10⁻¹⁵); for a spread-out vector the delta method even gives it from ‖x‖₂ and ‖x‖₄ alone:
          </p>
          <Tex tex={scaleApproximationTex(numbers)} display label="rescaling-approximation" />
          <p>
            So computability is not the real objection. The real one is the mean. With any scale s, E[y] = s·q·x, and only
            s = 1/q gives E[y] = x for every x. With c*:
          </p>
          <Tex tex={constantMeanTex(numbers)} display label="rescaling-mean" />
          <p>
            Every unit of the next layer then sees its input shrunk by c*·q = {formatFixed(constant * keep, 4)}, a factor
            that changes from one input x to the next, while at test time (no dropout) it sees x itself. Per-sample matching
            is worse: its mean is not even proportional to x, the scale ‖x‖/‖m⊙x‖ depends on the dropped values (it reveals
            their mass ‖x‖² − ‖m⊙x‖²), gradient reaches the dropped units through it, and the mask that drops every unit
            has no scale at all
            {pAllDropped === null ? '' : ` (probability ${formatProbability(pAllDropped)} here)`}. Dividing by q leaks nothing
            and biases nothing; the longer y it produces (<SectionRef id="norm" />) is a second-moment effect, not an error.
          </p>
        </>
      )}
    </Section>
  );
}
