import { SECTIONS } from './sectionList.ts';
import { useActions, useExplorer } from './explorerContext.ts';
import { usePrediction } from './predictionContext.ts';

/** The sticky list of sections; the open one is marked, and following a link records it in the URL. */
export function TableOfContents() {
  const open = useExplorer((s) => s.section);
  const { openSection } = useActions();
  const { pending } = usePrediction();
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
                aria-current={open === section.id ? 'location' : undefined}
                onClick={() => openSection(section.id)}
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
