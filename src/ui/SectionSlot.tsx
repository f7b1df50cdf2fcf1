import { Children, startTransition, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { SectionId } from '../state/explorerState.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { preloadSections } from './sectionRegistry.ts';
import { sectionsMounted } from './sectionsMounted.ts';

/** One section on the page or in an embed, inside its own error boundary (a chunk that fails to load included). */
export function SectionSlot({ id, Component }: { readonly id: SectionId; readonly Component: ComponentType }) {
  return (
    <ErrorBoundary what={`the section “${id}”`}>
      <Component />
    </ErrorBoundary>
  );
}

const loading = (
  <p className="section-loading" role="status">
    Loading the rest of the explanation…
  </p>
);

const FRAMES = typeof requestAnimationFrame !== 'undefined';

/**
 * How many of `count` parts are mounted. With `progressive`, none until every section's code is
 * there, then one more per frame: each part is rendered (a transition, which React splits into
 * short slices and interrupts for input), committed and laid out on its own, so the page below the
 * first screen never costs one long task (docs/architecture.md#rendering-budget). Printing mounts
 * the rest at once.
 */
function useMountedCount(count: number, progressive: boolean): number {
  const [mounted, setMounted] = useState(progressive ? 0 : count);
  useEffect(() => {
    if (!progressive) return;
    let alive = true;
    // A chunk that fails to load is reported by its section's error boundary, so go on either way.
    const start = () => {
      if (alive) startTransition(() => setMounted((m) => Math.max(m, 1)));
    };
    preloadSections().then(start, start);
    const all = () => flushSync(() => setMounted(Number.POSITIVE_INFINITY));
    window.addEventListener('beforeprint', all);
    return () => {
      alive = false;
      window.removeEventListener('beforeprint', all);
    };
  }, [progressive]);
  useEffect(() => {
    if (progressive && (mounted >= count || (mounted > 0 && !FRAMES))) sectionsMounted();
    if (mounted === 0 || mounted >= count || !FRAMES) return;
    // The frame after this commit lays the new part out; the next part starts after that frame.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setMounted((m) => m + 1)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [mounted, count, progressive]);
  // Without frames (a test environment), everything once started.
  return mounted === 0 ? 0 : FRAMES ? Math.min(mounted, count) : count;
}

/**
 * Holds the sections whose code loads after the first screen (sectionRegistry.ts). In an embed (a
 * section or two) they show together once their code is there. On the page (`progressive`) they
 * are mounted one per frame, top to bottom, once every section's code is there, so each section
 * above one a link names has its real height when that one appears (scrollToSection.ts). Until the
 * last is mounted the page ends with a status line.
 */
export function LaterSections({ children, progressive = false }: { readonly children: ReactNode; readonly progressive?: boolean }) {
  const parts = Children.toArray(children);
  const mounted = useMountedCount(parts.length, progressive);
  return (
    <Suspense fallback={loading}>
      {parts.slice(0, mounted)}
      {mounted < parts.length ? loading : null}
    </Suspense>
  );
}
