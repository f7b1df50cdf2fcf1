import { describe, expect, it } from 'vitest';
import { labelExtent, markerLabelRows, type PlacedLabel } from './markerLabelRows.ts';

/** True when two labels in the same row overlap (brute force over every pair). */
function overlaps(labels: readonly PlacedLabel[], rows: readonly number[], fontSize: number): boolean {
  return labels.some((a, i) =>
    labels.some((b, j) => {
      if (j <= i || rows[i] !== rows[j]) return false;
      const [a0, a1] = labelExtent(a, fontSize);
      const [b0, b1] = labelExtent(b, fontSize);
      return a0 < b1 && b0 < a1;
    }),
  );
}

describe('markerLabelRows', () => {
  it('puts the section 6 labels ‖x‖ = 5.006 and E‖y‖ = 5.157, 6 px apart, in different rows', () => {
    const labels: PlacedLabel[] = [
      { x: 200, text: '‖x‖ = 5.006', anchor: 'middle' },
      { x: 206, text: 'E‖y‖ = 5.157', anchor: 'middle' },
    ];
    const rows = markerLabelRows(labels, 12);
    expect(rows[0]).not.toBe(rows[1]);
  });

  it('keeps far-apart labels in one row', () => {
    const rows = markerLabelRows(
      [
        { x: 60, text: '‖x‖ = 5.006', anchor: 'start' },
        { x: 400, text: '‖x‖/√q = 7.080', anchor: 'middle' },
      ],
      12,
    );
    expect(rows).toEqual([0, 0]);
  });

  it('never leaves two labels of one row overlapping, for 200 pseudo-random layouts', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const anchors = ['start', 'middle', 'end'] as const;
    for (let trial = 0; trial < 200; trial++) {
      const labels = Array.from({ length: 2 + Math.floor(next() * 4) }, () => ({
        x: 40 + next() * 560,
        text: 'E‖y‖ = 5.157'.slice(0, 4 + Math.floor(next() * 9)),
        anchor: anchors[Math.floor(next() * 3)] ?? 'middle',
      }));
      expect(overlaps(labels, markerLabelRows(labels, 12), 12)).toBe(false);
    }
  });
});
