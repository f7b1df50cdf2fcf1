import { describe, expect, it } from 'vitest';
import { maskText, probabilityText, nextSort, pageCount, pageOfPosition, sameMask, sortMaskRows } from './maskTableRows.ts';

const row = (mask: (0 | 1)[], maskedNorm: number) => ({
  mask,
  kept: mask.reduce<number>((s, b) => s + b, 0),
  probability: 0.25,
  maskedNorm,
  compensatedNorm: 2 * maskedNorm,
  scale: 2,
});
const ROWS = [row([0, 0], 0), row([0, 1], 3), row([1, 0], 1), row([1, 1], Math.hypot(1, 3))];

describe('sortMaskRows', () => {
  it('keeps the natural order without a sort, and numbers the rows', () => {
    expect(sortMaskRows(ROWS, null).map((r) => r.index)).toEqual([0, 1, 2, 3]);
  });
  it('sorts by a column in either direction', () => {
    expect(sortMaskRows(ROWS, { column: 'maskedNorm', direction: 'ascending' }).map((r) => r.index)).toEqual([0, 2, 1, 3]);
    expect(sortMaskRows(ROWS, { column: 'compensatedNorm', direction: 'descending' }).map((r) => r.index)).toEqual([3, 1, 2, 0]);
    expect(sortMaskRows(ROWS, { column: 'mask', direction: 'descending' }).map((r) => r.index)).toEqual([3, 2, 1, 0]);
  });
  it('breaks ties by the natural order', () => {
    expect(sortMaskRows(ROWS, { column: 'kept', direction: 'descending' }).map((r) => r.index)).toEqual([3, 1, 2, 0]);
    expect(sortMaskRows(ROWS, { column: 'probability', direction: 'ascending' }).map((r) => r.index)).toEqual([0, 1, 2, 3]);
  });
});

describe('nextSort', () => {
  it('starts ascending and flips on the same column', () => {
    expect(nextSort(null, 'kept')).toEqual({ column: 'kept', direction: 'ascending' });
    expect(nextSort({ column: 'kept', direction: 'ascending' }, 'kept')).toEqual({ column: 'kept', direction: 'descending' });
    expect(nextSort({ column: 'kept', direction: 'descending' }, 'mask')).toEqual({ column: 'mask', direction: 'ascending' });
  });
});

describe('paging', () => {
  it('has 64 pages of 64 rows for 4096 masks', () => {
    expect(pageCount(4096)).toBe(64);
    expect(pageCount(0)).toBe(1);
    expect(pageOfPosition(63)).toBe(0);
    expect(pageOfPosition(64)).toBe(1);
  });
});

describe('maskText and sameMask', () => {
  it('writes the mask as the question does', () => {
    expect(maskText([0, 0, 1, 1])).toBe('(0, 0, 1, 1)');
  });
  it('compares masks bit by bit', () => {
    expect(sameMask([0, 1], [0, 1])).toBe(true);
    expect(sameMask([0, 1], [1, 1])).toBe(false);
    expect(sameMask([0, 1], null)).toBe(false);
  });
});

describe('probabilityText', () => {
  it('writes small probabilities with a superscript power of ten', () => {
    expect(probabilityText(2 ** -12)).toBe('2.441×10⁻⁴');
    expect(probabilityText(0.0625)).toBe('0.0625');
    expect(probabilityText(1 / 6)).toBe('0.1667');
  });
});
