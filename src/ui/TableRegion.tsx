import type { ReactNode } from 'react';

interface TableRegionProps {
  /** What the table shows, read when the keyboard reaches the region. */
  readonly label: string;
  readonly className?: string;
  readonly children: ReactNode;
}

/**
 * A table's own box: wider than its column (a phone, a 320 px embed), the table scrolls sideways
 * in here instead of squeezing its cells, and the box is a named keyboard stop so it can be scrolled
 * without a pointer (axe's scrollable-region-focusable).
 */
export function TableRegion({ label, className, children }: TableRegionProps) {
  return (
    <div className={className === undefined ? 'table-scroll' : `table-scroll ${className}`} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
