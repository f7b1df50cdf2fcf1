import { SECTIONS } from '../explain/sections.ts';
import type { SectionId } from '../state/explorerState.ts';
import { useActions, useExplorer } from './explorerContext.ts';
import { usePrediction } from './predictionContext.ts';
import { SECTION_COMPONENTS } from './sectionRegistry.ts';

/** The sticky list of sections; the open one is marked, and following a link records it in the URL. */
export function TableOfContents() {
  const open = useExplorer((s) => s.section);
  const { openSection } = useActions();
  const { pending } = usePrediction();
  return (
    <nav className="toc" aria-label="Sections">
      {pending ? <p className="predict-note">The sections open once you commit your guess.</p> : null}
      <ol>
        {SECTIONS.filter((s) => SECTION_COMPONENTS.some((c) => c.id === s.id)).map((section) => (
          <li key={section.id}>
            {/* While a prediction is pending the sections are not on the page: no links that lead nowhere. */}
            {pending ? (
              <span>{section.title}</span>
            ) : (
              <a
                href={`#${section.id}`}
                aria-current={open === section.id ? 'location' : undefined}
                onClick={() => openSection(section.id as SectionId)}
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
