/**
 * The instructor's link builder without the UI: from the page's current state and the choices made
 * in the panel, the share link and the embed snippet a class gets.
 */
import { SECTIONS } from './sectionList.ts';
import {
  CONTROL_GROUPS,
  normalizeRestrictions,
  type ControlAccess,
  type ControlGroup,
  type PredictTarget,
  type Restrictions,
} from '../state/classLink.ts';
import { baseState, type ExplorerState, type SectionId } from '../state/explorerState.ts';
import { formatUrl } from '../url/urlCodec.ts';
import { embedSnippet } from './embedSnippet.ts';

export type SectionChoice = SectionId | 'all';

/** What the instructor chose in the panel. */
export interface ClassLinkDraft {
  readonly section: SectionChoice;
  readonly access: Readonly<Record<ControlGroup, ControlAccess>>;
  readonly predict: PredictTarget | null;
}

export const OPEN_DRAFT: ClassLinkDraft = {
  section: 'question',
  access: Object.fromEntries(CONTROL_GROUPS.map((g) => [g, 'free'])) as Record<ControlGroup, ControlAccess>,
  predict: null,
};

export const sectionTitle = (choice: SectionChoice): string =>
  choice === 'all' ? 'all sections' : (SECTIONS.find((s) => s.id === choice)?.title ?? choice);

export interface ClassLinks {
  /** The whole page, opened at the chosen section, with the restrictions. */
  readonly link: string;
  /** The iframe and host script for course notes, showing the chosen section (or all). */
  readonly snippet: string;
}

/** The locked and hidden groups the draft asks for, as a link writes them. */
export function draftRestrictions(draft: ClassLinkDraft): Restrictions {
  return normalizeRestrictions(
    CONTROL_GROUPS.filter((g) => draft.access[g] === 'locked'),
    CONTROL_GROUPS.filter((g) => draft.access[g] === 'hidden'),
  );
}

/** The share link and embed snippet for the current state (the starting state) and the draft. */
export function classLinks(state: ExplorerState, draft: ClassLinkDraft, page: string): ClassLinks {
  // Students keep their own colour theme (the system's, or what they choose): the instructor's is not sent.
  const start: ExplorerState = { ...baseState(state), ...draftRestrictions(draft), predict: draft.predict, theme: 'system' };
  const base = page.split('#')[0]?.split('?')[0] ?? '';
  const section = draft.section === 'all' ? null : draft.section;
  const link = `${base}${formatUrl({ ...start, section, embed: null })}${section === null ? '' : `#${section}`}`;
  const snippet = embedSnippet({
    page: base,
    search: formatUrl({ ...start, section: null, embed: draft.section }),
    embed: draft.section,
    title: `Dropout Scaling Explorer: ${sectionTitle(draft.section)}`,
  });
  return { link, snippet };
}
