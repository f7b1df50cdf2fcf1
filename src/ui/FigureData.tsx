import { useId } from 'react';
import { useExplorer } from './explorerContext.ts';
import { Subscripted } from './Subscripted.tsx';

interface FigureDataProps {
  /** What the table lists, e.g. "Histogram of ‖y‖". */
  readonly title: string;
  readonly columns: readonly string[];
  /** Rows of already formatted cells. */
  readonly rows: readonly (readonly string[])[];
}

/**
 * A figure's data as a table: collapsed under the figure, open for everyone when the page's
 * "show data tables" flag is on (it is part of the link).
 */
export function FigureData({ title, columns, rows }: FigureDataProps) {
  const showData = useExplorer((s) => s.showData);
  const id = useId();
  return (
    <details className="figure-data" open={showData || undefined} key={String(showData)}>
      <summary>Data table: {title}</summary>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
        <table>
          <caption id={id}>{title}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  <Subscripted text={c} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (c === 0 ? <th key={c} scope="row">{cell}</th> : <td key={c}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
