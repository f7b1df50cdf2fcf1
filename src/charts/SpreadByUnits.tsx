import { scaleLog } from 'd3';
import { useId } from 'react';
import { useChartWidth } from './useChartWidth.ts';

/** One layer size: the exact relative spread of ‖y‖ and its delta-method approximation. */
export interface SpreadByUnitsPoint {
  readonly units: number;
  /** sd‖y‖/E‖y‖ (closed form). */
  readonly exact: number;
  /** ½√((1−q)/(q·n_eff)). */
  readonly approximate: number;
}

export interface SpreadByUnitsProps {
  readonly points: readonly SpreadByUnitsPoint[];
  /** The reader's own layer, marked with a ring (omitted when it has no spread). */
  readonly current: { readonly units: number; readonly exact: number } | null;
  readonly title: string;
  /** The numbers the figure shows, in words. */
  readonly description: string;
}

const NATURAL_WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 30, right: 20, bottom: 44, left: 60 };

/** A straight-segment path through the points (React draws it; d3 only gives the scales). */
function linePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(2)},${y.toFixed(2)}`).join('');
}

/** Relative spread of ‖y‖ against the layer size n, both axes logarithmic (a line of slope −½ is 1/√n). */
export function SpreadByUnits({ points, current, title, description }: SpreadByUnitsProps) {
  const { ref: chartRef, width: chartWidth } = useChartWidth(NATURAL_WIDTH);
  const titleId = useId();
  const descId = useId();
  const usable = points.filter((p) => p.exact > 0 && p.approximate > 0);
  const values = usable.flatMap((p) => [p.exact, p.approximate]);
  if (current !== null && current.exact > 0) values.push(current.exact);
  const unitsDomain = [
    Math.min(...usable.map((p) => p.units), current?.units ?? Infinity),
    Math.max(...usable.map((p) => p.units), current?.units ?? 0),
  ];
  const x = scaleLog()
    .base(2)
    // A little room either side, so the first and last points (and the reader's ring) sit clear of the axes.
    .domain(unitsDomain[0]! < unitsDomain[1]! ? [unitsDomain[0]! / 1.3, unitsDomain[1]! * 1.3] : [1, 2])
    .range([MARGIN.left, chartWidth - MARGIN.right]);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const y = scaleLog()
    .domain(low > 0 && high > low ? [low / 1.2, high * 1.2] : [0.01, 1])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const xTicks = usable.map((p) => p.units).filter((_, i) => i % 2 === 0 || usable.length <= 6);
  const formatY = y.tickFormat(5, '.2~g');
  // Log ticks come at 1…9 × 10^k; keep only the labelled ones, so the grid stays light.
  const yTicks = y.ticks(5).filter((t) => formatY(t) !== '');
  const baseline = HEIGHT - MARGIN.bottom;
  const exactPath = linePath(usable.map((p) => [x(p.units), y(p.exact)]));
  const approxPath = linePath(usable.map((p) => [x(p.units), y(p.approximate)]));
  return (
    <svg
      ref={chartRef} className="spread-chart" viewBox={`0 0 ${chartWidth} ${HEIGHT}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <g className="spread-grid" aria-hidden="true">
        {yTicks.map((t) => (
          <line key={t} x1={MARGIN.left} x2={chartWidth - MARGIN.right} y1={y(t)} y2={y(t)} />
        ))}
      </g>
      <g className="spread-axis" aria-hidden="true">
        <line x1={MARGIN.left} x2={chartWidth - MARGIN.right} y1={baseline} y2={baseline} />
        {xTicks.map((t) => (
          <g key={t} transform={`translate(${x(t)},${baseline})`}>
            <line y2={5} />
            <text y={18} textAnchor="middle">
              {t}
            </text>
          </g>
        ))}
        <text x={(MARGIN.left + chartWidth - MARGIN.right) / 2} y={HEIGHT - 6} textAnchor="middle">
          units n (log scale)
        </text>
        <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={baseline} />
        {yTicks.map((t) => (
          <g key={t} transform={`translate(${MARGIN.left},${y(t)})`}>
            <line x2={-5} />
            <text x={-8} dy="0.32em" textAnchor="end">
              {formatY(t)}
            </text>
          </g>
        ))}
        <text transform={`translate(14,${(MARGIN.top + baseline) / 2}) rotate(-90)`} textAnchor="middle">
          sd‖y‖ / E‖y‖ (log scale)
        </text>
      </g>
      <g aria-hidden="true">
        <path className="spread-approx" d={approxPath} strokeDasharray="6 4" />
        {usable.map((p) => (
          <rect key={p.units} className="spread-approx-point" x={x(p.units) - 3.5} y={y(p.approximate) - 3.5} width={7} height={7} />
        ))}
        <path className="spread-exact" d={exactPath} />
        {usable.map((p) => (
          <circle key={p.units} className="spread-exact-point" cx={x(p.units)} cy={y(p.exact)} r={4} />
        ))}
        {current !== null && current.exact > 0 ? (
          <g className="spread-current" data-units={current.units}>
            <circle cx={x(current.units)} cy={y(current.exact)} r={9} />
            {/* Above the ring, or below it when the ring is near the top; never over the ring or past an edge. */}
            <text
              x={x(current.units)}
              y={y(current.exact) - 14 >= 14 ? y(current.exact) - 14 : y(current.exact) + 24}
              textAnchor={x(current.units) < MARGIN.left + 40 ? 'start' : x(current.units) > chartWidth - MARGIN.right - 40 ? 'end' : 'middle'}
            >
              your n = {current.units}
            </text>
          </g>
        ) : null}
      </g>
    </svg>
  );
}
