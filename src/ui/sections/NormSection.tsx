import { Tex } from '../../explain/Tex.tsx';
import { formatFixed } from '../../explain/formatNumber.ts';
import { effectiveUnitsTex, jensenBoundsTex, meanSquareNormTex, positionBetweenBounds } from '../../explain/normDerivation.ts';
import { expectedMaskedNorm } from '../../math/expectedNorm.ts';
import { selectFirstResult } from '../../state/analysisStore.ts';
import { selectNormSquared, selectVector } from '../../state/selectors.ts';
import { useAnalysis } from '../analysisContext.ts';
import { DraggableNumber } from '../DraggableNumber.tsx';
import { useNotationNumber } from '../notationNumber.ts';
import { useExplorer } from '../explorerContext.ts';
import { useHighlight } from '../highlightContext.ts';
import { HighlightKeys } from '../HighlightKeys.tsx';
import { useCompensationLabels } from '../labels.ts';
import { NormPanel } from '../NormPanel.tsx';
import { rmsMarkerLabel } from '../normHistogramData.ts';
import { Section } from '../Section.tsx';
import { useMemo } from 'react';

/**
 * Section 4: the norm is not what 1/q preserves. Its numbers are those of inverted dropout (the
 * question's y = m⊙x/q) whatever compensation the sidebar shows, since the bounds are about 1/q.
 */
export function NormSection() {
  const COMPENSATION_LABELS = useCompensationLabels();
  const vector = useExplorer(selectVector);
  const keep = useExplorer((s) => s.keep);
  const normSquared = useExplorer(selectNormSquared);
  const compensation = useExplorer((s) => s.compensation);
  const notation = useExplorer((s) => s.notation);
  const notationNumber = useNotationNumber();
  const [highlight, setHighlight] = useHighlight();
  // The mask model of the histogram below (null until it is computed), which names its third line.
  const histogramModel = useAnalysis('main', (s) => selectFirstResult(s)?.model ?? null);
  const numbers = useMemo(() => {
    const sumFourth = vector.reduce((sum, v) => sum + v ** 4, 0);
    // E‖y‖ = E‖m⊙x‖/q by the closed form (quadrature, docs/mathematics.md#trapezoid-recipe): exact for any n.
    const meanNorm = normSquared > 0 ? expectedMaskedNorm(vector, keep) / keep : 0;
    return { normSquared, keep, meanNorm, sumFourth };
  }, [vector, keep, normSquared]);
  const norm = Math.sqrt(normSquared);
  const position = positionBetweenBounds(numbers);
  const nEff = numbers.sumFourth > 0 ? (normSquared * normSquared) / numbers.sumFourth : 0;
  const ratio = norm > 0 ? (numbers.meanNorm * keep) / norm : 0;
  return (
    <Section id="norm">
      <p>
        Dividing by q makes the <em>mean vector</em> right, not the length. With the{' '}
        <DraggableNumber
          {...notationNumber}
          label={`${notationNumber.label} (in the text)`}
          display={notation === 'keep' ? `keep probability q = ${notationNumber.display}` : `drop rate p = ${notationNumber.display}`}
        />
        , the squared length is inflated by exactly 1/q on average:
      </p>
      <Tex tex={meanSquareNormTex(numbers)} display label="mean-square-norm" />
      <p>
        The length itself is pinned between two bounds, both from Jensen’s inequality: the norm is convex, so E‖y‖ is at
        least ‖E y‖ = ‖x‖; the square root is concave, so E‖y‖ is at most √(E‖y‖²) = ‖x‖/√q. Each bound has its
        line in the histogram below.
      </p>
      <Tex tex={jensenBoundsTex(numbers)} display label="jensen-bounds" highlight={highlight} onHighlight={setHighlight} />
      {histogramModel === null ? null : (
        // Right under the bounds, whose terms are small; the histogram's lines are long and easy to spot below.
        <HighlightKeys
          keys={[
            { term: 'norm', label: '‖x‖' },
            { term: 'mean', label: 'E‖y‖' },
            { term: 'rms', label: rmsMarkerLabel(compensation, histogramModel) },
          ]}
          where="the bounds above and the histogram below"
        />
      )}
      <p>
        Where E‖y‖ falls between them is set by how spread out x is, measured by the effective number of units:
      </p>
      <Tex tex={effectiveUnitsTex(numbers)} display label="effective-units" />
      <p data-testid="norm-position">
        {position === null
          ? 'With q = 1 nothing is dropped, and the two bounds meet.'
          : `Here E‖y‖ sits ${formatFixed(position * 100, 1)} % of the way from ‖x‖ to ‖x‖/√q (closed form). `}
        {position !== null && nEff < 1.5
          ? `One unit dominates (n_eff = ${formatFixed(nEff, 4)}): whether it is kept decides almost everything, so ‖y‖ splits into two modes — near ${formatFixed(norm / keep, 3)} (it is kept, probability q) and near 0 (dropped) — and E‖y‖ stays close to ‖x‖. That is why E‖m⊙x‖/‖x‖ = ${formatFixed(ratio, 4)} came out “about half” in the question: it is close to q only for a vector like this one.`
          : null}
        {position !== null && nEff >= 1.5
          ? `With n_eff = ${formatFixed(nEff, 2)} no unit dominates; the more units share the length, the more ‖y‖ concentrates near ‖x‖/√q (E‖m⊙x‖/‖x‖ = ${formatFixed(ratio, 4)}, against √q = ${formatFixed(Math.sqrt(keep), 4)}).`
          : null}
      </p>
      {compensation !== 'inverted' ? (
        <p className="note">
          The histogram below uses the compensation chosen among the controls ({COMPENSATION_LABELS[compensation]}); the
          bounds above are those of 1/q.
        </p>
      ) : null}
      <NormPanel />
    </Section>
  );
}
