import { useId, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { formatKeep } from '../explain/formatNumber.ts';
import { useExplorer } from './explorerContext.ts';

/**
 * The contents and the shared controls. On a wide screen a sticky column beside the sections; on a
 * narrow one (the CSS decides, see index.css "sidebar") a compact bar that stays at the top of the
 * screen and opens them as a sheet, so the explanation comes first. The bar's button is a disclosure
 * (aria-expanded, aria-controls); Escape closes the sheet and gives focus back to the button, and
 * following a link in the contents closes it too.
 */
export function Sidebar({ children }: { readonly children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonId = useId();
  const keep = useExplorer((s) => s.keep);
  const notation = useExplorer((s) => s.notation);
  const rate = notation === 'keep' ? `q = ${formatKeep(keep)}` : `p = ${formatKeep(1 - keep)}`;
  const close = () => {
    setOpen(false);
    document.getElementById(buttonId)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      close();
    }
  };
  const onClick = (event: MouseEvent) => {
    if (open && event.target instanceof Element && event.target.closest('.toc a') !== null) setOpen(false);
  };
  return (
    <aside className={open ? 'sidebar sidebar-open' : 'sidebar'} aria-label="Contents and controls" onKeyDown={onKeyDown}>
      <div className="phone-bar">
        <button id={buttonId} type="button" className="phone-bar-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
          <span aria-hidden="true" className="phone-bar-icon">
            ☰
          </span>{' '}
          Contents and controls
        </button>
        <span className="phone-bar-state">{rate}</span>
      </div>
      {/* The click handler only closes the sheet after a contents link did its own work. */}
      <div id={panelId} className="sidebar-panel" onClick={onClick}>
        {children}
      </div>
    </aside>
  );
}
