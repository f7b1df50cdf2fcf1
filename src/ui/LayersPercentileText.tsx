import { formatFixed, formatProbability } from '../explain/formatNumber.ts';
import type { PercentileResult } from './layersPercentile.ts';

/** An approximate probability: 4 decimals, or 3 significant digits when it is tiny. */
function approximate(p: number): string {
  return p !== 0 && Math.abs(p) < 0.001 ? formatProbability(Number(p.toPrecision(3))) : formatFixed(p, 4);
}

/** How P(‖y‖ ≤ t) was obtained, in words. */
function howObtained(result: PercentileResult, units: number): string {
  const estimate = result.estimate;
  switch (estimate.method) {
    case 'enumerate':
      return `exact: all 2^${units} masks enumerated`;
    case 'split':
      return `exact: 2^${units} masks, split enumeration (meet in the middle)`;
    case 'closed-form':
      return 'closed form';
    case 'sample': {
      const interval = estimate.interval;
      return (
        `sampled: ${(result.samples ?? 0).toLocaleString('en-US')} masks, seed ${result.seed ?? ''}` +
        (interval === undefined || interval[0] === interval[1] ? '' : `; 95% interval ${formatFixed(interval[0], 4)} to ${formatFixed(interval[1], 4)}`)
      );
    }
  }
}

interface LayersPercentileTextProps {
  readonly result: PercentileResult | null;
  readonly threshold: number;
  readonly units: number;
}

/** The percentile of the measured ‖y‖, how it was obtained, and the normal approximation beside it. */
export function LayersPercentileText({ result, threshold, units }: LayersPercentileTextProps) {
  if (result === null) return <p className="layers-note">No percentile for this vector.</p>;
  const t = formatFixed(threshold, 3);
  const estimate = result.estimate;
  const sampled = estimate.standardError !== undefined;
  const samples = result.samples ?? 0;
  // No sampled mask on one side: the standard error is 0, so say what the sample does bound
  // (the "rule of three": P < 3/N with 95% confidence).
  const oneSided = sampled && samples > 0 && (estimate.value === 0 || estimate.value === 1);
  const value = oneSided
    ? estimate.value === 0
      ? `below ${formatProbability(3 / samples)}`
      : `above ${formatFixed(1 - 3 / samples, 5)}`
    : sampled
      ? `${formatFixed(estimate.value, 4)} ± ${formatFixed(estimate.standardError ?? 0, 4)}`
      : estimate.method === 'closed-form'
        ? formatProbability(estimate.value)
        : formatFixed(estimate.value, 6);
  const above = 1 - estimate.value;
  const gap = Math.abs(result.normal - result.edgeworth);
  const typical = estimate.value > 0.005 && estimate.value < 0.995;
  return (
    <div className="layers-percentile" data-testid="layers-percentile">
      <p>
        <span className="layers-percentile-label">P(‖y‖ ≤ {t})</span> ={' '}
        <span className="value" data-testid="layers-percentile-value">
          {value}
        </span>{' '}
        <span className="provenance">({howObtained(result, units)})</span>
      </p>
      {oneSided ? (
        <p>
          None of the {samples.toLocaleString('en-US')} sampled masks gives ‖y‖ {estimate.value === 0 ? '≤' : '>'} {t} (95%
          bound by the rule of three, 3/N): in this layer a length of {t} would be{' '}
          {estimate.value === 0 ? 'far too short' : 'far too long'}. The normal approximation below says how far.
        </p>
      ) : (
        <p>
          So the measured {t} sits at the {formatFixed(estimate.value * 100, 1)}th percentile: a share of{' '}
          {formatFixed(above, 4)} of the masks gives a longer y.
          {typical ? ' Nothing about it is unusual.' : ' That would be rare.'}
        </p>
      )}
      {result.z !== null ? (
        <p className="layers-note" data-testid="layers-normal">
          Cross-check, normal approximation of ‖m⊙x‖² (mean q‖x‖², variance q(1−q)Σx_i⁴): Φ({formatFixed(result.z, 3)}) ={' '}
          {approximate(result.normal)}. Adding the first Edgeworth terms (skewness and kurtosis of ‖m⊙x‖²) gives{' '}
          {approximate(result.edgeworth)}, so the plain normal approximation is off by about {approximate(gap)} here
          {result.estimate.method === 'sample' ? '; the sampled value above carries its own standard error.' : '.'}
        </p>
      ) : null}
    </div>
  );
}
