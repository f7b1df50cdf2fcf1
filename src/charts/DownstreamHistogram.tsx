import { max, scaleLinear } from 'd3';
import { useId } from 'react';
import { HistogramBars } from './HistogramBars.tsx';
import { YGrid } from './YGrid.tsx';
import { useChartWidth } from './useChartWidth.ts';

/** A labelled vertical line (w·x, E[z]); markers differ by dash as well as colour. */
export interface DownstreamMarker {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly dash: 'solid' | 'dashed';
  /** Colour role: 'norm' (test-time value) or 'mean' (expectation). */
  readonly tone: 'norm' | 'mean';
}

export interface DownstreamHistogramProps {
  readonly edges: readonly number[];
  readonly probabilities: readonly number[];
  readonly markers: readonly DownstreamMarker[];
  /** E[z] ± sd z, drawn as a bracket above the bars; null for none. */
  readonly spread: { readonly id: string; readonly low: number; readonly high: number; readonly label: string } | null;
  /** Bars of an approximation are drawn hatched and outlined instead of solid. */
  readonly approximate: boolean;
  readonly title: string;
  readonly description: string;
  readonly xLabel: string;
  readonly highlight?: string | null;
  readonly onHighlight?: (id: string | null) => void;
}

const NATURAL_WIDTH = 640;
const HEIGHT = 280;
const MARGIN = { top: 70, right: 16, bottom: 44, left: 52 };

/** Histogram of a downstream unit z with its markers; React renders every node, d3 computes scales. */
export function DownstreamHistogram({
  edges,
  probabilities,
  markers,
  spread,
  approximate,
  title,
  description,
  xLabel,
  highlight = null,
  onHighlight,
}: DownstreamHistogramProps) {
  const { ref: chartRef, width: chartWidth } = useChartWidth(NATURAL_WIDTH);
  const titleId = useId();
  const descId = useId();
  const patternId = useId();
  const low = edges[0] ?? 0;
  const high = edges[edges.length - 1] ?? 1;
  const x = scaleLinear().domain([low, high]).range([MARGIN.left, chartWidth - MARGIN.right]).nice();
  const y = scaleLinear()
    .domain([0, Math.max(max(probabilities) ?? 0, 1e-12)])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top])
    .nice();
  const baseline = HEIGHT - MARGIN.bottom;
  // About one tick per 80 px, so their labels never touch.
  const tickCount = Math.max(3, Math.min(8, Math.round(chartWidth / 80)));
  const lit = (id: string) => (highlight === id ? ' highlighted' : '');
  const point = (id: string) => ({
    onPointerEnter: onHighlight === undefined ? undefined : () => onHighlight(id),
    onPointerLeave: onHighlight === undefined ? undefined : () => onHighlight(null),
  });
  return (
    <svg
      ref={chartRef} className="chart downstream-histogram" viewBox={`0 0 ${chartWidth} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <defs>
        <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" className="downstream-hatch" />
        </pattern>
      </defs>
      <g aria-hidden="true">
        <YGrid y={y} count={4} left={MARGIN.left} right={chartWidth - MARGIN.right} />
        <g className={approximate ? 'downstream-bars approximate' : 'downstream-bars'}>
          <HistogramBars
            edges={edges}
            probabilities={probabilities}
            x={x}
            y={y}
            baseline={baseline}
            className="downstream-bar"
            fill={approximate ? `url(#${patternId})` : undefined}
          />
        </g>
        <g className="axis">
          <line x1={MARGIN.left} x2={chartWidth - MARGIN.right} y1={baseline} y2={baseline} />
          {x.ticks(tickCount).map((t) => (
            <g key={t} transform={`translate(${x(t)},${baseline})`}>
              <line y2={5} />
              <text y={18} textAnchor="middle">
                {x.tickFormat(tickCount)(t)}
              </text>
            </g>
          ))}
          <text className="axis-label" x={(MARGIN.left + chartWidth - MARGIN.right) / 2} y={HEIGHT - 6} textAnchor="middle">
            {xLabel}
          </text>
          <text className="axis-label" transform={`translate(14,${(MARGIN.top + baseline) / 2}) rotate(-90)`} textAnchor="middle">
            probability
          </text>
        </g>
        {spread !== null ? (
          <g className={`downstream-spread${lit(spread.id)}`} {...point(spread.id)}>
            <line x1={x(spread.low)} x2={x(spread.high)} y1={MARGIN.top - 6} y2={MARGIN.top - 6} />
            <line x1={x(spread.low)} x2={x(spread.low)} y1={MARGIN.top - 11} y2={MARGIN.top - 1} />
            <line x1={x(spread.high)} x2={x(spread.high)} y1={MARGIN.top - 11} y2={MARGIN.top - 1} />
            <text
              x={x(spread.high) > chartWidth - 130 ? x(spread.high) - 4 : x(spread.high) + 6}
              y={MARGIN.top - 10}
              textAnchor={x(spread.high) > chartWidth - 130 ? 'end' : 'start'}
            >
              {spread.label}
            </text>
          </g>
        ) : null}
        {markers.map((m, i) => {
          const px = x(m.value);
          return (
            <g key={m.id} className={`marker marker-${m.tone}${lit(m.id)}`} {...point(m.id)}>
              <line x1={px} x2={px} y1={MARGIN.top - 2} y2={baseline} strokeDasharray={m.dash === 'dashed' ? '6 4' : undefined} />
              <text
                x={px}
                y={MARGIN.top - 26 - i * 15}
                textAnchor={px > chartWidth - 110 ? 'end' : px < 110 ? 'start' : 'middle'}
              >
                {m.label}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
