import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Section } from '../../Section.tsx';

const TrainingBody = lazy(() => import('./TrainingBody.tsx').then((m) => ({ default: m.TrainingBody })));

/** How far below the viewport the section's content starts loading. */
const LOAD_MARGIN = '800px';

/**
 * "Does it matter in training?". Only this shell is in the first-load bundle: the content (controls,
 * charts, tables) is loaded when the section comes within LOAD_MARGIN of the viewport, and
 * TensorFlow.js with the training worker only when the reader presses Train.
 */
export function TrainingSection() {
  const anchor = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = anchor.current;
    if (near || element === null) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: `${LOAD_MARGIN} 0px ${LOAD_MARGIN} 0px` });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return (
    <Section id="training">
      <div ref={anchor} className="training-content">
        {near ? (
          <Suspense fallback={<p className="placeholder">Loading the training experiment…</p>}>
            <TrainingBody />
          </Suspense>
        ) : (
          <p className="placeholder">The training experiment loads when you scroll here.</p>
        )}
      </div>
    </Section>
  );
}
