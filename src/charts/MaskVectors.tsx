import { scaleBand, scaleLinear } from 'd3';
import { useId } from 'react';
import { useChartWidth } from './useChartWidth.ts';

/** One of the three bar groups: x, m⊙x and y = s·(m⊙x). */
export interface MaskVectorGroup {
  /** Short name above the group, e.g. "m⊙x". */
  readonly name: string;
  /** The group's norm, e.g. "‖m⊙x‖ = 5.004". */
  readonly caption: string;
  /** Linked-highlighting id of the group's norm in the derivation. */
  readonly term: string;
}

export interface MaskVectorsProps {
  /** x, one bar per unit. */
  readonly values: readonly number[];
  /** m_i: 1 = kept, 0 = dropped. */
  readonly mask: readonly (0 | 1)[];
  /** s, the factor that turns m⊙x into y (1/q for inverted dropout). */
  readonly scale: number;
  /** The groups x, m⊙x, y in that order. */
  readonly groups: readonly [MaskVectorGroup, MaskVectorGroup, MaskVectorGroup];
  /** Short title read first by screen readers. */
  readonly title: string;
  /** The numbers the figure shows, in words. */
  readonly description: string;
  /** The highlighted term (a group lights up when its term is highlighted). */
  readonly highlight?: string | null;
  readonly onHighlight?: (term: string | null) => void;
  /** Called with a unit's index when the reader clicks its bar (any group); omit for a read-only chart. */
  readonly onToggle?: (index: number) => void;
}

const NATURAL_WIDTH = 640;
const HEIGHT = 250;
const MARGIN = { top: 44, right: 6, bottom: 22, left: 46 };
const GAP = 18;

/**
 * x, the masked vector m⊙x and the compensated y side by side on one scale. Kept units are solid
 * bars; a dropped unit is hatched with a dashed outline in x and marked with a cross at zero after
 * masking, so kept and dropped differ by shape and pattern, not only by colour.
 */
export function MaskVectors({
  values,
  mask,
  scale,
  groups,
  title,
  description,
  highlight = null,
  onHighlight,
  onToggle,
}: MaskVectorsProps) {
  const { ref: chartRef, width: chartWidth } = useChartWidth(NATURAL_WIDTH);
  const titleId = useId();
  const descId = useId();
  const patternId = useId();
  const masked = values.map((v, i) => (mask[i] === 1 ? v : 0));
  const compensated = masked.map((v) => (v === 0 ? 0 : v * (Number.isFinite(scale) ? scale : 0)));
  const series = [values, masked, compensated] as const;
  const all = [...values, ...compensated];
  const low = Math.min(0, ...all);
  const high = Math.max(0, ...all);
  const y = scaleLinear()
    .domain([low, high === low ? 1 : high])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top])
    .nice();
  const zero = y(0);
  const panelWidth = (chartWidth - MARGIN.left - MARGIN.right - 2 * GAP) / 3;
  const band = scaleBand<number>()
    .domain(values.map((_, i) => i))
    .range([0, panelWidth])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const width = Math.max(1, band.bandwidth());
  const cross = Math.min(5, width / 2);
  const ticks = y.ticks(4);
  const format = y.tickFormat(4);

  return (
    <svg
      ref={chartRef}
      className={`chart mask-vectors${onToggle === undefined ? '' : ' toggleable'}`}
      viewBox={`0 0 ${chartWidth} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <defs>
        <pattern id={patternId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" className="hatch" />
        </pattern>
      </defs>
      <g className="axis">
        {ticks.map((t) => (
          <text key={t} x={MARGIN.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
            {format(t)}
          </text>
        ))}
      </g>
      {series.map((data, g) => {
        const group = groups[g];
        if (group === undefined) return null;
        const left = MARGIN.left + g * (panelWidth + GAP);
        const lit = highlight === group.term;
        return (
          <g
            key={group.term}
            className={`mask-group${lit ? ' highlighted' : ''}`}
            data-group={group.term}
            transform={`translate(${left},0)`}
            onPointerEnter={onHighlight === undefined ? undefined : () => onHighlight(group.term)}
            onPointerLeave={onHighlight === undefined ? undefined : () => onHighlight(null)}
          >
            <rect className="group-frame" x={-4} y={MARGIN.top - 40} width={panelWidth + 8} height={HEIGHT - MARGIN.top + 38} rx={4} />
            <text className="group-name" x={panelWidth / 2} y={MARGIN.top - 26} textAnchor="middle">
              {group.name}
            </text>
            <text className="group-caption" x={panelWidth / 2} y={MARGIN.top - 10} textAnchor="middle">
              {group.caption}
            </text>
            {ticks.map((t) => (
              <line key={t} className="grid-line" x1={0} x2={panelWidth} y1={y(t)} y2={y(t)} />
            ))}
            {data.map((v, i) => {
              const dropped = mask[i] === 0;
              const barLeft = band(i) ?? 0;
              const top = Math.min(y(v), zero);
              const height = Math.abs(y(v) - zero);
              if (dropped && g > 0) {
                const cx = barLeft + width / 2;
                return (
                  <path
                    key={i}
                    className="unit-cross"
                    d={`M${cx - cross},${zero - cross}L${cx + cross},${zero + cross}M${cx - cross},${zero + cross}L${cx + cross},${zero - cross}`}
                  />
                );
              }
              return (
                <rect
                  key={i}
                  className={dropped ? 'unit-bar dropped' : 'unit-bar kept'}
                  x={barLeft}
                  width={width}
                  y={top}
                  height={Math.max(dropped ? 1 : 0.5, height)}
                  fill={dropped ? `url(#${patternId})` : undefined}
                />
              );
            })}
            <line className="zero-line" x1={0} x2={panelWidth} y1={zero} y2={zero} />
            {values.map((_, i) => (
              <text key={i} className={values.length > 9 ? 'unit-label tight' : 'unit-label'} x={(band(i) ?? 0) + width / 2} y={HEIGHT - 6} textAnchor="middle">
                {i + 1}
              </text>
            ))}
            {onToggle === undefined
              ? null
              : values.map((_, i) => (
                  <rect
                    key={i}
                    className="unit-hit"
                    x={(band(i) ?? 0) - (band.step() - width) / 2}
                    width={band.step()}
                    y={MARGIN.top}
                    height={HEIGHT - MARGIN.top}
                    onClick={() => onToggle(i)}
                  />
                ))}
          </g>
        );
      })}
    </svg>
  );
}
