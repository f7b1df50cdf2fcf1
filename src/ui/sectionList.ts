/**
 * The explainer's sections: their order is the state's SECTION_IDS (the URL's list), and this
 * record, typed over every SectionId, gives each its title and table-of-contents summary. It is
 * the one place a section is named; "section N" in the prose is rendered from it by SectionRef,
 * so inserting a section renumbers every reference. The components are in sectionRegistry.ts.
 */
import { SECTION_IDS, type SectionId } from '../state/explorerState.ts';

export interface SectionInfo {
  readonly id: SectionId;
  /** 1-based position on the page. */
  readonly number: number;
  readonly title: string;
  readonly summary: string;
}

const SECTION_TEXT: { readonly [id in SectionId]: Omit<SectionInfo, 'id' | 'number'> } = {
  question: { title: 'The question', summary: 'One mask inflates the vector: 5.004 becomes 10.008.' },
  masks: { title: 'Every mask, weighed', summary: 'All 2ⁿ masks with their probabilities.' },
  mean: { title: 'What dividing by q preserves', summary: 'E[y] = x, and every downstream unit is unbiased.' },
  norm: { title: 'What it does not preserve: the norm', summary: '‖x‖ ≤ E‖y‖ ≤ ‖x‖/√q.' },
  layers: { title: 'Bigger layers', summary: '‖y‖ concentrates near ‖x‖/√q; 1.305 is typical.' },
  rescaling: { title: 'Rescaling to the original length?', summary: 'Every other scale biases the mean.' },
  training: { title: 'Does it matter in training?', summary: 'Train one small network with each scheme, same seed.' },
  dropconnect: { title: 'DropConnect', summary: 'Masking weights instead of units.' },
  notation: { title: 'Drop rate or keep probability?', summary: 'What each framework calls its argument.' },
  mistakes: { title: 'Common mistakes', summary: 'Real bugs and the numbers that give them away.' },
};

/** Every section in page order. */
export const SECTIONS: readonly SectionInfo[] = SECTION_IDS.map((id, i) => ({ id, number: i + 1, ...SECTION_TEXT[id] }));

/** The section with this id. */
export function sectionInfo(id: SectionId): SectionInfo {
  const info = SECTIONS.find((s) => s.id === id);
  if (info === undefined) throw new Error(`unknown section ${id}`);
  return info;
}
