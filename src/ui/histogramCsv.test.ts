import { describe, expect, it } from 'vitest';
import { histogramCsv } from './histogramCsv.ts';

/** Parses the CSV back: the comment, the header and the numeric rows. */
function parse(text: string) {
  const lines = text.trimEnd().split('\n');
  const [comment = '', header = '', ...rows] = lines;
  return { comment, header, rows: rows.map((r) => r.split(',').map(Number)) };
}

describe('histogramCsv', () => {
  it('writes one row per bin at full precision, with the link and the method in the comment line', () => {
    const edges = [0, 5.006, 10.000, 10.012];
    const probabilities = [0.25, 0.25, 0.5];
    const text = histogramCsv({ edges, probabilities, link: 'http://x/?q=0.5#norm', method: 'Exact: all 16 masks enumerated' });
    const { comment, header, rows } = parse(text);
    expect(comment.startsWith('# ')).toBe(true);
    expect(comment).toContain('state: http://x/?q=0.5#norm');
    expect(comment).toContain('method: Exact: all 16 masks enumerated');
    expect(header).toBe('edge_from,edge_to,probability');
    expect(rows).toEqual([
      [0, 5.006, 0.25],
      [5.006, 10, 0.25],
      [10, 10.012, 0.5],
    ]);
    expect(rows.reduce((s, r) => s + (r[2] ?? 0), 0)).toBe(1);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('keeps every digit of a probability (String(value) round-trips)', () => {
    const p = 1 / 3;
    const { rows } = parse(histogramCsv({ edges: [0, 1, 2], probabilities: [p, 1 - p], link: 'l', method: 'm' }));
    expect(rows[0]?.[2]).toBe(p);
    expect(rows[1]?.[2]).toBe(1 - p);
  });

  it('adds the standard error column when sampled', () => {
    const { header, rows } = parse(
      histogramCsv({ edges: [1, 2, 3], probabilities: [0.4, 0.6], standardErrors: [0.01, 0.02], link: 'l', method: 'sampled' }),
    );
    expect(header).toBe('edge_from,edge_to,probability,standard_error');
    expect(rows).toEqual([
      [1, 2, 0.4, 0.01],
      [2, 3, 0.6, 0.02],
    ]);
  });

  it('never breaks the comment line and tolerates mismatched or non-finite input', () => {
    const text = histogramCsv({ edges: [0, 1], probabilities: [Number.NaN, 0.5], link: 'a\nb', method: 'x\r\ny' });
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('0,1,');
  });
});
