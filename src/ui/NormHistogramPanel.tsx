import { NormHistogram, type HistogramMarker } from '../charts/NormHistogram.tsx';
import { formatFixed, formatKeep } from '../explain/formatNumber.ts';
import { meanSquareNormTex } from '../explain/meanSquareNorm.ts';
import { Tex } from '../explain/Tex.tsx';
import { selectMaskRows, selectNormSummary } from '../state/selectors.ts';
import { useExplorer } from './explorerContext.ts';
import { binMaskNorms, describeHistogram } from './normHistogramData.ts';

/** The distribution of ‖y‖ over all masks, its three reference lines, and E‖y‖² = ‖x‖²/q. */
export function NormHistogramPanel() {
  const rows = useExplorer(selectMaskRows);
  const summary = useExplorer(selectNormSummary);
  const keep = useExplorer((s) => s.keep);
  const histogram = binMaskNorms(rows, summary.maxNorm);
  const markers: HistogramMarker[] = [
    { id: 'norm', label: `‖x‖ = ${formatFixed(summary.norm, 3)}`, value: summary.norm, dash: 'solid' },
    { id: 'mean', label: `E‖y‖ = ${formatFixed(summary.meanNorm, 3)}`, value: summary.meanNorm, dash: 'dashed' },
    { id: 'rms', label: `‖x‖/√q = ${formatFixed(summary.rmsNorm, 3)}`, value: summary.rmsNorm, dash: 'dotted' },
  ];
  const description =
    `${describeHistogram(histogram)} ‖x‖ = ${formatFixed(summary.norm, 3)}, ` +
    `E‖y‖ = ${formatFixed(summary.meanNorm, 3)}, √(E‖y‖²) = ‖x‖/√q = ${formatFixed(summary.rmsNorm, 3)}.`;
  return (
    <section className="panel" aria-labelledby="histogram-title">
      <h2 id="histogram-title">The compensated norm ‖y‖ = ‖m⊙x‖/q over all masks</h2>
      <div className="formula" aria-live="off">
        <Tex tex={meanSquareNormTex({ normSquared: summary.normSquared, keep })} display label="mean-square-norm" />
        <p className="method-note">Closed form, checked here against the enumeration of all {rows.length} masks.</p>
      </div>
      <NormHistogram
        edges={histogram.edges}
        probabilities={histogram.probabilities}
        markers={markers}
        title={`Histogram of ‖y‖ for q = ${formatKeep(keep)}`}
        description={description}
        xLabel="‖y‖ = ‖m⊙x‖ / q"
      />
      <dl className="marker-legend">
        <div>
          <dt>
            <span className="swatch swatch-norm" aria-hidden="true" /> ‖x‖
          </dt>
          <dd>{formatFixed(summary.norm, 3)} (the test-time norm)</dd>
        </div>
        <div>
          <dt>
            <span className="swatch swatch-mean" aria-hidden="true" /> E‖y‖
          </dt>
          <dd>{formatFixed(summary.meanNorm, 3)} (exact enumeration)</dd>
        </div>
        <div>
          <dt>
            <span className="swatch swatch-rms" aria-hidden="true" /> √(E‖y‖²) = ‖x‖/√q
          </dt>
          <dd>{formatFixed(summary.rmsNorm, 3)} (closed form)</dd>
        </div>
      </dl>
    </section>
  );
}
