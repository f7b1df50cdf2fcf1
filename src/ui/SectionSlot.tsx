import { Suspense, type ComponentType, type ReactNode } from 'react';
import type { SectionId } from '../state/explorerState.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';

/** One section on the page or in an embed, inside its own error boundary (a chunk that fails to load included). */
export function SectionSlot({ id, Component }: { readonly id: SectionId; readonly Component: ComponentType }) {
  return (
    <ErrorBoundary what={`the section “${id}”`}>
      <Component />
    </ErrorBoundary>
  );
}

/**
 * Holds the sections whose code loads after the first screen (sectionRegistry.ts) until all of them
 * are there, then shows them together: the page below the first screen appears once, with its real
 * heights, instead of section by section.
 */
export function LaterSections({ children }: { readonly children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="section-loading" role="status">
          Loading the rest of the explanation…
        </p>
      }
    >
      {children}
    </Suspense>
  );
}
