/**
 * How the mean section writes the engine's numbers: a value with its standard error when sampled,
 * and how each number was obtained, in words.
 */
import { formatCount } from '../../../explain/formatNumber.ts';
import { formatAdaptive } from '../../../explain/meanDerivation.ts';
import type { Estimate, Method, UnitLaw } from '../../../math/index.ts';

/** A value with its standard error when sampled ("2.5000 ± 0.0012"). */
export function formatWithError(value: number, error: number | undefined): string {
  return error === undefined ? formatAdaptive(value) : `${formatAdaptive(value)} ± ${formatAdaptive(error)}`;
}

/** An estimate with its standard error when sampled. */
export const formatEstimate = (estimate: Estimate): string => formatWithError(estimate.value, estimate.standardError);

/** "16 masks", "1 mask". */
export const masksInWords = (count: number) => `${formatCount(count)} ${count === 1 ? 'mask' : 'masks'}`;

/** "2,000 masks, seed 3". */
const sampledWith = (law: UnitLaw) => `${masksInWords(law.samples ?? 0)}, seed ${law.seed ?? ''}`;

/** How a number of the law was obtained, in words ("exact enumeration of 16 masks", "closed form", …). */
export function howObtained(method: Method, law: UnitLaw): string {
  switch (method) {
    case 'enumerate':
      return law.enumerated === null ? 'exact enumeration' : `exact enumeration of ${masksInWords(law.enumerated)}`;
    case 'split':
      return 'exact split (meet in the middle)';
    case 'closed-form':
      return 'closed form';
    case 'sample':
      // A scalar compensation is sampled only through c* (a fixed-count layer too large for its quadrature).
      return law.scale?.method === 'sample' ? `closed form with c* sampled (${sampledWith(law)})` : `sampled (${sampledWith(law)})`;
  }
}
