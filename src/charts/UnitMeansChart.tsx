import { scaleBand } from 'd3';
import { useId } from 'react';
import { YGrid } from './YGrid.tsx';
import { valueScale } from './valueScale.ts';
import { useChartWidth } from './useChartWidth.ts';

/** One unit: its activation x_i, the mean E[y_i] of its dropout output, and sd(y_i) (null if unknown). */
export interface UnitMeanDatum {
  readonly value: number;
  readonly mean: number;
  readonly sd: number | null;
}

export interface UnitMeansChartProps {
  readonly units: readonly UnitMeanDatum[];
  /** Number of the first unit shown (1-based), for the axis labels. */
  readonly firstIndex?: number;
  readonly title: string;
  /** The numbers in words (the text alternative). */
  readonly description: string;
}

const NATURAL_WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 12, bottom: 24, left: 52 };

/**
 * Per unit: a bar of x_i, a diamond at E[y_i] and a whisker from E[y_i] − sd(y_i) to E[y_i] + sd(y_i).
 * When the diamond sits on the end of its bar the unit is unbiased.
 */
export function UnitMeansChart({ units, firstIndex = 1, title, description }: UnitMeansChartProps) {
  const { ref: chartRef, width: chartWidth } = useChartWidth(NATURAL_WIDTH);
  const titleId = useId();
  const descId = useId();
  const values = units.flatMap((u) => [u.value, u.mean, u.mean - (u.sd ?? 0), u.mean + (u.sd ?? 0), 0]);
  const y = valueScale(values, HEIGHT - MARGIN.bottom, MARGIN.top);
  const x = scaleBand<number>()
    .domain(units.map((_, i) => i))
    .range([MARGIN.left, chartWidth - MARGIN.right])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const zero = y(0);
  const band = x.bandwidth();
  const diamond = Math.max(3, Math.min(7, band / 4));
  const labelEvery = Math.ceil(units.length / 24);
  return (
    <svg
      ref={chartRef} className="chart unit-means" viewBox={`0 0 ${chartWidth} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <g aria-hidden="true">
        <YGrid y={y} count={5} left={MARGIN.left} right={chartWidth - MARGIN.right} />
        {units.map((u, i) => {
          const left = x(i) ?? 0;
          const centre = left + band / 2;
          const top = Math.min(y(u.value), zero);
          const my = y(u.mean);
          return (
            <g key={i} className="unit-mean" data-unit={firstIndex + i}>
              <rect className="unit-mean-x" x={left} width={Math.max(1, band)} y={top} height={Math.max(0.5, Math.abs(y(u.value) - zero))} />
              {u.sd !== null && u.sd > 0 ? (
                <g className="unit-mean-spread">
                  <line x1={centre} x2={centre} y1={y(u.mean - u.sd)} y2={y(u.mean + u.sd)} />
                  <line x1={centre - band / 4} x2={centre + band / 4} y1={y(u.mean - u.sd)} y2={y(u.mean - u.sd)} />
                  <line x1={centre - band / 4} x2={centre + band / 4} y1={y(u.mean + u.sd)} y2={y(u.mean + u.sd)} />
                </g>
              ) : null}
              <path
                className="unit-mean-marker"
                d={`M${centre},${my - diamond} L${centre + diamond},${my} L${centre},${my + diamond} L${centre - diamond},${my} Z`}
              />
            </g>
          );
        })}
        <line className="zero-line" x1={MARGIN.left} x2={chartWidth - MARGIN.right} y1={zero} y2={zero} />
        {units.map((_, i) =>
          i % labelEvery === 0 ? (
            <text key={i} className="unit-label" x={(x(i) ?? 0) + band / 2} y={HEIGHT - 6} textAnchor="middle">
              {firstIndex + i}
            </text>
          ) : null,
        )}
      </g>
    </svg>
  );
}
