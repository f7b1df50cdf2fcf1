import { NormHistogram, type HistogramMarker } from '../../../charts/NormHistogram.tsx';
import { maskModel } from '../../../math/index.ts';
import { formatFixed, formatKeep, formatProbability, methodBadge, methodLabel, provenance } from '../../../explain/formatNumber.ts';
import { selectFirstResult } from '../../../state/analysisStore.ts';
import { useAnalysis } from '../../analysisContext.ts';
import { useExplorer } from '../../explorerContext.ts';
import { useRef } from 'react';
import { FigureData } from '../../FigureData.tsx';
import { FigureExport } from '../../FigureExport.tsx';
import { HistogramCsvButton } from '../../HistogramCsvButton.tsx';
import { useHighlight } from '../../highlightContext.ts';
import { describeHistogram } from '../../normHistogramData.ts';
import { normNames } from './normFigure.ts';
import { ProgressLine } from '../../ProgressLine.tsx';
import { ResultTable } from './ResultTable.tsx';

/**
 * The distribution of ‖y‖ (‖u‖ under DropConnect) of the main result, with its reference lines, key
 * numbers and data table, each named for the result's own mask model and compensation.
 */
export function NormPanel() {
  const result = useAnalysis('main', selectFirstResult);
  const status = useAnalysis('main', (s) => s.status);
  const engine = useAnalysis('main', (s) => s.engine);
  const reference = useExplorer((s) => s.reference);
  const [highlight, setHighlight] = useHighlight();
  const chart = useRef<HTMLDivElement>(null);
  const markers: HistogramMarker[] = [];
  const names = normNames(result?.model ?? 'bernoulli', result?.compensation ?? 'inverted');
  if (result !== null) {
    markers.push(
      { id: 'norm', label: `${names.ref} = ${formatFixed(result.norm, 3)}`, value: result.norm, dash: 'solid' },
      { id: 'mean', label: `${names.mean} = ${formatFixed(result.meanNorm.value, 3)}`, value: result.meanNorm.value, dash: 'dashed' },
      {
        id: 'rms',
        label: `${names.rms} = ${formatFixed(result.rmsNorm.value, 3)}`,
        value: result.rmsNorm.value,
        dash: 'dotted',
      },
    );
    if (reference !== null) {
      markers.push({ id: 'reference', label: `measured ${formatFixed(reference, 3)}`, value: reference, dash: 'dashdot' });
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
              {engine === 'worker' ? 'computed in the background, so the page stays responsive' : 'computed on the page itself (slower for large vectors)'}
            </span>
          </p>
          <div ref={chart}>
            <NormHistogram
              edges={histogram.edges}
              probabilities={histogram.probabilities}
              markers={markers}
              highlight={highlight}
              onHighlight={setHighlight}
              title={`Histogram of ${names.out} for q = ${formatKeep(result.keep)} (${methodLabel(histogram.method)})`}
              description={
                `${describeHistogram(histogram)} ${names.ref} = ${formatFixed(result.norm, 3)}, ` +
                `${names.mean} = ${formatFixed(result.meanNorm.value, 3)} (${provenance(result.meanNorm, 3)}), ` +
                `√(E${names.out}²) = ${formatFixed(result.rmsNorm.value, 3)}.` +
                (result.pAllDropped > 0
                  ? ` All ${maskModel(result.model).masks === 'weights' ? 'weights' : 'units'} dropped with probability ${formatProbability(result.pAllDropped)}.`
                  : '')
              }
              xLabel={names.out}
            />
          </div>
          <FigureExport target={chart} fileName="norm-histogram" label={`histogram of ${names.out}`}>
            <HistogramCsvButton result={result} />
          </FigureExport>
          <FigureData
            title={`Histogram of ${names.out} (${methodLabel(histogram.method)})`}
            columns={sampled ? [`${names.out} from`, 'to', 'probability', 'standard error'] : [`${names.out} from`, 'to', 'probability']}
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
