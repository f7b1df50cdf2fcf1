/**
 * The explainer's sections in page order: id (deep link), title and a one-line summary for the
 * table of contents. The ids are the state's SECTION_IDS, in the same order (checked by a test in
 * src/ui, since src/explain does not import the state).
 */

export interface SectionInfo {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
}

export const SECTIONS: readonly SectionInfo[] = [
  { id: 'question', title: 'The question', summary: 'One mask inflates the vector: 5.004 becomes 10.008.' },
  { id: 'masks', title: 'Every mask, weighed', summary: 'All 2ⁿ masks with their probabilities.' },
  { id: 'mean', title: 'What dividing by q preserves', summary: 'E[y] = x, and every downstream unit is unbiased.' },
  { id: 'norm', title: 'What it does not preserve: the norm', summary: '‖x‖ ≤ E‖y‖ ≤ ‖x‖/√q.' },
  { id: 'layers', title: 'Bigger layers', summary: '‖y‖ concentrates near ‖x‖/√q; 1.305 is typical.' },
  { id: 'rescaling', title: 'Rescaling to the original length?', summary: 'Every other scale biases the mean.' },
  { id: 'dropconnect', title: 'DropConnect', summary: 'Masking weights instead of units.' },
  { id: 'notation', title: 'Drop rate or keep probability?', summary: 'What each framework calls its argument.' },
  { id: 'mistakes', title: 'Common mistakes', summary: 'Real bugs and the numbers that give them away.' },
];
