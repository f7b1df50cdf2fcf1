import { useRef } from 'react';
import { SmallMultiples } from '../../../charts/SmallMultiples.tsx';
import { formatFixed, formatProbability } from '../../../explain/formatNumber.ts';
import type { AnalysisResult } from '../../../math/index.ts';
import { FigureData } from '../../FigureData.tsx';
import { FigureExport } from '../../FigureExport.tsx';
import { describeHistogram } from '../../normHistogramData.ts';
import type { HistogramFigure } from './layersFigure.ts';

/** A probability, or "pending" while a partial result does not know it yet. */
const probabilityText = (p: number) => (Number.isFinite(p) ? formatProbability(p) : 'pending');

interface LayersDistributionProps {
  /** The main result (the page's model and compensation), or null while computing. */
  readonly result: AnalysisResult | null;
  /** Its labels and markers, from the figure model. */
  readonly figure: HistogramFigure | null;
}

/** The main result's histogram of ‖y‖, drawn wide, with the figure model's markers. */
export function LayersDistribution({ result, figure }: LayersDistributionProps) {
  const chart = useRef<HTMLDivElement>(null);
  if (result === null || figure === null) {
    return (
      <p className="placeholder" role="status" aria-busy="true">
        Computing the distribution…
      </p>
    );
  }
  const histogram = result.histogram;
  const sampled = histogram.method === 'sample';
  return (
    <>
      <div ref={chart} className="layers-distribution">
        <SmallMultiples
          columns={1}
          xLabel={figure.xLabel}
          panels={[
            {
              id: 'main',
              title: figure.title,
              description: `${describeHistogram(histogram)} ${figure.description}`,
              edges: histogram.edges,
              probabilities: histogram.probabilities,
              markers: figure.markers,
            },
          ]}
        />
      </div>
      <ul className="layers-legend" aria-label="Lines on the histogram">
        <li>
          <span className="swatch swatch-norm" aria-hidden="true" /> {figure.legend.ref}
        </li>
        <li>
          <span className="swatch swatch-mean" aria-hidden="true" /> {figure.legend.mean}
        </li>
        <li>
          <span className="swatch swatch-rms" aria-hidden="true" /> {figure.legend.rms}
        </li>
        {figure.legend.measured === null ? null : (
          <li>
            <span className="swatch swatch-measured" aria-hidden="true" /> {figure.legend.measured}
          </li>
        )}
      </ul>
      <FigureExport target={chart} fileName="layers-distribution" label="histogram of ‖y‖ in the layer" />
      <FigureData
        title={figure.dataTitle}
        columns={sampled ? ['‖y‖ from', 'to', 'probability', 'standard error'] : ['‖y‖ from', 'to', 'probability']}
        rows={histogram.probabilities.map((p, j) => {
          const cells = [formatFixed(histogram.edges[j] ?? 0, 4), formatFixed(histogram.edges[j + 1] ?? 0, 4), probabilityText(p)];
          return sampled ? [...cells, probabilityText(histogram.standardErrors?.[j] ?? 0)] : cells;
        })}
      />
    </>
  );
}
