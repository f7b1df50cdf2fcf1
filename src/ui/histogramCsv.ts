/**
 * The main histogram of ‖y‖ as CSV: one comment line saying which state (its link) and how the
 * numbers were obtained, a header, then `edge_from,edge_to,probability[,standard_error]` per bin.
 * Numbers are written at full precision (String(value)).
 */

export interface HistogramCsvInput {
  /** Bin edges e_0 < … < e_B. */
  readonly edges: readonly number[];
  /** P(‖y‖ in bin j), one per bin. */
  readonly probabilities: readonly number[];
  /** Standard errors per bin, when sampled. */
  readonly standardErrors?: readonly number[] | undefined;
  /** The link that reopens this state. */
  readonly link: string;
  /** How the numbers were obtained, in words (e.g. "Exact: all 16 masks (2⁴) enumerated"). */
  readonly method: string;
}

/** A number as CSV text: full precision, empty when not finite. */
const cell = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? String(value) : '');

/** Comment text on one line (no line breaks inside the comment). */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

/** The CSV text, ending with a newline. */
export function histogramCsv({ edges, probabilities, standardErrors, link, method }: HistogramCsvInput): string {
  const withErrors = standardErrors !== undefined && standardErrors.length > 0;
  const lines = [
    `# Distribution of ‖y‖ from the Dropout Scaling Explorer; state: ${oneLine(link)}; method: ${oneLine(method)}`,
    withErrors ? 'edge_from,edge_to,probability,standard_error' : 'edge_from,edge_to,probability',
  ];
  const bins = Math.max(0, Math.min(probabilities.length, edges.length - 1));
  for (let j = 0; j < bins; j += 1) {
    const row = [cell(edges[j]), cell(edges[j + 1]), cell(probabilities[j])];
    if (withErrors) row.push(cell(standardErrors[j]));
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}
