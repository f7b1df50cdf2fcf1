import { useRef } from 'react';
import { SpreadByUnits } from '../../../charts/SpreadByUnits.tsx';
import { FigureData } from '../../FigureData.tsx';
import { FigureExport } from '../../FigureExport.tsx';
import type { LayersFigure } from './layersFigure.ts';
import { Subscripted } from '../../Subscripted.tsx';

/** How the relative spread of ‖y‖ falls with the layer size, exact next to the delta method (from the figure model). */
export function LayersSpread({ spread }: { readonly spread: LayersFigure['spread'] }) {
  const figure = useRef<HTMLElement>(null);
  if (spread === 'computing') {
    return (
      <p className="layers-note" role="status" aria-busy="true">
        Computing the spread chart…
      </p>
    );
  }
  if ('none' in spread) return <p className="layers-note">{spread.none}</p>;
  return (
    <figure className="layers-spread" data-testid="layers-spread" ref={figure}>
      <SpreadByUnits points={spread.points} current={spread.current} title={spread.title} description={spread.description} />
      <figcaption>
        <span className="spread-key spread-key-exact" aria-hidden="true" /> sd‖y‖/E‖y‖, exact (closed form: E‖y‖ by quadrature,
        E‖y‖² = ‖x‖²/q) · <span className="spread-key spread-key-approx" aria-hidden="true" /> delta method ½√((1−q)/(q·n<sub>eff</sub>)) ·{' '}
        <span className="spread-key spread-key-current" aria-hidden="true" /> your layer. <Subscripted text={spread.caption} />
      </figcaption>
      <FigureExport target={figure} fileName="layers-spread" label="chart of sd‖y‖/E‖y‖ against the layer size n" />
      <FigureData
        title={spread.tableTitle}
        columns={['units n', 'n_eff', 'sd‖y‖/E‖y‖ (closed form)', '½√((1−q)/(q·n_eff))']}
        rows={spread.rows}
      />
    </figure>
  );
}
