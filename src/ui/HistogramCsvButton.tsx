import { methodBadge, methodLabel } from '../explain/formatNumber.ts';
import type { AnalysisResult } from '../math/index.ts';
import { downloadBlob, exportFileName } from './downloadBlob.ts';
import { histogramCsv } from './histogramCsv.ts';

/** "Download CSV": the result's histogram of ‖y‖ with the page's link and how it was computed. */
export function HistogramCsvButton({ result }: { readonly result: AnalysisResult }) {
  const save = () => {
    const { edges, probabilities, standardErrors, method } = result.histogram;
    const text = histogramCsv({
      edges,
      probabilities,
      standardErrors: method === 'sample' ? standardErrors : undefined,
      link: window.location.href,
      method: `histogram by ${methodLabel(method)} (${methodBadge(result)})`,
    });
    downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), exportFileName('norm-histogram', 'csv'));
  };
  return (
    <button type="button" className="histogram-csv" onClick={save}>
      Download CSV
    </button>
  );
}
