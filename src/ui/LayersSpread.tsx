import { useMemo, useRef } from 'react';
import { SpreadByUnits } from '../charts/SpreadByUnits.tsx';
import { formatFixed, formatKeep } from '../explain/formatNumber.ts';
import type { VectorKind } from '../math/index.ts';
import { FigureData } from './FigureData.tsx';
import { FigureExport } from './FigureExport.tsx';
import { spreadCurve } from './layersMoments.ts';

const KIND_WORDS: Record<VectorKind, string> = {
  gauss: 'Gaussian',
  uniform: 'uniform (non-negative)',
  dominant: 'one-dominant-unit',
  equal: 'equal-unit',
};

interface LayersSpreadProps {
  readonly kind: VectorKind;
  readonly seed: number;
  readonly keep: number;
  /** The reader's own layer: n and its exact sd‖y‖/E‖y‖. */
  readonly current: { readonly units: number; readonly exact: number };
}

/** How the relative spread of ‖y‖ falls with the layer size, exact next to the delta method. */
export function LayersSpread({ kind, seed, keep, current }: LayersSpreadProps) {
  // Closed forms for 11 layer sizes (a few tens of ms): recomputed only when kind, seed or q change.
  const curve = useMemo(() => spreadCurve(kind, seed, keep), [kind, seed, keep]);
  const figure = useRef<HTMLElement>(null);
  if (keep >= 1) {
    return <p className="layers-note">With q = 1 nothing is dropped: ‖y‖ = ‖x‖ on every mask, so there is no spread to plot.</p>;
  }
  const first = curve[0];
  const last = curve.at(-1);
  const words = KIND_WORDS[kind];
  const describe = (p: (typeof curve)[number]) => `n = ${p.units}: ${formatFixed(p.relativeSpread, 4)}`;
  const description =
    `Relative spread sd‖y‖/E‖y‖ of ${words} layers (seed ${seed}) at q = ${formatKeep(keep)}, closed form: ` +
    `${curve.map(describe).join('; ')}. The delta method ½√((1−q)/(q·n_eff)) gives ` +
    `${first === undefined ? '' : formatFixed(first.approximateSpread, 4)} at n = ${first?.units ?? ''} and ` +
    `${last === undefined ? '' : formatFixed(last.approximateSpread, 4)} at n = ${last?.units ?? ''}. ` +
    `Your layer, n = ${current.units}: ${formatFixed(current.exact, 4)}.`;
  return (
    <figure className="layers-spread" data-testid="layers-spread" ref={figure}>
      <SpreadByUnits
        points={curve.map((p) => ({ units: p.units, exact: p.relativeSpread, approximate: p.approximateSpread }))}
        current={current.exact > 0 ? current : null}
        title={`Relative spread of ‖y‖ against the layer size, ${words} layers, q = ${formatKeep(keep)}`}
        description={description}
      />
      <figcaption>
        <span className="spread-key spread-key-exact" aria-hidden="true" /> sd‖y‖/E‖y‖, exact (closed form: E‖y‖ by quadrature,
        E‖y‖² = ‖x‖²/q) · <span className="spread-key spread-key-approx" aria-hidden="true" /> delta method ½√((1−q)/(q·n_eff)) ·{' '}
        <span className="spread-key spread-key-current" aria-hidden="true" /> your layer. Each n is its own seeded {words} draw,
        so the curve wiggles where n_eff does.
      </figcaption>
      <FigureExport target={figure} fileName="layers-spread" label="chart of sd‖y‖/E‖y‖ against the layer size n" />
      <FigureData
        title={`Relative spread of ‖y‖ by layer size (${words}, q = ${formatKeep(keep)})`}
        columns={['units n', 'n_eff', 'sd‖y‖/E‖y‖ (closed form)', '½√((1−q)/(q·n_eff))']}
        rows={curve.map((p) => [String(p.units), formatFixed(p.nEff, 2), formatFixed(p.relativeSpread, 5), formatFixed(p.approximateSpread, 5)])}
      />
    </figure>
  );
}
