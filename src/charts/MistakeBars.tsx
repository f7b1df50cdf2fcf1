import { scaleBand, scaleLinear } from 'd3';
import { useId } from 'react';
import { YGrid } from './YGrid.tsx';
import { useChartWidth } from './useChartWidth.ts';

/** One bar per unit: x itself, the right output or the wrong one. */
export interface MistakeSeries {
  readonly key: 'x' | 'right' | 'wrong';
  /** Legend text, e.g. "right E[y]". */
  readonly name: string;
  /** Non-finite values (an undefined output) draw no bar. */
  readonly values: readonly number[];
  /** ±1 standard deviation drawn as a whisker, per unit; omit (or 0) for none. */
  readonly spread?: readonly number[];
}

export interface MistakeBarsProps {
  /** The chart's title (its accessible name). */
  readonly title: string;
  /** What the chart shows, in numbers (read by screen readers). */
  readonly description: string;
  readonly series: readonly MistakeSeries[];
  readonly height?: number;
}

const NATURAL_WIDTH = 640;
const MARGIN = { top: 30, right: 8, bottom: 22, left: 52 };
const LEGEND_ROW = 18;
/** Swatch and gap before an entry's text, the gap after it, and px per character of 12 px text. */
const LEGEND_SWATCH = 22;
const LEGEND_GAP = 24;
const LEGEND_CHARACTER = 7.4;

/** Where each legend entry goes: left to right from the plot's left edge, a new row when one is full. */
function legendLayout(names: readonly string[], width: number): { readonly x: number; readonly row: number }[] {
  const placed: { x: number; row: number }[] = [];
  let x = MARGIN.left;
  let row = 0;
  for (const name of names) {
    const entry = LEGEND_SWATCH + [...name].length * LEGEND_CHARACTER;
    if (x > MARGIN.left && x + entry > width - MARGIN.right) {
      x = MARGIN.left;
      row += 1;
    }
    placed.push({ x, row });
    x += entry + LEGEND_GAP;
  }
  return placed;
}

/**
 * Grouped bars per unit comparing x, the right and the wrong output of a dropout mistake. The three
 * series differ by fill as well as colour: x outlined, right solid, wrong hatched; whiskers mark ±1 sd.
 */
export function MistakeBars({ title, description, series, height = 220 }: MistakeBarsProps) {
  const { ref: chartRef, width: chartWidth } = useChartWidth(NATURAL_WIDTH);
  const titleId = useId();
  const descId = useId();
  const hatchId = useId();
  const units = Math.max(0, ...series.map((s) => s.values.length));
  const extremes = series.flatMap((s) =>
    s.values.flatMap((v, i) => {
      const spread = s.spread?.[i] ?? 0;
      return Number.isFinite(v) ? [v - (Number.isFinite(spread) ? spread : 0), v + (Number.isFinite(spread) ? spread : 0)] : [];
    }),
  );
  // The legend flows left to right (each entry as wide as its estimated text), in as many rows as
  // the width needs; the plot starts below it.
  const legend = legendLayout(
    series.map((s) => s.name),
    chartWidth,
  );
  const top = MARGIN.top + Math.max(0, ...legend.map((p) => p.row)) * LEGEND_ROW;
  const lo = Math.min(0, ...extremes);
  const hi = Math.max(0, ...extremes);
  const y = scaleLinear()
    .domain([lo, hi === lo ? lo + 1 : hi])
    .range([height + top - MARGIN.top - MARGIN.bottom, top])
    .nice();
  const group = scaleBand<number>()
    .domain(Array.from({ length: units }, (_, i) => i))
    .range([MARGIN.left, chartWidth - MARGIN.right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const inner = scaleBand<string>()
    .domain(series.map((s) => s.key))
    .range([0, group.bandwidth()])
    .paddingInner(0.08);
  const zero = y(0);
  const fill = (key: MistakeSeries['key']) => (key === 'wrong' ? `url(#${hatchId})` : undefined);
  return (
    <svg
      ref={chartRef} className="chart mistake-bars" viewBox={`0 0 ${chartWidth} ${height + top - MARGIN.top}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <defs>
        <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" className="mistake-hatch" />
        </pattern>
      </defs>
      <g aria-hidden="true">
        <YGrid y={y} count={5} left={MARGIN.left} right={chartWidth - MARGIN.right} />
        {series.map((s) =>
          s.values.map((v, i) => {
            const left = (group(i) ?? 0) + (inner(s.key) ?? 0);
            const width = Math.max(1, inner.bandwidth());
            if (!Number.isFinite(v)) {
              return (
                <text key={`${s.key}-${i}`} className="mistake-undefined" x={left + width / 2} y={zero - 4} textAnchor="middle">
                  ?
                </text>
              );
            }
            const spread = s.spread?.[i] ?? 0;
            const centre = left + width / 2;
            return (
              <g key={`${s.key}-${i}`} className={`mistake-series-${s.key}`}>
                <rect
                  className={`mistake-bar mistake-bar-${s.key}`}
                  x={left}
                  width={width}
                  y={Math.min(y(v), zero)}
                  height={Math.max(0.5, Math.abs(y(v) - zero))}
                  fill={fill(s.key)}
                />
                {spread > 0 && Number.isFinite(spread) ? (
                  <g className="mistake-whisker">
                    <line x1={centre} x2={centre} y1={y(v - spread)} y2={y(v + spread)} />
                    <line x1={centre - width / 4} x2={centre + width / 4} y1={y(v - spread)} y2={y(v - spread)} />
                    <line x1={centre - width / 4} x2={centre + width / 4} y1={y(v + spread)} y2={y(v + spread)} />
                  </g>
                ) : null}
              </g>
            );
          }),
        )}
        <line className="zero-line" x1={MARGIN.left} x2={chartWidth - MARGIN.right} y1={zero} y2={zero} />
        {Array.from({ length: units }, (_, i) => (
          <text key={i} className="unit-label" x={(group(i) ?? 0) + group.bandwidth() / 2} y={height + top - MARGIN.top - 6} textAnchor="middle">
            unit {i + 1}
          </text>
        ))}
        {series.map((s, k) => (
          <g key={s.key} className={`mistake-series-${s.key}`} transform={`translate(${legend[k]?.x ?? 0},${8 + (legend[k]?.row ?? 0) * LEGEND_ROW})`}>
            <rect className={`mistake-bar mistake-bar-${s.key}`} width="16" height="12" fill={fill(s.key)} />
            <text x="22" y="10">
              {s.name}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
