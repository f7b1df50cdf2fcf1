/**
 * Sorting and paging of the mask table (section 2), kept out of the component: the rows keep their
 * position in the natural (binary) order as `index`, so "sort by mask" is that order and every
 * sort is stable.
 */
import { formatProbability } from '../../../explain/formatNumber.ts';
import type { MaskRow } from '../../../math/index.ts';

export type MaskColumn = 'mask' | 'kept' | 'probability' | 'maskedNorm' | 'compensatedNorm';
export type SortDirection = 'ascending' | 'descending';

export interface MaskSort {
  readonly column: MaskColumn;
  readonly direction: SortDirection;
}

/** A row with its position in the natural order (row r of maskRows). */
export interface IndexedMaskRow extends MaskRow {
  readonly index: number;
}

/** Rows per page; tables up to this size are not paged. */
export const MASK_PAGE_SIZE = 64;

/** "(0, 0, 1, 1)": the mask as the question writes it. */
export function maskText(mask: readonly (0 | 1)[]): string {
  return `(${mask.join(', ')})`;
}

/** Whether two masks are the same (same length, same bits). */
export function sameMask(a: readonly (0 | 1)[] | null, b: readonly (0 | 1)[] | null): boolean {
  return a !== null && b !== null && a.length === b.length && a.every((bit, i) => bit === b[i]);
}

const sortValue = (row: IndexedMaskRow, column: MaskColumn): number =>
  column === 'mask' ? row.index : row[column];

/** The rows in the requested order (natural order for null); ties keep the natural order. */
export function sortMaskRows(rows: readonly MaskRow[], sort: MaskSort | null): IndexedMaskRow[] {
  const indexed = rows.map((row, index) => ({ ...row, index }));
  if (sort === null) return indexed;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return indexed.sort((a, b) => sign * (sortValue(a, sort.column) - sortValue(b, sort.column)) || a.index - b.index);
}

/** The next sort when the reader presses a column's heading: ascending first, then it flips. */
export function nextSort(current: MaskSort | null, column: MaskColumn): MaskSort {
  if (current?.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: 'ascending' };
}

/** Number of pages for `total` rows (at least 1). */
export function pageCount(total: number, size = MASK_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The page (0-based) that shows the row at `position` of the sorted list. */
export function pageOfPosition(position: number, size = MASK_PAGE_SIZE): number {
  return Math.max(0, Math.floor(position / size));
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** A probability to 4 significant digits, small ones with a superscript power of ten (2.441×10⁻⁴). */
export function probabilityText(value: number): string {
  return formatProbability(value).replace(/×10\^(-?\d+)/, (_, exponent: string) =>
    `×10${[...exponent].map((c) => SUPERSCRIPT[c] ?? c).join('')}`,
  );
}
