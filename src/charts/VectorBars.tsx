import { extent, scaleBand, scaleLinear } from 'd3';
import { useCallback, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { YGrid } from './YGrid.tsx';
import { useChartWidth } from './useChartWidth.ts';

export interface VectorBarsProps {
  /** The values, one bar each. */
  readonly values: readonly number[];
  /** 1 = kept, 0 = dropped, per unit (dropped bars are hatched and faded), or null for no mask. */
  readonly mask?: readonly (0 | 1)[] | null;
  /** Accessible name of the chart, e.g. "Activations x". */
  readonly label: string;
  /** Called while the reader drags a bar or moves it with the keyboard; omit for a read-only chart. */
  readonly onChange?: (index: number, value: number) => void;
  /** Value change per arrow key press. */
  readonly step?: number;
  readonly height?: number;
}

const NATURAL_WIDTH = 640;
const MARGIN = { top: 8, right: 8, bottom: 20, left: 44 };

/**
 * The activations as bars. With onChange the reader edits them: drag a bar (mouse, pen or touch),
 * or focus the chart and use ←/→ to pick a unit and ↑/↓ (PageUp/PageDown for ×10) to change it.
 */
export function VectorBars({ values, mask = null, label, onChange, step = 0.01, height = 180 }: VectorBarsProps) {
  const [active, setActive] = useState(0);
  const dragging = useRef<number | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const { ref: measure, width: chartWidth } = useChartWidth(NATURAL_WIDTH);
  const chartRef = useCallback(
    (element: SVGSVGElement | null) => {
      svgRef.current = element;
      measure(element);
    },
    [measure],
  );
  const patternId = useId();
  const [lo = 0, hi = 1] = extent(values);
  const y = scaleLinear()
    .domain([Math.min(0, lo), Math.max(0, hi, lo === hi && hi === 0 ? 1 : 0)])
    .range([height - MARGIN.bottom, MARGIN.top])
    .nice();
  const x = scaleBand<number>()
    .domain(values.map((_, i) => i))
    .range([MARGIN.left, chartWidth - MARGIN.right])
    .paddingInner(values.length > 64 ? 0 : 0.15);
  const zero = y(0);
  const current = Math.min(active, values.length - 1);
  const editable = onChange !== undefined;

  /** The value under a pointer, in data units. */
  const valueAt = (event: PointerEvent<SVGSVGElement>) => {
    const svg = svgRef.current;
    if (svg === null) return { index: 0, value: 0 };
    const box = svg.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * chartWidth;
    const py = ((event.clientY - box.top) / box.height) * height;
    const index = Math.max(0, Math.min(values.length - 1, Math.floor((px - MARGIN.left) / x.step())));
    return { index, value: y.invert(py) };
  };
  const round = (v: number) => Math.round(v / step) * step;

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (!editable) return;
    const { index, value } = valueAt(event);
    dragging.current = index;
    setActive(index);
    event.currentTarget.setPointerCapture(event.pointerId);
    onChange(index, round(value));
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!editable || dragging.current === null) return;
    onChange(dragging.current, round(valueAt(event).value));
  };
  const onPointerUp = () => {
    dragging.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (!editable) return;
    const value = values[current] ?? 0;
    const keys: Record<string, () => void> = {
      ArrowLeft: () => setActive(Math.max(0, current - 1)),
      ArrowRight: () => setActive(Math.min(values.length - 1, current + 1)),
      Home: () => setActive(0),
      End: () => setActive(values.length - 1),
      ArrowUp: () => onChange(current, round(value + step)),
      ArrowDown: () => onChange(current, round(value - step)),
      PageUp: () => onChange(current, round(value + 10 * step)),
      PageDown: () => onChange(current, round(value - 10 * step)),
    };
    const action = keys[event.key];
    if (action !== undefined) {
      event.preventDefault();
      action();
    }
  };

  const valueText = `unit ${current + 1} of ${values.length}: ${(values[current] ?? 0).toFixed(3)}${mask?.[current] === 0 ? ', dropped' : ''}`;
  return (
    <svg
      ref={chartRef}
      className={editable ? 'chart vector-bars editable' : 'chart vector-bars'}
      viewBox={`0 0 ${chartWidth} ${height}`}
      role={editable ? 'slider' : 'img'}
      aria-label={label}
      tabIndex={editable ? 0 : undefined}
      aria-valuenow={editable ? (values[current] ?? 0) : undefined}
      aria-valuetext={editable ? valueText : undefined}
      aria-orientation={editable ? 'vertical' : undefined}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    >
      <defs>
        <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" className="hatch" />
        </pattern>
      </defs>
      <g aria-hidden="true">
        <YGrid y={y} count={4} left={MARGIN.left} right={chartWidth - MARGIN.right} />
        {values.map((v, i) => {
          const dropped = mask?.[i] === 0;
          const top = Math.min(y(v), zero);
          return (
            <rect
              key={i}
              className={`unit-bar${dropped ? ' dropped' : ' kept'}${editable && i === current ? ' active' : ''}`}
              x={x(i)}
              width={Math.max(1, x.bandwidth())}
              y={top}
              height={Math.max(dropped ? 1 : 0.5, Math.abs(y(v) - zero))}
              fill={dropped ? `url(#${patternId})` : undefined}
              data-unit={i + 1}
            />
          );
        })}
        <line className="zero-line" x1={MARGIN.left} x2={chartWidth - MARGIN.right} y1={zero} y2={zero} />
        {values.length <= 24
          ? values.map((_, i) => (
              <text key={i} className="unit-label" x={(x(i) ?? 0) + x.bandwidth() / 2} y={height - 5} textAnchor="middle">
                {i + 1}
              </text>
            ))
          : null}
      </g>
    </svg>
  );
}
