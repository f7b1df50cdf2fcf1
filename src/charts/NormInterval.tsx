import { scaleLinear } from 'd3';

export interface NormIntervalProps {
  /** ‖x‖, the lower end (Jensen: ‖E y‖ ≤ E‖y‖). */
  readonly norm: number;
  /** E‖y‖, when known. */
  readonly mean: number | null;
  /** √E‖y‖² = ‖x‖/√q, the upper end. */
  readonly rms: number;
}

const WIDTH = 600;
const HEIGHT = 44;
const MARGIN = 12;

/**
 * The opening's one figure: a number line from 0 with the interval [‖x‖, ‖x‖/√q] shaded and E‖y‖
 * inside it. Decorative for screen readers (the text beside it says the same numbers); its labels
 * live in the HTML legend, so no chart text shrinks with the width. Line styles match the norm
 * histogram's markers: ‖x‖ solid, E‖y‖ dashed, √E‖y‖² dotted.
 */
export function NormInterval({ norm, mean, rms }: NormIntervalProps) {
  const top = Math.max(rms, norm, mean ?? 0) * 1.15 || 1;
  const x = scaleLinear().domain([0, top]).range([MARGIN, WIDTH - MARGIN]);
  const y = HEIGHT / 2;
  const line = (value: number, className: string, dash: string | undefined) => (
    <line className={className} x1={x(value)} x2={x(value)} y1={6} y2={HEIGHT - 6} strokeWidth={3} strokeDasharray={dash} vectorEffect="non-scaling-stroke" />
  );
  return (
    <svg className="norm-interval" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <line className="norm-interval-axis" x1={x(0)} x2={x(top)} y1={y} y2={y} vectorEffect="non-scaling-stroke" />
      <rect className="norm-interval-band" x={x(norm)} width={Math.max(1, x(rms) - x(norm))} y={y - 9} height={18} rx={3} />
      {line(norm, 'norm-interval-norm', undefined)}
      {line(rms, 'norm-interval-rms', '2 4')}
      {mean === null ? null : line(mean, 'norm-interval-mean', '8 5')}
    </svg>
  );
}
