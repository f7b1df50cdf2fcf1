import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { SectionId } from '../state/explorerState.ts';
import { useExplorer } from './explorerContext.ts';
import { sectionInfo } from './sectionList.ts';

/**
 * True once the section has been laid out with its real content (two frames after mount) and is
 * out of view: the browser then remembers its size and may skip it while it stays out of view
 * (index.css, docs/architecture.md#rendering-budget). Skipping from the start would place every
 * section below an unseen one by an estimated height; turning skipping on while the section is on
 * screen made Chrome drop its content for a frame (a flash, and a layout shift of the section in
 * view: Lighthouse desktop CLS 0.087), so a section in view waits until it has left.
 */
function useSettled(ref: RefObject<HTMLElement | null>): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (typeof requestAnimationFrame === 'undefined') return;
    let observer: IntersectionObserver | null = null;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        const element = ref.current;
        if (element === null || typeof IntersectionObserver === 'undefined') {
          setSettled(true);
          return;
        }
        observer = new IntersectionObserver((entries) => {
          if (entries.at(-1)?.isIntersecting === false) {
            setSettled(true);
            observer?.disconnect();
          }
        });
        observer.observe(element);
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
    };
  }, [ref]);
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
  const ref = useRef<HTMLElement>(null);
  const settled = useSettled(ref);
  const className = ['section', folded ? 'section-folded' : '', settled ? 'section-settled' : ''].filter(Boolean).join(' ');
  return (
    <section ref={ref} id={id} className={className} aria-labelledby={`${id}-title`} tabIndex={-1}>
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
