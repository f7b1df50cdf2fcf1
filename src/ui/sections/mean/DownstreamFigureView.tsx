import { TableRegion } from '../../TableRegion.tsx';
import { useRef } from 'react';
import { DownstreamHistogram } from '../../../charts/DownstreamHistogram.tsx';
import { FigureData } from '../../FigureData.tsx';
import { FigureExport } from '../../FigureExport.tsx';
import { HighlightKeys } from '../../HighlightKeys.tsx';
import type { DownstreamFigure } from './downstreamFigure.ts';

interface DownstreamFigureViewProps {
  readonly figure: DownstreamFigure;
  readonly highlight: string | null;
  readonly onHighlight: (term: string | null) => void;
}

/** The law of z = w·y with w·x and E[z] marked, its key numbers and its data tables (downstreamFigure.ts). */
export function DownstreamFigureView({ figure, highlight, onHighlight }: DownstreamFigureViewProps) {
  const element = useRef<HTMLElement>(null);
  return (
    <>
      <figure className="mean-figure" ref={element}>
        <p className="mean-method">{figure.method}</p>
        <DownstreamHistogram
          edges={figure.edges}
          probabilities={figure.probabilities}
          markers={figure.markers}
          spread={figure.spread}
          approximate={figure.approximate}
          title={figure.title}
          description={figure.description}
          xLabel="z = w·y"
          highlight={highlight}
          onHighlight={onHighlight}
        />
      </figure>
      <FigureExport target={element} fileName="mean-downstream" label="histogram of z = w·y" />
      <TableRegion label="Downstream unit z = w·y">
        <table className="mean-numbers">
          <caption>Downstream unit z = w·y</caption>
          <thead>
            <tr>
              <th scope="col">quantity</th>
              <th scope="col">value</th>
              <th scope="col">how it was obtained</th>
            </tr>
          </thead>
          <tbody>
            {figure.rows.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td>{row.text}</td>
                <td className="provenance">{row.how}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <FigureData title={figure.weightsTitle} columns={['unit i', 'xᵢ', 'wᵢ', 'wᵢ·xᵢ']} rows={figure.weightRows} />
      <FigureData title={figure.binsTitle} columns={['z from', 'to', 'probability']} rows={figure.binRows} />
      <HighlightKeys keys={figure.keys} where="the histogram above and the formulas below" />
    </>
  );
}
