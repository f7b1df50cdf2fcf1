import { formatEstimateValue, provenance } from '../explain/formatNumber.ts';
import type { Estimate } from '../math/index.ts';

/** A number with its standard error (if sampled) and how it was obtained. */
export function EstimateText({ estimate, decimals }: { readonly estimate: Estimate; readonly decimals: number }) {
  return (
    <>
      <span className="value">{formatEstimateValue(estimate, decimals)}</span>{' '}
      <span className="provenance">({provenance(estimate, decimals)})</span>
    </>
  );
}
