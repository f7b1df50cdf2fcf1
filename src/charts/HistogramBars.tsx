import type { ScaleLinear } from 'd3';

interface HistogramBarsProps {
  /** Bin edges e_0 < … < e_B and P(bin j), one per bin. */
  readonly edges: readonly number[];
  readonly probabilities: readonly number[];
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  /** Pixel position of probability 0. */
  readonly baseline: number;
  readonly className: string;
  /** Fill for every bar (e.g. a hatch pattern), or the CSS class's fill when omitted. */
  readonly fill?: string | undefined;
}

/** One <rect> per bin that holds probability, with a 1 px gap between bins; empty bins draw nothing. */
export function HistogramBars({ edges, probabilities, x, y, baseline, className, fill }: HistogramBarsProps) {
  const low = edges[0] ?? 0;
  const high = edges[edges.length - 1] ?? 1;
  return (
    <>
      {probabilities.map((p, j) => {
        const x0 = x(edges[j] ?? low);
        const x1 = x(edges[j + 1] ?? high);
        return p > 0 ? (
          <rect
            key={j}
            className={className}
            x={x0 + 0.5}
            width={Math.max(1, x1 - x0 - 1)}
            y={y(p)}
            height={Math.max(0, baseline - y(p))}
            fill={fill}
            data-probability={p}
          />
        ) : null;
      })}
    </>
  );
}
