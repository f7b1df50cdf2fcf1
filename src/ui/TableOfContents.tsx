import type { MouseEvent } from 'react';
import type { SectionId } from '../state/explorerState.ts';
import { scrollToSection } from './scrollToSection.ts';
import { SECTIONS } from './sectionList.ts';
import { useActions, useExplorer } from './explorerContext.ts';
import { usePrediction } from './predictionContext.ts';
import { useSectionInView } from './sectionInView.ts';

const SECTION_IDS = SECTIONS.map((section) => section.id);

/**
 * The sticky list of sections; the one in view is marked (aria-current="location"), or before any
 * has been scrolled to, the one the link opened. Following a link records it in the URL.
 */
export function TableOfContents() {
  const open = useExplorer((s) => s.section);
  const { openSection } = useActions();
  const { pending } = usePrediction();
  const inView = useSectionInView(SECTION_IDS, !pending);
  const marked = inView ?? open;
  const follow = (event: MouseEvent, id: SectionId) => {
    openSection(id);
    // The page's own jump, not the browser's: a section below the first screen may not be on the
    // page yet (its code loads on demand), and one that is may still move once it lands, as the
    // skipped sections above it are laid out again with what changed while they were out of view
    // (a tap on "Bigger layers" on a phone after a change of q ended in the norm section).
    // scrollToSection waits for the section, scrolls, focuses it and keeps it in view meanwhile.
    event.preventDefault();
    void scrollToSection(id, new AbortController().signal, { focus: true });
  };
  return (
    <nav className="toc" aria-label="Sections">
      {pending ? <p className="predict-note">The sections open once you commit your guess.</p> : null}
      <ol>
        {SECTIONS.map((section) => (
          <li key={section.id}>
            {/* While a prediction is pending the sections are not on the page: no links that lead nowhere. */}
            {pending ? (
              <span>{section.title}</span>
            ) : (
              <a
                href={`#${section.id}`}
                aria-current={marked === section.id ? 'location' : undefined}
                onClick={(event) => follow(event, section.id)}
              >
                {section.title}
              </a>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
