import { SmallMultiples, type HistogramPanel } from '../../../charts/SmallMultiples.tsx';
import { formatFixed, formatKeep, formatProbability, methodLabel } from '../../../explain/formatNumber.ts';
import { type AnalysisResult, type Compensation, compensationInfo, maskModel } from '../../../math/index.ts';
import { useRef } from 'react';
import { FigureData } from '../../FigureData.tsx';
import { FigureExport } from '../../FigureExport.tsx';
import { useCompensationLabels } from '../../labels.ts';
import { describeHistogram } from '../../normHistogramData.ts';

interface RescalingPanelsProps {
  /** The compared compensations, in order, and their results (null while computing). */
  readonly compared: readonly Compensation[];
  readonly results: readonly (AnalysisResult | null)[];
}

const probabilityText = (p: number) => (Number.isFinite(p) ? formatProbability(p) : 'pending');

/** One histogram of ‖y‖ per compared compensation, on common edges and one horizontal scale. */
export function RescalingPanels({ compared, results }: RescalingPanelsProps) {
  const COMPENSATION_LABELS = useCompensationLabels();
  const chart = useRef<HTMLDivElement>(null);
  const ready = compared.flatMap((c, i) => {
    const result = results[i];
    return result !== null && result !== undefined && result.compensation === c ? [result] : [];
  });
  if (ready.length === 0) return <p className="placeholder">Computing the compared distributions…</p>;
  // ‖y‖ against ‖x‖, or DropConnect's ‖u‖ against ‖Wx‖.
  const d = maskModel(ready[0]?.model ?? 'bernoulli');
  const out = `‖${d.output}‖`;
  const ref = `‖${d.reference}‖`;
  const panels: HistogramPanel[] = ready.map((r) => {
    const label = COMPENSATION_LABELS[r.compensation];
    const dropped = compensationInfo(r.compensation).kind === 'per-sample' && r.pAllDropped > 0 ? ` All dropped (no scale) with probability ${formatProbability(r.pAllDropped)}.` : '';
    return {
      id: r.compensation,
      title: `${label} (${methodLabel(r.histogram.method)})`,
      description:
        `${out} with kept values ${label}, q = ${formatKeep(r.keep)}. ${describeHistogram(r.histogram)} ` +
        `${ref} = ${formatFixed(r.norm, 4)}, E${out} = ${formatFixed(r.meanNorm.value, 4)}.${dropped}`,
      edges: r.histogram.edges,
      probabilities: r.histogram.probabilities,
      markers: [
        { id: 'norm', label: `${ref} = ${formatFixed(r.norm, 3)}`, value: r.norm, dash: 'solid' },
        { id: 'mean', label: `E${out} = ${formatFixed(r.meanNorm.value, 3)}`, value: r.meanNorm.value, dash: 'dashed' },
      ],
    };
  });
  const edges = ready[0]?.histogram.edges ?? [];
  return (
    <>
      <div ref={chart} className="rescaling-panels">
        <SmallMultiples panels={panels} xLabel={out} columns={2} />
      </div>
      <FigureExport target={chart} fileName="norm-by-compensation" label={`histograms of ${out} by compensation`} />
      <FigureData
        title={`Distributions of ${out} by compensation (common bins)`}
        columns={[`${out} from`, 'to', ...ready.map((r) => COMPENSATION_LABELS[r.compensation])]}
        rows={edges.slice(0, -1).map((low, j) => [
          formatFixed(low, 4),
          formatFixed(edges[j + 1] ?? 0, 4),
          ...ready.map((r) => probabilityText(r.histogram.probabilities[j] ?? Number.NaN)),
        ])}
      />
    </>
  );
}
