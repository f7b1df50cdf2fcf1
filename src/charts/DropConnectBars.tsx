import { scaleBand } from 'd3';
import { useId } from 'react';
import { YGrid } from './YGrid.tsx';
import { valueScale } from './valueScale.ts';
import { useChartWidth } from './useChartWidth.ts';

/** One output j of the layer: (Wx)_j and the sd of u_j (DropConnect) and of z_j (unit dropout). */
export interface DropConnectOutputDatum {
  readonly mean: number;
  readonly sdDropConnect: number;
  readonly sdUnit: number;
}

export interface DropConnectBarsProps {
  readonly outputs: readonly DropConnectOutputDatum[];
  readonly title: string;
  readonly description: string;
}

const NATURAL_WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 12, bottom: 24, left: 52 };

/**
 * Per output: a bar of (Wx)_j, the common mean, with two ±1 sd whiskers side by side: DropConnect
 * (solid, round caps) on the left and unit dropout (dashed, square caps) on the right.
 */
export function DropConnectBars({ outputs, title, description }: DropConnectBarsProps) {
  const { ref: chartRef, width: chartWidth } = useChartWidth(NATURAL_WIDTH);
  const titleId = useId();
  const descId = useId();
  const extremes = outputs.flatMap((o) => {
    const sd = Math.max(o.sdDropConnect, o.sdUnit);
    return [o.mean - sd, o.mean + sd, 0];
  });
  const y = valueScale(extremes, HEIGHT - MARGIN.bottom, MARGIN.top);
  const x = scaleBand<number>()
    .domain(outputs.map((_, j) => j))
    .range([MARGIN.left, chartWidth - MARGIN.right])
    .paddingInner(0.3)
    .paddingOuter(0.15);
  const zero = y(0);
  const band = x.bandwidth();
  const whisker = (className: string, cx: number, mean: number, sd: number, round: boolean) => (
    <g className={className}>
      <line x1={cx} x2={cx} y1={y(mean - sd)} y2={y(mean + sd)} />
      {round ? (
        <>
          <circle cx={cx} cy={y(mean - sd)} r={4} />
          <circle cx={cx} cy={y(mean + sd)} r={4} />
        </>
      ) : (
        <>
          <rect x={cx - 4} y={y(mean - sd) - 4} width={8} height={8} />
          <rect x={cx - 4} y={y(mean + sd) - 4} width={8} height={8} />
        </>
      )}
    </g>
  );
  return (
    <svg
      ref={chartRef} className="chart dropconnect-bars" viewBox={`0 0 ${chartWidth} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <g aria-hidden="true">
        <YGrid y={y} count={5} left={MARGIN.left} right={chartWidth - MARGIN.right} />
        {outputs.map((o, j) => {
          const left = x(j) ?? 0;
          return (
            <g key={j} data-output={j + 1}>
              <rect
                className="dropconnect-mean"
                x={left}
                width={band}
                y={Math.min(y(o.mean), zero)}
                height={Math.max(0.5, Math.abs(y(o.mean) - zero))}
              />
              {whisker('dropconnect-spread', left + band / 3, o.mean, o.sdDropConnect, true)}
              {whisker('dropconnect-unit-spread', left + (2 * band) / 3, o.mean, o.sdUnit, false)}
              <text className="unit-label" x={left + band / 2} y={HEIGHT - 6} textAnchor="middle">
                output {j + 1}
              </text>
            </g>
          );
        })}
        <line className="zero-line" x1={MARGIN.left} x2={chartWidth - MARGIN.right} y1={zero} y2={zero} />
      </g>
    </svg>
  );
}
