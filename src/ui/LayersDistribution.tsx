import { SmallMultiples, type PanelMarker } from '../charts/SmallMultiples.tsx';
import { formatFixed, formatKeep, formatProbability, methodLabel } from '../explain/formatNumber.ts';
import type { AnalysisResult } from '../math/index.ts';
import { useRef } from 'react';
import { FigureData } from './FigureData.tsx';
import { FigureExport } from './FigureExport.tsx';
import { useCompensationLabels } from './labels.ts';
import { describeHistogram } from './normHistogramData.ts';

/** A probability, or "pending" while a partial result does not know it yet. */
const probabilityText = (p: number) => (Number.isFinite(p) ? formatProbability(p) : 'pending');

interface LayersDistributionProps {
  /** The main result (the sidebar's model and compensation), or null while computing. */
  readonly result: AnalysisResult | null;
  /** The measured ‖y‖ to mark. */
  readonly threshold: number;
}

/** The main result's histogram of ‖y‖, drawn wide, with ‖x‖, E‖y‖, √E‖y‖² and the measured value marked. */
export function LayersDistribution({ result, threshold }: LayersDistributionProps) {
  const COMPENSATION_LABELS = useCompensationLabels();
  const chart = useRef<HTMLDivElement>(null);
  if (result === null) return <p className="placeholder">Computing the distribution…</p>;
  const histogram = result.histogram;
  const inverted = result.compensation === 'inverted' && result.model !== 'dropconnect';
  const markers: PanelMarker[] = [
    { id: 'norm', label: `‖x‖ = ${formatFixed(result.norm, 3)}`, value: result.norm, dash: 'solid' },
    { id: 'mean', label: `E‖y‖ = ${formatFixed(result.meanNorm.value, 3)}`, value: result.meanNorm.value, dash: 'dashed' },
    {
      id: 'rms',
      label: `${inverted ? '‖x‖/√q' : '√E‖y‖²'} = ${formatFixed(result.rmsNorm.value, 3)}`,
      value: result.rmsNorm.value,
      dash: 'dotted',
    },
    { id: 'measured', label: `measured ${formatFixed(threshold, 3)}`, value: threshold, dash: 'dashed' },
  ];
  const sampled = histogram.method === 'sample';
  const title = `Distribution of ‖y‖ in a layer of ${result.n} units, q = ${formatKeep(result.keep)}, ${COMPENSATION_LABELS[result.compensation]} (${methodLabel(histogram.method)})`;
  return (
    <>
      <div ref={chart}>
        <SmallMultiples
          columns={1}
          xLabel="‖y‖"
          panels={[
            {
              id: 'main',
              title,
              description:
                `${describeHistogram(histogram)} ‖x‖ = ${formatFixed(result.norm, 4)}, E‖y‖ = ${formatFixed(result.meanNorm.value, 4)}, ` +
                `√(E‖y‖²) = ${formatFixed(result.rmsNorm.value, 4)}, sd‖y‖ = ${formatFixed(result.sdNorm.value, 4)}; ` +
                `the measured ${formatFixed(threshold, 3)} is marked.`,
              edges: histogram.edges,
              probabilities: histogram.probabilities,
              markers,
            },
          ]}
        />
      </div>
      <ul className="layers-legend" aria-label="Lines on the histogram">
        <li>
          <span className="swatch swatch-norm" aria-hidden="true" /> ‖x‖, the test-time length
        </li>
        <li>
          <span className="swatch swatch-mean" aria-hidden="true" /> E‖y‖, the mean length
        </li>
        <li>
          <span className="swatch swatch-rms" aria-hidden="true" /> √E‖y‖²{inverted ? ' = ‖x‖/√q' : ''}
        </li>
        <li>
          <span className="swatch swatch-measured" aria-hidden="true" /> the measured ‖y‖
        </li>
      </ul>
      <FigureExport target={chart} fileName="layers-distribution" label="histogram of ‖y‖ in the layer" />
      <FigureData
        title={`Distribution of ‖y‖, ${result.n} units (${methodLabel(histogram.method)})`}
        columns={sampled ? ['‖y‖ from', 'to', 'probability', 'standard error'] : ['‖y‖ from', 'to', 'probability']}
        rows={histogram.probabilities.map((p, j) => {
          const cells = [formatFixed(histogram.edges[j] ?? 0, 4), formatFixed(histogram.edges[j + 1] ?? 0, 4), probabilityText(p)];
          return sampled ? [...cells, probabilityText(histogram.standardErrors?.[j] ?? 0)] : cells;
        })}
      />
    </>
  );
}
