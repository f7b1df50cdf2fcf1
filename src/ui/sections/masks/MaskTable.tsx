import { useId, useMemo, useState, type ReactNode } from 'react';
import { formatCount, formatFixed } from '../../../explain/formatNumber.ts';
import { magnitudeDecimals } from '../../../explain/questionDerivation.ts';
import type { MaskRow } from '../../../math/index.ts';
import { sectionInfo } from '../../sectionList.ts';
import {
  MASK_PAGE_SIZE,
  maskText,
  nextSort,
  pageCount,
  pageOfPosition,
  probabilityText,
  sameMask,
  sortMaskRows,
  type MaskColumn,
  type MaskSort,
} from './maskTableRows.ts';

interface MaskTableProps {
  /** The masks (maskRows, natural order) with probabilities and norms; ‖y‖ = ‖m⊙x‖/q. */
  readonly rows: readonly MaskRow[];
  readonly model: 'bernoulli' | 'fixed';
  /** The mask chosen in section 1 (its row is highlighted), or null. */
  readonly chosen: readonly (0 | 1)[] | null;
  /** Makes a mask the chosen one; null while a class link fixes the chosen mask. */
  readonly onChoose: ((mask: readonly (0 | 1)[]) => void) | null;
  /** What the table lists, in a sentence. */
  readonly caption: string;
}

const norm = (value: number) => formatFixed(value, Math.max(3, magnitudeDecimals(value) - 1));

/**
 * Every mask of x with its probability and norms: sortable by each column (buttons in the
 * headings, aria-sort), paged by 64 rows, the chosen mask's row highlighted.
 */
export function MaskTable({ rows, model, chosen, onChoose, caption }: MaskTableProps) {
  const [sort, setSort] = useState<MaskSort | null>(null);
  const [page, setPage] = useState(0);
  const captionId = useId();
  const hintId = useId();
  const sorted = useMemo(() => sortMaskRows(rows, sort), [rows, sort]);
  const pages = pageCount(sorted.length);
  const current = Math.min(page, pages - 1);
  const shown = sorted.slice(current * MASK_PAGE_SIZE, (current + 1) * MASK_PAGE_SIZE);
  const chosenPosition = sorted.findIndex((row) => sameMask(row.mask, chosen));
  const chosenPage = chosenPosition < 0 ? null : pageOfPosition(chosenPosition);

  const heading = (column: MaskColumn, label: ReactNode) => {
    const direction = sort?.column === column ? sort.direction : undefined;
    return (
      <th scope="col" aria-sort={direction}>
        <button
          type="button"
          className="sort-button"
          onClick={() => {
            setSort(nextSort(sort, column));
            setPage(0);
          }}
        >
          {label}
          <span className="sort-glyph" aria-hidden="true">
            {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ' ↕'}
          </span>
        </button>
      </th>
    );
  };

  const go = (target: number) => setPage(Math.min(pages - 1, Math.max(0, target)));
  const first = current * MASK_PAGE_SIZE + 1;
  const last = Math.min(sorted.length, (current + 1) * MASK_PAGE_SIZE);

  return (
    <div className="mask-table">
      <p id={hintId} className="method-note">
        Press a column heading to sort by it (again to reverse){onChoose === null ? '' : `; press a mask to show it in section ${sectionInfo('question').number}`}.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table aria-describedby={hintId}>
          <caption id={captionId} className="visually-hidden">
            {caption}
          </caption>
          <thead>
            <tr>
              {heading('mask', 'mask m')}
              {heading('kept', 'kept k')}
              {heading(
                'probability',
                model === 'fixed' ? (
                  <>P(m) = 1/C(n, k)</>
                ) : (
                  <>
                    P(m) = q<sup>k</sup>(1−q)<sup>n−k</sup>
                  </>
                ),
              )}
              {heading('maskedNorm', '‖m⊙x‖')}
              {heading('compensatedNorm', '‖y‖ = ‖m⊙x‖/q')}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const id = row.mask.join('');
              const isChosen = sameMask(row.mask, chosen);
              return (
                <tr key={id} data-mask={id} className={isChosen ? 'chosen' : undefined} aria-current={isChosen ? 'true' : undefined}>
                  <th scope="row">
                    <span className="mask-glyphs" aria-hidden="true">
                      {row.mask.map((bit, i) => (
                        <span key={i} className={bit ? 'unit-kept' : 'unit-dropped'}>
                          {bit ? '■' : '□'}
                        </span>
                      ))}
                    </span>{' '}
                    {onChoose === null ? (
                      <span className="mask-text">{maskText(row.mask)}</span>
                    ) : (
                      <button type="button" className="mask-choose" onClick={() => onChoose(row.mask)}>
                        {maskText(row.mask)}
                      </button>
                    )}
                    {isChosen ? <span className="chosen-tag"> chosen</span> : null}
                  </th>
                  <td>{row.kept}</td>
                  <td>{probabilityText(row.probability)}</td>
                  <td>{norm(row.maskedNorm)}</td>
                  <td>{norm(row.compensatedNorm)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="mask-pager" aria-label="Pages of the mask table">
          <PagerButton label="First page" disabled={current === 0} onClick={() => go(0)} />
          <PagerButton label="Previous page" disabled={current === 0} onClick={() => go(current - 1)} />
          <span className="mask-pager-status" role="status">
            Rows {first}–{last} of {formatCount(sorted.length)} (page {current + 1} of {pages})
          </span>
          <PagerButton label="Next page" disabled={current === pages - 1} onClick={() => go(current + 1)} />
          <PagerButton label="Last page" disabled={current === pages - 1} onClick={() => go(pages - 1)} />
        </nav>
      ) : null}
      {chosenPage !== null && chosenPage !== current ? (
        <p>
          <button type="button" onClick={() => go(chosenPage)}>
            Show the chosen mask’s row (page {chosenPage + 1})
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** A pager button that stays focusable when it has nowhere to go (aria-disabled, not disabled). */
function PagerButton({ label, disabled, onClick }: { readonly label: string; readonly disabled: boolean; readonly onClick: () => void }) {
  return (
    <button type="button" aria-disabled={disabled || undefined} onClick={disabled ? undefined : onClick}>
      {label}
    </button>
  );
}
