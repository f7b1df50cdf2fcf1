import type { SectionId } from '../state/explorerState.ts';
import { useExplorer } from './explorerContext.ts';
import { sectionInfo } from './sectionList.ts';

interface SectionRefProps {
  readonly id: SectionId;
  /** "Section 4" at the start of a sentence, "section 4" elsewhere. */
  readonly capital?: boolean;
  /** Possessive: "section 4’s". */
  readonly possessive?: boolean;
}

/**
 * "section N" for a section of the registry, as a link to it. Embedded in course notes, a section
 * that is not in the frame is named as part of the full page instead of linked (the link would
 * lead nowhere).
 */
export function SectionRef({ id, capital = false, possessive = false }: SectionRefProps) {
  const embed = useExplorer((s) => s.embed);
  const { number, title } = sectionInfo(id);
  const text = `${capital ? 'Section' : 'section'} ${number}${possessive ? '’s' : ''}`;
  if (embed !== null && embed !== 'all' && embed !== id) {
    return <span title={title}>{text} of the full page</span>;
  }
  return (
    <a href={`#${id}`} title={title}>
      {text}
    </a>
  );
}
