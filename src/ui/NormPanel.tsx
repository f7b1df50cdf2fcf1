import { NormHistogram, type HistogramMarker } from '../charts/NormHistogram.tsx';
import { formatFixed, formatKeep, formatProbability, methodBadge, methodLabel, provenance } from '../explain/formatNumber.ts';
import { selectFirstResult } from '../state/analysisStore.ts';
import { useAnalysis } from './analysisContext.ts';
import { useExplorer } from './explorerContext.ts';
import { useRef } from 'react';
import { FigureData } from './FigureData.tsx';
import { FigureExport } from './FigureExport.tsx';
import { HistogramCsvButton } from './HistogramCsvButton.tsx';
import { useHighlight } from './highlightContext.ts';
import { describeHistogram, rmsMarkerLabel } from './normHistogramData.ts';
import { ProgressLine } from './ProgressLine.tsx';
import { ResultTable } from './ResultTable.tsx';

/** The distribution of ‖y‖ (the main result) with its reference lines, key numbers and data table. */
export function NormPanel() {
  const result = useAnalysis('main', selectFirstResult);
  const status = useAnalysis('main', (s) => s.status);
  const engine = useAnalysis('main', (s) => s.engine);
  const reference = useExplorer((s) => s.reference);
  const compensation = useExplorer((s) => s.compensation);
  const [highlight, setHighlight] = useHighlight();
  const chart = useRef<HTMLDivElement>(null);
  const markers: HistogramMarker[] = [];
  if (result !== null) {
    markers.push(
      { id: 'norm', label: `‖x‖ = ${formatFixed(result.norm, 3)}`, value: result.norm, dash: 'solid' },
      { id: 'mean', label: `E‖y‖ = ${formatFixed(result.meanNorm.value, 3)}`, value: result.meanNorm.value, dash: 'dashed' },
      {
        id: 'rms',
        label: `${rmsMarkerLabel(compensation, result.model)} = ${formatFixed(result.rmsNorm.value, 3)}`,
        value: result.rmsNorm.value,
        dash: 'dotted',
      },
    );
    if (reference !== null) {
      markers.push({ id: 'reference', label: `measured ${formatFixed(reference, 3)}`, value: reference, dash: 'dotted' });
    }
  }
  const histogram = result?.histogram;
  const sampled = histogram?.method === 'sample';
  return (
    <div className="norm-panel" aria-busy={status === 'running'} data-testid="norm-panel">
      <ProgressLine channel="main" />
      {result === null || histogram === undefined ? (
        <p className="placeholder">Computing the distribution…</p>
      ) : (
        <>
          <p className="method-line">
            <span className="method-badge" data-testid="method-badge">
              {methodBadge(result)}
            </span>{' '}
            <span className="provenance">
              {engine === 'worker' ? 'computed in one background worker' : 'computed on the page (no worker)'}
            </span>
          </p>
          <div ref={chart}>
            <NormHistogram
              edges={histogram.edges}
              probabilities={histogram.probabilities}
              markers={markers}
              highlight={highlight}
              onHighlight={setHighlight}
              title={`Histogram of ‖y‖ for q = ${formatKeep(result.keep)} (${methodLabel(histogram.method)})`}
              description={
                `${describeHistogram(histogram)} ‖x‖ = ${formatFixed(result.norm, 3)}, ` +
                `E‖y‖ = ${formatFixed(result.meanNorm.value, 3)} (${provenance(result.meanNorm, 3)}), ` +
                `√(E‖y‖²) = ${formatFixed(result.rmsNorm.value, 3)}.` +
                (result.pAllDropped > 0 ? ` All units dropped with probability ${formatProbability(result.pAllDropped)}.` : '')
              }
              xLabel="‖y‖"
            />
          </div>
          <div className="export-row">
            <FigureExport target={chart} fileName="norm-histogram" label="histogram of ‖y‖" />
            <HistogramCsvButton result={result} />
          </div>
          <FigureData
            title={`Histogram of ‖y‖ (${methodLabel(histogram.method)})`}
            columns={sampled ? ['‖y‖ from', 'to', 'probability', 'standard error'] : ['‖y‖ from', 'to', 'probability']}
            rows={histogram.probabilities.map((p, j) => {
              const cells = [formatFixed(histogram.edges[j] ?? 0, 4), formatFixed(histogram.edges[j + 1] ?? 0, 4), formatProbability(p)];
              return sampled ? [...cells, formatProbability(histogram.standardErrors?.[j] ?? 0)] : cells;
            })}
          />
          <ResultTable result={result} />
        </>
      )}
    </div>
  );
}
