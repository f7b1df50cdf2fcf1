import { useState, type ReactNode } from 'react';
import type { SectionId } from '../state/explorerState.ts';
import { useExplorer } from './explorerContext.ts';
import { sectionInfo } from './sectionList.ts';

/**
 * One section of the explainer: an anchor (its id is the deep link), a numbered heading, content.
 * Embedded in course notes, a section opens folded: its figure and key numbers only (the stylesheet
 * picks them, see index.css "embed: a folded section"), with a button that shows the rest, so a
 * typical embed fits in one screen.
 */
export function Section({ id, children }: { readonly id: SectionId; readonly children: ReactNode }) {
  const { number, title } = sectionInfo(id);
  const embedded = useExplorer((s) => s.embed !== null);
  const [unfolded, setUnfolded] = useState(false);
  const folded = embedded && !unfolded;
  return (
    <section id={id} className={folded ? 'section section-folded' : 'section'} aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h2 id={`${id}-title`}>
        <span className="section-number">{number}.</span> {title}
      </h2>
      {children}
      {embedded ? (
        <button type="button" className="section-more" aria-expanded={unfolded} aria-controls={id} onClick={() => setUnfolded(!unfolded)}>
          {unfolded ? 'Show only the figure and key numbers' : 'Show the explanation and derivations'}
        </button>
      ) : null}
    </section>
  );
}
