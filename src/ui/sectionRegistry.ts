import type { ComponentType } from 'react';
import type { SectionId } from '../state/explorerState.ts';
import { DropConnectSection } from './sections/DropConnectSection.tsx';
import { LayersSection } from './sections/LayersSection.tsx';
import { MasksSection } from './sections/MasksSection.tsx';
import { MeanSection } from './sections/MeanSection.tsx';
import { MistakesSection } from './sections/MistakesSection.tsx';
import { NormSection } from './sections/NormSection.tsx';
import { NotationSection } from './sections/NotationSection.tsx';
import { QuestionSection } from './sections/QuestionSection.tsx';
import { RescalingSection } from './sections/RescalingSection.tsx';

/** The section components in page order (SECTION_IDS order); the table of contents lists these. */
export const SECTION_COMPONENTS: readonly { readonly id: SectionId; readonly Component: ComponentType }[] = [
  { id: 'question', Component: QuestionSection },
  { id: 'masks', Component: MasksSection },
  { id: 'mean', Component: MeanSection },
  { id: 'norm', Component: NormSection },
  { id: 'layers', Component: LayersSection },
  { id: 'rescaling', Component: RescalingSection },
  { id: 'dropconnect', Component: DropConnectSection },
  { id: 'notation', Component: NotationSection },
  { id: 'mistakes', Component: MistakesSection },
];
