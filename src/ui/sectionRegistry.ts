import { lazy, type ComponentType } from 'react';
import type { SectionId } from '../state/explorerState.ts';
import { SECTIONS } from './sectionList.ts';
import { QuestionSection } from './sections/question/QuestionSection.tsx';

type Loader = () => Promise<{ readonly default: ComponentType }>;
/** A component in the first load, or the loader of its chunk. */
type Entry = { readonly component: ComponentType } | { readonly load: Loader };

/**
 * How each section's component is loaded, typed over every SectionId, so a new section fails to
 * compile until it has one. Section 1 is part of the first load (it is the first screen); the
 * others are their own chunks, requested right after the first render (preloadSections), so the
 * first screen does not wait for their code (docs/architecture.md#rendering-budget).
 */
const LOADERS: { readonly [id in SectionId]: Entry } = {
  question: { component: QuestionSection },
  masks: { load: () => import('./sections/masks/MasksSection.tsx').then((m) => ({ default: m.MasksSection })) },
  mean: { load: () => import('./sections/mean/MeanSection.tsx').then((m) => ({ default: m.MeanSection })) },
  norm: { load: () => import('./sections/norm/NormSection.tsx').then((m) => ({ default: m.NormSection })) },
  layers: { load: () => import('./sections/layers/LayersSection.tsx').then((m) => ({ default: m.LayersSection })) },
  rescaling: { load: () => import('./sections/rescaling/RescalingSection.tsx').then((m) => ({ default: m.RescalingSection })) },
  training: { load: () => import('./sections/training/TrainingSection.tsx').then((m) => ({ default: m.TrainingSection })) },
  dropconnect: { load: () => import('./sections/dropconnect/DropConnectSection.tsx').then((m) => ({ default: m.DropConnectSection })) },
  notation: { load: () => import('./sections/notation/NotationSection.tsx').then((m) => ({ default: m.NotationSection })) },
  mistakes: { load: () => import('./sections/mistakes/MistakesSection.tsx').then((m) => ({ default: m.MistakesSection })) },
};

/** The section components in page order (sectionList.ts); the page and the embeds render these. */
export const SECTION_COMPONENTS: readonly {
  readonly id: SectionId;
  readonly Component: ComponentType;
  /** In the first load; the others suspend until their chunk is there (render them inside one Suspense). */
  readonly eager: boolean;
}[] = SECTIONS.map(({ id }) => {
  const entry = LOADERS[id];
  return 'component' in entry ? { id, Component: entry.component, eager: true } : { id, Component: lazy(entry.load), eager: false };
});

/** Loads every section's code (each import() runs once; later calls return the same promise). */
export function preloadSections(): Promise<void> {
  const loads = Object.values(LOADERS).flatMap((entry) => ('load' in entry ? [entry.load()] : []));
  return Promise.all(loads).then(() => undefined);
}
