import { formatFixed, formatProbability } from '../explain/formatNumber.ts';
import type { AnalysisResult, Estimate } from '../math/types.ts';
import { EstimateText } from './EstimateText.tsx';

interface Row {
  readonly id: string;
  readonly name: string;
  readonly estimate: Estimate;
  readonly decimals: number;
}

/** The key numbers of the current state, each with how it was obtained. */
export function ResultTable({ result }: { readonly result: AnalysisResult }) {
  const rows: Row[] = [
    { id: 'mean', name: 'E‖y‖', estimate: result.meanNorm, decimals: 4 },
    { id: 'rms', name: '√E‖y‖²', estimate: result.rmsNorm, decimals: 4 },
    { id: 'sd', name: 'sd ‖y‖', estimate: result.sdNorm, decimals: 4 },
    { id: 'median', name: 'median ‖y‖', estimate: result.medianNorm, decimals: 4 },
    { id: 'above', name: 'P(‖y‖ > ‖x‖)', estimate: result.pAboveNorm, decimals: 4 },
    { id: 'constant', name: 'c* = ‖x‖ / E‖m⊙x‖', estimate: result.constantScale, decimals: 4 },
    { id: 'z-mean', name: 'E[z], z = w·y', estimate: result.downstream.mean, decimals: 4 },
    { id: 'z-var', name: 'Var z', estimate: result.downstream.variance, decimals: 4 },
  ];
  return (
    <table className="result-table">
      <caption className="visually-hidden">Key numbers and how each was obtained</caption>
      <tbody>
        <tr data-row="norm">
          <th scope="row">‖x‖</th>
          <td>
            <span className="value">{formatFixed(result.norm, 4)}</span> <span className="provenance">(closed form)</span>
          </td>
        </tr>
        {rows.map((row) => (
          <tr key={row.id} data-row={row.id}>
            <th scope="row">{row.name}</th>
            <td>
              <EstimateText estimate={row.estimate} decimals={row.decimals} />
            </td>
          </tr>
        ))}
        <tr data-row="z-undropped">
          <th scope="row">w·x (no dropout)</th>
          <td>
            <span className="value">{formatFixed(result.downstream.undropped, 4)}</span>{' '}
            <span className="provenance">(closed form)</span>
          </td>
        </tr>
        <tr data-row="all-dropped">
          <th scope="row">P(all units dropped)</th>
          <td>
            <span className="value">{formatProbability(result.pAllDropped)}</span> <span className="provenance">(closed form)</span>
          </td>
        </tr>
        <tr data-row="n-eff">
          <th scope="row">n_eff = ‖x‖⁴/Σx_i⁴</th>
          <td>
            <span className="value">{formatFixed(result.nEff, 4)}</span> <span className="provenance">(closed form)</span>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
