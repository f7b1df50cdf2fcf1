import { scaleLinear } from 'd3';
import { useCallback, useId, useRef } from 'react';
import { formatFixed, formatKeep } from '../../../explain/formatNumber.ts';
import { FigureExport } from '../../FigureExport.tsx';
import { useChartWidth } from '../../../charts/useChartWidth.ts';

interface RescalingScaleLineProps {
  readonly keep: number;
  /** c* = ‖x‖/E‖m⊙x‖. */
  readonly constantScale: number;
}

const NATURAL_WIDTH = 640;
const HEIGHT = 92;
const LEFT = 70;
const RIGHT = 70;
const AXIS_Y = 52;

/** Where c* sits between its bounds 1/√q (every unit equal, n → ∞) and 1/q (one unit carries all of x). */
export function RescalingScaleLine({ keep, constantScale }: RescalingScaleLineProps) {
  const titleId = useId();
  const descId = useId();
  const figure = useRef<SVGSVGElement>(null);
  const { ref: measure, width: chartWidth } = useChartWidth(NATURAL_WIDTH);
  const chartRef = useCallback(
    (element: SVGSVGElement | null) => {
      figure.current = element;
      measure(element);
    },
    [measure],
  );
  const low = 1 / Math.sqrt(keep);
  const high = 1 / keep;
  const x = scaleLinear()
    .domain(high > low ? [low, high] : [low - 0.5, high + 0.5])
    .range([LEFT, chartWidth - RIGHT])
    .clamp(true);
  const share = high > low ? (constantScale - low) / (high - low) : null;
  const cx = x(constantScale);
  return (
    <>
      <svg
        ref={chartRef}
        className="scale-line"
        viewBox={`0 0 ${chartWidth} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        data-testid="scale-line"
      >
        <title id={titleId}>{`Where c* lies between 1/√q and 1/q at q = ${formatKeep(keep)}`}</title>
        <desc id={descId}>
          {`1/√q = ${formatFixed(low, 4)}, c* = ${formatFixed(constantScale, 4)}, 1/q = ${formatFixed(high, 4)}` +
            (share === null ? '; the bounds meet at q = 1.' : `; c* is ${formatFixed(share * 100, 1)} % of the way from 1/√q to 1/q.`)}
        </desc>
        <g aria-hidden="true">
          <line className="scale-line-axis" x1={x(low)} x2={x(high)} y1={AXIS_Y} y2={AXIS_Y} />
          <g className="scale-line-bound">
            <line x1={x(low)} x2={x(low)} y1={AXIS_Y - 10} y2={AXIS_Y + 10} />
            <text x={x(low)} y={AXIS_Y + 28} textAnchor="middle">
              1/√q = {formatFixed(low, 3)}
            </text>
          </g>
          <g className="scale-line-bound">
            <line x1={x(high)} x2={x(high)} y1={AXIS_Y - 10} y2={AXIS_Y + 10} />
            <text x={x(high)} y={AXIS_Y + 28} textAnchor="middle">
              1/q = {formatFixed(high, 3)}
            </text>
          </g>
          <g className="scale-line-value">
            <path d={`M${cx},${AXIS_Y - 4} l-7,-12 h14 z`} />
            <text x={cx} y={AXIS_Y - 22} textAnchor={cx > chartWidth - 120 ? 'end' : cx < 120 ? 'start' : 'middle'}>
              c* = {formatFixed(constantScale, 4)}
            </text>
          </g>
        </g>
      </svg>
      <FigureExport target={figure} fileName="rescaling-constant-scale" label="line of c* between 1/√q and 1/q" />
    </>
  );
}
