import { formatFixed, formatKeep, formatProbability } from '../explain/formatNumber.ts';
import { selectMaskRows } from '../state/selectors.ts';
import { useExplorer } from './explorerContext.ts';

/** "(0, 0, 1, 1)": the mask as the question writes it. */
function maskText(mask: readonly (0 | 1)[]): string {
  return `(${mask.join(', ')})`;
}

/** Every mask of x with its probability and norms: the exact enumeration the histogram weighs. */
export function MaskTable() {
  const rows = useExplorer(selectMaskRows);
  const keep = useExplorer((s) => s.keep);
  const n = rows[0]?.mask.length ?? 0;
  const total = rows.reduce((sum, r) => sum + r.probability, 0);
  return (
    <section className="panel mask-table" aria-labelledby="mask-table-title">
      <h2 id="mask-table-title">Every mask, weighed</h2>
      <p className="method-note">
        Exact enumeration: all 2<sup>{n}</sup> = {rows.length} masks of n = {n} units, each kept unit with
        probability q = {formatKeep(keep)}. The probabilities add up to {formatProbability(total)}.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="mask-table-title">
        <table>
          <caption className="visually-hidden">
            Mask, units kept, probability, norm of the masked vector and compensated norm for each of the{' '}
            {rows.length} masks
          </caption>
          <thead>
            <tr>
              <th scope="col">mask m</th>
              <th scope="col">kept k</th>
              <th scope="col">
                P(m) = q<sup>k</sup>(1−q)<sup>n−k</sup>
              </th>
              <th scope="col">‖m⊙x‖</th>
              <th scope="col">‖y‖ = ‖m⊙x‖/q</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const id = row.mask.join('');
              return (
                <tr key={id} data-mask={id}>
                  <th scope="row">
                    <span className="mask-glyphs" aria-hidden="true">
                      {row.mask.map((bit, i) => (
                        <span key={i} className={bit ? 'unit-kept' : 'unit-dropped'}>
                          {bit ? '■' : '□'}
                        </span>
                      ))}
                    </span>{' '}
                    {maskText(row.mask)}
                  </th>
                  <td>{row.kept}</td>
                  <td>{formatProbability(row.probability)}</td>
                  <td>{formatFixed(row.maskedNorm, 3)}</td>
                  <td>{formatFixed(row.compensatedNorm, 3)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
