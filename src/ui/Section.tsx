import { useEffect, useState, type ReactNode } from 'react';
import type { SectionId } from '../state/explorerState.ts';
import { useExplorer } from './explorerContext.ts';
import { sectionInfo } from './sectionList.ts';

/**
 * True from the second frame after mount: the section has been laid out with its real content once,
 * so the browser remembers its size and may skip it while it is out of view (index.css,
 * docs/architecture.md#rendering-budget). Skipping from the start would place every section below
 * an unseen one by an estimated height.
 */
function useSettled(): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (typeof requestAnimationFrame === 'undefined') return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setSettled(true));
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  return settled;
}

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
  const settled = useSettled();
  const className = ['section', folded ? 'section-folded' : '', settled ? 'section-settled' : ''].filter(Boolean).join(' ');
  return (
    <section id={id} className={className} aria-labelledby={`${id}-title`} tabIndex={-1}>
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
