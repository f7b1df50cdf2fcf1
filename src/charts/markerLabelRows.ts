/** How a marker's label is anchored at its line, as SVG's text-anchor. */
export type LabelAnchor = 'start' | 'middle' | 'end';

/** A marker label to place: its line's x (px), its text, its anchor. */
export interface PlacedLabel {
  readonly x: number;
  readonly text: string;
  readonly anchor: LabelAnchor;
}

/** Width of one character, in em, generous for the sans-serif the charts use (‖ and digits are narrower). */
const EM_PER_CHARACTER = 0.62;

/** The horizontal extent [left, right] a label covers, estimated from its length. */
export function labelExtent({ x, text, anchor }: PlacedLabel, fontSize: number): readonly [number, number] {
  const width = [...text].length * EM_PER_CHARACTER * fontSize;
  if (anchor === 'start') return [x, x + width];
  if (anchor === 'end') return [x - width, x];
  return [x - width / 2, x + width / 2];
}

/** The anchor that keeps a label inside [left, right]: toward the inside near either end. */
export function labelAnchor(x: number, left: number, right: number, margin: number): LabelAnchor {
  if (x > right - margin) return 'end';
  if (x < left + margin) return 'start';
  return 'middle';
}

/**
 * Assigns each label a row (0 = nearest the plot) so that no two labels in one row overlap, with
 * `gap` px between them: first fit, labels taken left to right.
 */
export function markerLabelRows(labels: readonly PlacedLabel[], fontSize: number, gap = 8): number[] {
  const order = labels.map((label, i) => ({ i, extent: labelExtent(label, fontSize) })).sort((a, b) => a.extent[0] - b.extent[0]);
  const rows = new Array<number>(labels.length).fill(0);
  const rowEnds: number[] = [];
  for (const { i, extent } of order) {
    let row = rowEnds.findIndex((end) => extent[0] >= end + gap);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = extent[1];
    rows[i] = row;
  }
  return rows;
}
