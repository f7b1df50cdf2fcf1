import { TableRegion } from '../../TableRegion.tsx';
import { formatFixed, formatProbability } from '../../../explain/formatNumber.ts';
import { type AnalysisResult, type Estimate, maskModel } from '../../../math/index.ts';
import { EstimateText } from '../../EstimateText.tsx';
import { normNames } from './normFigure.ts';

interface Row {
  readonly id: string;
  readonly name: string;
  readonly estimate: Estimate;
  readonly decimals: number;
}

/** The key numbers of the current state, each with how it was obtained, named for the result's mask model. */
export function ResultTable({ result }: { readonly result: AnalysisResult }) {
  const { out, ref, masked, mean } = normNames(result.model, result.compensation);
  const weights = maskModel(result.model).masks === 'weights';
  const rows: Row[] = [
    { id: 'mean', name: mean, estimate: result.meanNorm, decimals: 4 },
    { id: 'rms', name: `√E${out}²`, estimate: result.rmsNorm, decimals: 4 },
    { id: 'sd', name: `sd ${out}`, estimate: result.sdNorm, decimals: 4 },
    { id: 'median', name: `median ${out}`, estimate: result.medianNorm, decimals: 4 },
    { id: 'above', name: `P(${out} > ${ref})`, estimate: result.pAboveNorm, decimals: 4 },
    { id: 'constant', name: `c* = ${ref} / E${masked}`, estimate: result.constantScale, decimals: 4 },
    { id: 'z-mean', name: weights ? 'E[z], z = u₁' : 'E[z], z = w·y', estimate: result.downstream.mean, decimals: 4 },
    { id: 'z-var', name: 'Var z', estimate: result.downstream.variance, decimals: 4 },
  ];
  return (
    <TableRegion label="Key numbers and how each was obtained">
      <table className="result-table">
        <caption className="visually-hidden">Key numbers and how each was obtained</caption>
        <tbody>
          <tr data-row="norm">
            <th scope="row">{ref}</th>
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
            <th scope="row">{weights ? '(Wx)₁ (no dropout)' : 'w·x (no dropout)'}</th>
            <td>
              <span className="value">{formatFixed(result.downstream.undropped, 4)}</span>{' '}
              <span className="provenance">(closed form)</span>
            </td>
          </tr>
          <tr data-row="all-dropped">
            <th scope="row">{weights ? 'P(all weights dropped)' : 'P(all units dropped)'}</th>
            <td>
              <span className="value">{formatProbability(result.pAllDropped)}</span> <span className="provenance">(closed form)</span>
            </td>
          </tr>
          <tr data-row="n-eff">
            <th scope="row">n<sub>eff</sub> = ‖x‖⁴/Σxᵢ⁴</th>
            <td>
              <span className="value">{formatFixed(result.nEff, 4)}</span> <span className="provenance">(closed form)</span>
            </td>
          </tr>
        </tbody>
      </table>
    </TableRegion>
  );
}
