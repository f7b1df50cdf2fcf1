import { scaleLinear } from 'd3';
import type { EpochRecord } from '../../../training/experiment.ts';
import type { LabelledPoints } from '../../../training/dataSets.ts';
import { GRID_EXTENT, GRID_SIDE } from '../../../training/settings.ts';

const W = 220;
const H = 120;
const M = { top: 8, right: 8, bottom: 22, left: 34 };

interface CurveChartProps {
  readonly title: string;
  readonly description: string;
  readonly curve: readonly EpochRecord[];
  readonly epochs: number;
  readonly max: number;
  readonly min?: number;
  readonly series: readonly { readonly name: string; readonly value: (r: EpochRecord) => number; readonly dash: string }[];
  readonly format: (v: number) => string;
}

/** Lines over the epochs on a fixed scale (the same for every scheme, so panels compare). React draws every node. */
export function CurveChart({ title, description, curve, epochs, max, min = 0, series, format }: CurveChartProps) {
  const x = scaleLinear().domain([0, Math.max(1, epochs)]).range([M.left, W - M.right]);
  const y = scaleLinear().domain([min, max]).range([H - M.bottom, M.top]);
  // Fewer ticks when the format would print two alike (0.05 and 0.1 at one decimal): every label sits at its own value.
  const distinct = (ts: number[]) => new Set(ts.map(format)).size === ts.length;
  const ticks = [3, 2, 1].map((count) => y.ticks(count)).find(distinct) ?? [min, max];
  return (
    <svg className="training-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}. ${description}`}>
      <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="training-axis" />
      <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} className="training-axis" />
      {ticks.map((t) => (
        <g key={t}>
          <line x1={M.left - 3} x2={M.left} y1={y(t)} y2={y(t)} className="training-axis" />
          <text x={M.left - 5} y={y(t) + 3} textAnchor="end" className="training-tick">
            {format(t)}
          </text>
        </g>
      ))}
      <text x={M.left} y={H - 6} className="training-tick">
        0
      </text>
      <text x={W - M.right} y={H - 6} textAnchor="end" className="training-tick">
        epoch {epochs}
      </text>
      {series.map((s) => {
        if (curve.length === 0) return null;
        const path = curve
          .map((r, i) => `${i === 0 ? 'M' : 'L'}${x(r.epoch).toFixed(1)},${y(Math.min(max, Math.max(min, s.value(r)))).toFixed(1)}`)
          .join('');
        return <path key={s.name} d={path} className="training-line" strokeDasharray={s.dash} />;
      })}
    </svg>
  );
}

interface RegionMapProps {
  readonly title: string;
  readonly grid: readonly number[];
  readonly train: LabelledPoints;
}

/**
 * Decision regions at the end of training: each grid cell coloured by the predicted class, darker
 * where the network is surer; training points drawn as circles (class 0) and crosses (class 1), so
 * the classes differ by shape as well as colour.
 */
export function RegionMap({ title, grid, train }: RegionMapProps) {
  const size = 144;
  const cell = size / GRID_SIDE;
  const at = (v: number) => ((v + GRID_EXTENT) / (2 * GRID_EXTENT)) * size;
  const points = Array.from({ length: train.labels.length }, (_, i) => ({
    x: at(train.points[2 * i] as number),
    y: size - at(train.points[2 * i + 1] as number),
    label: train.labels[i] as number,
  }));
  const share = grid.filter((p) => p >= 0.5).length / Math.max(1, grid.length);
  return (
    <svg
      className="training-regions"
      viewBox={`0 0 ${size} ${size}`}
      role="img"
      aria-label={`${title}: ${Math.round(share * 100)} % of the square is predicted class 1 (orange); ${train.labels.length} training points, circles class 0, crosses class 1.`}
    >
      {grid.map((p, k) => (
        <rect
          key={k}
          x={(k % GRID_SIDE) * cell}
          y={Math.floor(k / GRID_SIDE) * cell}
          width={cell + 0.05}
          height={cell + 0.05}
          className={p >= 0.5 ? 'region-one' : 'region-zero'}
          fillOpacity={0.12 + 0.5 * Math.abs(2 * p - 1)}
        />
      ))}
      {points.map((pt, i) =>
        pt.label === 0 ? (
          <circle key={i} cx={pt.x} cy={pt.y} r={2} className="point-zero" />
        ) : (
          <path key={i} d={`M${pt.x - 2},${pt.y - 2}L${pt.x + 2},${pt.y + 2}M${pt.x - 2},${pt.y + 2}L${pt.x + 2},${pt.y - 2}`} className="point-one" />
        ),
      )}
    </svg>
  );
}
