import { useId, useState } from 'react';
import type { Repair } from '../url/urlCodec.ts';

/** Tells the reader, in plain words, what was wrong with the link and what was used instead. */
export function RepairNotice({ repairs }: { readonly repairs: readonly Repair[] }) {
  const [open, setOpen] = useState(repairs.length > 0);
  const titleId = useId();
  if (!open || repairs.length === 0) return null;
  return (
    <div className="notice" role="status" aria-labelledby={titleId}>
      <p className="notice-title" id={titleId}>This link had {repairs.length === 1 ? 'a problem' : `${repairs.length} problems`}; the page shows the nearest valid state.</p>
      <ul>
        {repairs.map((repair, i) => (
          // Plain text children: React escapes it; nothing from the URL becomes HTML.
          <li key={i}>{repair.message}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setOpen(false)}>
        Dismiss
      </button>
    </div>
  );
}
