import type { ReactNode } from 'react';
import type { SectionId } from '../state/explorerState.ts';
import { sectionInfo } from './sectionList.ts';

/** One section of the explainer: an anchor (its id is the deep link), a numbered heading, content. */
export function Section({ id, children }: { readonly id: SectionId; readonly children: ReactNode }) {
  const { number, title } = sectionInfo(id);
  return (
    <section id={id} className="section" aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h2 id={`${id}-title`}>
        <span className="section-number">{number}.</span> {title}
      </h2>
      {children}
    </section>
  );
}
