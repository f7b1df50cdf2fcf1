import { max, scaleLinear } from 'd3';
import { useId } from 'react';
import { HistogramBars } from './HistogramBars.tsx';
import { dashArray, type LineStyle } from './lineStyle.ts';
import { labelAnchor, markerLabelRows } from './markerLabelRows.ts';
import { useChartWidth } from './useChartWidth.ts';

/** A labelled vertical line on the histogram (‖x‖, E‖y‖, ‖x‖/√q, …). */
export interface HistogramMarker {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  /** Line style, so markers differ by shape as well as colour. */
  readonly dash: LineStyle;
}

export interface NormHistogramProps {
  /** Bin edges e_0 < … < e_B; bin j is [e_j, e_{j+1}), the last one closed. */
  readonly edges: readonly number[];
  /** P(‖y‖ in bin j), one per bin. */
  readonly probabilities: readonly number[];
  readonly markers: readonly HistogramMarker[];
  /** Short title read first by screen readers. */
  readonly title: string;
  /** The numbers the figure shows, in words (its text alternative). */
  readonly description: string;
  readonly xLabel: string;
  /** The marker id to emphasise (linked highlighting), and a callback when the pointer enters one. */
  readonly highlight?: string | null;
  readonly onHighlight?: (id: string | null) => void;
}

const NATURAL_WIDTH = 640;
const HEIGHT = 280;
const MARGIN = { top: 54, right: 16, bottom: 44, left: 52 };
const LABEL_ROW = 15;
/** The charts' text size in px (index.css .chart). */
const LABEL_FONT = 12;

/** Histogram of a norm's distribution: React renders every node, d3 only computes scales and ticks. */
export function NormHistogram({
  edges,
  probabilities,
  markers,
  title,
  description,
  xLabel,
  highlight = null,
  onHighlight,
}: NormHistogramProps) {
  const { ref: chartRef, width: chartWidth } = useChartWidth(NATURAL_WIDTH);
  const titleId = useId();
  const descId = useId();
  const low = edges[0] ?? 0;
  const high = edges[edges.length - 1] ?? 1;
  const markerMax = max(markers, (m) => m.value) ?? high;
  // Focused edges (a wide first and last bin around a fine window, see math/focusedEdges): zoom on
  // the window and the markers; the outer bins are clamped to the plot's ends.
  const [e0 = low, e1 = low, e2 = low] = edges;
  const last = edges.length - 1;
  const inner = e2 - e1;
  const wideFirst = edges.length >= 5 && e1 - e0 > 3 * inner;
  const wideLast = edges.length >= 5 && (edges[last] ?? 0) - (edges[last - 1] ?? 0) > 3 * inner;
  const markerMin = Math.min(...markers.map((m) => m.value));
  const domainLow = wideFirst ? Math.min(e1, markerMin) : low;
  const domainHigh = wideLast ? Math.max(edges[last - 1] ?? high, markerMax) : Math.max(high, markerMax);
  // A marker at the lowest value would sit on the y-axis: leave it 3 % of the range to the right.
  const span = domainHigh - domainLow;
  const pad = span > 0 && markerMin - domainLow < 0.02 * span ? 0.03 * span : 0;
  const x = scaleLinear().domain([domainLow - pad, domainHigh]).range([MARGIN.left, chartWidth - MARGIN.right]).nice().clamp(true);
  const y = scaleLinear()
    .domain([0, Math.max(max(probabilities) ?? 0, 1e-12)])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top])
    .nice();
  // About one tick per 80 px, so their labels never touch.
  const tickCount = Math.max(3, Math.min(8, Math.round(chartWidth / 80)));
  const xTicks = x.ticks(tickCount);
  const yTicks = y.ticks(4);
  const formatX = x.tickFormat(tickCount);
  const formatY = y.tickFormat(4);
  const markerX = markers.map((m) => x(m.value));
  // Labels are placed from their estimated widths, so no two overlap (a row higher when they would).
  const anchors = markerX.map((px) => labelAnchor(px, 0, chartWidth, 100));
  const rows = markerLabelRows(
    markers.map((m, i) => ({ x: markerX[i] ?? 0, text: m.label, anchor: anchors[i] ?? 'middle' })),
    LABEL_FONT,
  );
  const baseline = HEIGHT - MARGIN.bottom;

  return (
    <svg
      ref={chartRef}
      className="chart"
      viewBox={`0 0 ${chartWidth} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <g className="grid" aria-hidden="true">
        {yTicks.map((t) => (
          <line key={t} x1={MARGIN.left} x2={chartWidth - MARGIN.right} y1={y(t)} y2={y(t)} />
        ))}
      </g>
      <g className="bars" aria-hidden="true">
        <HistogramBars edges={edges} probabilities={probabilities} x={x} y={y} baseline={baseline} className="bar" />
      </g>
      <g className="axis axis-x" aria-hidden="true">
        <line x1={MARGIN.left} x2={chartWidth - MARGIN.right} y1={baseline} y2={baseline} />
        {xTicks.map((t) => (
          <g key={t} transform={`translate(${x(t)},${baseline})`}>
            <line y2={5} />
            <text y={18} textAnchor="middle">
              {formatX(t)}
            </text>
          </g>
        ))}
        <text className="axis-label" x={(MARGIN.left + chartWidth - MARGIN.right) / 2} y={HEIGHT - 6} textAnchor="middle">
          {xLabel}
        </text>
      </g>
      <g className="axis axis-y" aria-hidden="true">
        <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={baseline} />
        {yTicks.map((t) => (
          <g key={t} transform={`translate(${MARGIN.left},${y(t)})`}>
            <line x2={-5} />
            <text x={-8} dy="0.32em" textAnchor="end">
              {formatY(t)}
            </text>
          </g>
        ))}
        <text className="axis-label" transform={`translate(14,${(MARGIN.top + baseline) / 2}) rotate(-90)`} textAnchor="middle">
          probability
        </text>
      </g>
      <g className="markers" aria-hidden="true">
        {markers.map((m, i) => {
          const px = markerX[i] ?? 0;
          const labelY = MARGIN.top - 8 - (rows[i] ?? 0) * LABEL_ROW;
          return (
            <g
              key={m.id}
              className={`marker marker-${m.id}${highlight === m.id ? ' highlighted' : ''}`}
              data-marker={m.id}
              onPointerEnter={onHighlight === undefined ? undefined : () => onHighlight(m.id)}
              onPointerLeave={onHighlight === undefined ? undefined : () => onHighlight(null)}
            >
              <line x1={px} x2={px} y1={MARGIN.top - 4} y2={baseline} strokeDasharray={dashArray(m.dash)} />
              <text x={px} y={labelY} textAnchor={anchors[i]}>
                {m.label}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
