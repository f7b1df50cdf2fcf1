import { max, scaleLinear } from 'd3';
import { useId } from 'react';
import { dashArray, type LineStyle } from './lineStyle.ts';
import { labelAnchor, markerLabelRows } from './markerLabelRows.ts';
import { useChartWidth } from './useChartWidth.ts';

/** A labelled vertical line in one panel. */
export interface PanelMarker {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  /** Line style, so markers differ by shape as well as colour. */
  readonly dash: LineStyle;
}

/** One histogram of the grid. */
export interface HistogramPanel {
  readonly id: string;
  /** Short title, shown above the panel and read first by screen readers. */
  readonly title: string;
  /** The numbers of this panel, in words (its text alternative). */
  readonly description: string;
  /** Bin edges e_0 < … < e_B; bin j is [e_j, e_{j+1}), the last one closed. */
  readonly edges: readonly number[];
  /** P(value in bin j); NaN while unknown. */
  readonly probabilities: readonly number[];
  readonly markers: readonly PanelMarker[];
}

export interface SmallMultiplesProps {
  readonly panels: readonly HistogramPanel[];
  readonly xLabel: string;
  /** Panels per row at full width (1 for a single wide histogram). */
  readonly columns?: number;
}

const MARGIN = { top: 40, right: 12, bottom: 38, left: 46 };
const LABEL_ROW = 14;
/** The charts' text size in px (index.css .sm-chart). */
const LABEL_FONT = 12;

/**
 * Histograms side by side on one common horizontal scale (each with its own probability axis, so a
 * single tall spike does not flatten the others). React renders every node; d3 only computes scales.
 */
export function SmallMultiples({ panels, xLabel, columns = 2 }: SmallMultiplesProps) {
  const baseId = useId();
  // Every panel has the same width: the first one's box is measured.
  const { ref: panelRef, width } = useChartWidth(columns === 1 ? 640 : 400);
  const height = columns === 1 ? 250 : 220;
  const edges = panels.flatMap((p) => [p.edges[0] ?? 0, p.edges.at(-1) ?? 1]);
  const markerValues = panels.flatMap((p) => p.markers.map((m) => m.value)).filter(Number.isFinite);
  const low = Math.min(...edges, ...markerValues);
  const high = Math.max(...edges, ...markerValues);
  // A marker at the lowest value would sit on the y-axis: leave it 3 % of the range to the right.
  const markerLow = Math.min(...markerValues);
  const pad = high > low && markerLow - low < 0.02 * (high - low) ? 0.03 * (high - low) : 0;
  const x = scaleLinear()
    .domain(high > low ? [low - pad, high] : [low, low + 1])
    .range([MARGIN.left, width - MARGIN.right])
    .nice();
  // About one tick per 80 px, so their labels never touch.
  const tickCount = Math.max(3, Math.min(8, Math.round(width / 80)));
  const xTicks = x.ticks(tickCount);
  const formatX = x.tickFormat(tickCount);
  const baseline = height - MARGIN.bottom;
  return (
    <div className={`small-multiples small-multiples-${columns === 1 ? 'single' : 'grid'}`}>
      {panels.map((panel, index) => {
        const markerX = panel.markers.map((m) => x(m.value));
        // Labels are placed from their estimated widths, so no two overlap; each extra row of
        // labels lowers the plot's top.
        const anchors = markerX.map((px) => labelAnchor(px, 0, width, 90));
        const rows = markerLabelRows(
          panel.markers.map((m, i) => ({ x: markerX[i] ?? 0, text: m.label, anchor: anchors[i] ?? 'middle' })),
          LABEL_FONT,
        );
        const top = MARGIN.top + Math.max(0, Math.max(0, ...rows) - 1) * LABEL_ROW;
        const finite = panel.probabilities.filter(Number.isFinite);
        const y = scaleLinear()
          .domain([0, Math.max(max(finite) ?? 0, 1e-12)])
          .range([baseline, top])
          .nice();
        const yTicks = y.ticks(3);
        const formatY = y.tickFormat(3);
        const titleId = `${baseId}-${index}-title`;
        const descId = `${baseId}-${index}-desc`;
        return (
          <figure key={panel.id} className="small-multiple" data-panel={panel.id}>
            <figcaption aria-hidden="true">{panel.title}</figcaption>
            <svg
              ref={index === 0 ? panelRef : undefined}
              className="sm-chart"
              viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
              <title id={titleId}>{panel.title}</title>
              <desc id={descId}>{panel.description}</desc>
              <g className="sm-grid" aria-hidden="true">
                {yTicks.map((t) => (
                  <line key={t} x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} />
                ))}
              </g>
              <g aria-hidden="true">
                {panel.probabilities.map((p, j) => {
                  if (!(p > 0)) return null;
                  const x0 = x(panel.edges[j] ?? low);
                  const x1 = x(panel.edges[j + 1] ?? high);
                  return (
                    <rect key={j} className="sm-bar" x={x0 + 0.5} width={Math.max(1.5, x1 - x0 - 1)} y={y(p)} height={Math.max(0, baseline - y(p))} />
                  );
                })}
              </g>
              <g className="sm-axis" aria-hidden="true">
                <line x1={MARGIN.left} x2={width - MARGIN.right} y1={baseline} y2={baseline} />
                {xTicks.map((t) => (
                  <g key={t} transform={`translate(${x(t)},${baseline})`}>
                    <line y2={4} />
                    <text y={16} textAnchor="middle">
                      {formatX(t)}
                    </text>
                  </g>
                ))}
                <text x={(MARGIN.left + width - MARGIN.right) / 2} y={height - 4} textAnchor="middle">
                  {xLabel}
                </text>
                <line x1={MARGIN.left} x2={MARGIN.left} y1={top} y2={baseline} />
                {yTicks.map((t) => (
                  <g key={t} transform={`translate(${MARGIN.left},${y(t)})`}>
                    <line x2={-4} />
                    <text x={-6} dy="0.32em" textAnchor="end">
                      {formatY(t)}
                    </text>
                  </g>
                ))}
              </g>
              <g aria-hidden="true">
                {panel.markers.map((m, i) => {
                  const px = markerX[i] ?? 0;
                  if (!Number.isFinite(px)) return null;
                  const labelY = top - 6 - (rows[i] ?? 0) * LABEL_ROW;
                  return (
                    <g key={m.id} className={`sm-marker sm-marker-${m.id}`}>
                      <line
                        x1={px}
                        x2={px}
                        y1={top - 2}
                        y2={baseline}
                        strokeDasharray={dashArray(m.dash)}
                      />
                      <text x={px} y={labelY} textAnchor={anchors[i]}>
                        {m.label}
                      </text>
                    </g>
                  );
                })}
              </g>
            </svg>
          </figure>
        );
      })}
    </div>
  );
}
