import type { ScaleLinear } from 'd3';

interface YGridProps {
  /** The vertical scale (d3 computes its ticks; React draws them). */
  readonly y: ScaleLinear<number, number>;
  /** How many ticks to ask d3 for. */
  readonly count: number;
  /** Left and right ends of the grid lines; labels sit just left of `left`. */
  readonly left: number;
  readonly right: number;
}

/** Horizontal grid lines with their value labels: the value axis every bar chart here shares. */
export function YGrid({ y, count, left, right }: YGridProps) {
  const format = y.tickFormat(count);
  return (
    <>
      {y.ticks(count).map((t) => (
        <g key={t} className="axis" transform={`translate(0,${y(t)})`}>
          <line className="grid-line" x1={left} x2={right} />
          <text x={left - 6} dy="0.32em" textAnchor="end">
            {format(t)}
          </text>
        </g>
      ))}
    </>
  );
}
