import { formatFixed, methodLabel } from '../../../explain/formatNumber.ts';
import { type AnalysisResult, maskModel } from '../../../math/index.ts';
import { EstimateText } from '../../EstimateText.tsx';
import { useCompensationLabels } from '../../labels.ts';
import { biasNorm, leaksInWords, meanInWords } from './rescalingRows.ts';
import { Subscripted } from '../../Subscripted.tsx';

/** The compared compensations side by side (mean, lengths, downstream variance), then what each leaks or breaks. */
export function RescalingTable({ results }: { readonly results: readonly AnalysisResult[] }) {
  const COMPENSATION_LABELS = useCompensationLabels();
  if (results.length === 0) return null;
  const first = results[0];
  const norm = first?.norm ?? 0;
  // y and x, or DropConnect's u and Wx (z = u₁ there).
  const d = maskModel(first?.model ?? 'bernoulli');
  const [y, x] = [d.output, d.reference];
  return (
    <>
      <div className="table-scroll rescaling-table" tabIndex={0} role="region" aria-label="Compensations compared">
        <table>
          <caption>
            Same x and q in every row; ‖{x}‖ = {formatFixed(norm, 4)}. The test-time output is {x} (q·{x} for “× 1 in
            training”); {d.masks === 'units' ? 'z = w·y is one unit of the next layer' : 'z = u₁ is the first output'}.
          </caption>
          <thead>
            <tr>
              <th scope="col">Kept values</th>
              <th scope="col">E[{y}]</th>
              <th scope="col">‖E[{y}] − test output‖</th>
              <th scope="col">E‖{y}‖</th>
              <th scope="col">√E‖{y}‖²</th>
              <th scope="col">Var z</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => {
              const bias = biasNorm(r);
              return (
                <tr key={r.compensation} data-compensation={r.compensation}>
                  <th scope="row">{COMPENSATION_LABELS[r.compensation]}</th>
                  <td>
                    <span className="value"><Subscripted text={meanInWords(r)} /></span>{' '}
                    <span className="provenance">({methodLabel(r.meanVector.method)})</span>
                  </td>
                  <td>
                    <span className="value">{formatFixed(bias.value, 4)}</span>{' '}
                    <span className="provenance">
                      ({bias.noise === null ? methodLabel(r.meanVector.method) : `sampled; noise ±${formatFixed(bias.noise, 4)}`})
                    </span>
                  </td>
                  <td>
                    <EstimateText estimate={r.meanNorm} decimals={4} />
                  </td>
                  <td>
                    <EstimateText estimate={r.rmsNorm} decimals={4} />
                  </td>
                  <td>
                    <EstimateText estimate={r.downstream.variance} decimals={4} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3 className="rescaling-leaks-title">What each leaks or breaks</h3>
      <dl className="rescaling-leaks">
        {results.map((r) => (
          <div key={r.compensation}>
            <dt>{COMPENSATION_LABELS[r.compensation]}</dt>
            <dd><Subscripted text={leaksInWords(r)} /></dd>
          </div>
        ))}
      </dl>
    </>
  );
}
