import type { ReactNode } from 'react';
import { SECTIONS } from '../explain/sections.ts';

/** One section of the explainer: an anchor (its id is the deep link), a numbered heading, content. */
export function Section({ id, children }: { readonly id: string; readonly children: ReactNode }) {
  const index = SECTIONS.findIndex((s) => s.id === id);
  const title = SECTIONS[index]?.title ?? id;
  return (
    <section id={id} className="section" aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h2 id={`${id}-title`}>
        <span className="section-number">{index + 1}.</span> {title}
      </h2>
      {children}
    </section>
  );
}
