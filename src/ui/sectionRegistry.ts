import type { ComponentType } from 'react';
import type { SectionId } from '../state/explorerState.ts';
import { SECTIONS } from './sectionList.ts';
import { DropConnectSection } from './sections/dropconnect/DropConnectSection.tsx';
import { LayersSection } from './sections/layers/LayersSection.tsx';
import { MasksSection } from './sections/masks/MasksSection.tsx';
import { MeanSection } from './sections/mean/MeanSection.tsx';
import { MistakesSection } from './sections/mistakes/MistakesSection.tsx';
import { NormSection } from './sections/norm/NormSection.tsx';
import { NotationSection } from './sections/notation/NotationSection.tsx';
import { QuestionSection } from './sections/question/QuestionSection.tsx';
import { RescalingSection } from './sections/rescaling/RescalingSection.tsx';
import { TrainingSection } from './sections/training/TrainingSection.tsx';

/** Each section's component, typed over every SectionId, so a new section fails to compile until it has one. */
const COMPONENTS: { readonly [id in SectionId]: ComponentType } = {
  question: QuestionSection,
  masks: MasksSection,
  mean: MeanSection,
  norm: NormSection,
  layers: LayersSection,
  rescaling: RescalingSection,
  training: TrainingSection,
  dropconnect: DropConnectSection,
  notation: NotationSection,
  mistakes: MistakesSection,
};

/** The section components in page order (sectionList.ts); the page and the embeds render these. */
export const SECTION_COMPONENTS: readonly { readonly id: SectionId; readonly Component: ComponentType }[] =
  SECTIONS.map(({ id }) => ({ id, Component: COMPONENTS[id] }));
