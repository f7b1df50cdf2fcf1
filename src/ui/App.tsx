import { useEffect, useState, type ReactNode } from 'react';
import { TexNotationContext } from '../explain/texNotation.ts';
import { isRestricted } from '../state/classLink.ts';
import type { Repair } from '../url/urlCodec.ts';
import { DisplayOptions } from './DisplayOptions.tsx';
import { EmbedApp } from './EmbedApp.tsx';
import { SharePanel } from './SharePanel.tsx';
import { Sidebar } from './Sidebar.tsx';
import { ClassLinkNotice } from './ClassLinkNotice.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useControlAccess } from './controlAccess.ts';
import { useExplorer } from './explorerContext.ts';
import { LiveSummary } from './LiveSummary.tsx';
import { Opening } from './opening/Opening.tsx';
import { usePrediction } from './predictionContext.ts';
import { PredictGate, PredictionProvider } from './PredictGate.tsx';
import { PresetBar } from './PresetBar.tsx';
import { RepairNotice } from './RepairNotice.tsx';
import { SECTION_COMPONENTS } from './sectionRegistry.ts';
import { scrollToSection } from './scrollToSection.ts';
import { LaterSections, SectionSlot } from './SectionSlot.tsx';
import { SectionGate } from './SectionGate.tsx';
import { TableOfContents } from './TableOfContents.tsx';
import { VectorControls } from './VectorControls.tsx';

/** The sidebar and the sections; on narrow screens a pending prediction's question comes before the sidebar. */
function PageGrid({ children }: { readonly children: ReactNode }) {
  const { pending } = usePrediction();
  return <div className={pending ? 'page predict-pending' : 'page'}>{children}</div>;
}

interface AppProps {
  /** Problems found in the link the page was opened with, already repaired. */
  readonly repairs: readonly Repair[];
}

/** Page layout only: a sticky sidebar (contents and the controls every section shares; a bar on phones), then the sections. */
export function App({ repairs }: AppProps) {
  // Deep link: bring the section the link names into view once, after the first render (later
  // changes of the open section come from the reader's own navigation).
  // A #hash naming a section works too (the browser's own jump happens before React has rendered).
  const [linkedSection] = useState(useExplorer((s) => s.section));
  const embed = useExplorer((s) => s.embed);
  useEffect(() => {
    // Embedded, the page never scrolls itself: that would scroll the host's page too.
    if (embed !== null) return;
    const hash = decodeURIComponent(window.location.hash.slice(1));
    const target = linkedSection ?? (SECTION_COMPONENTS.some((c) => c.id === hash) ? hash : null);
    if (target === null) return;
    // Once every section's code is there and rendered, so the sections above have their real heights.
    const controller = new AbortController();
    void scrollToSection(target, controller.signal);
    return () => controller.abort();
  }, [linkedSection, embed]);
  const notation = useExplorer((s) => s.notation);
  const classLink = useExplorer((s) => isRestricted(s) || s.predict !== null);
  const presets = useControlAccess('presets');
  if (embed !== null) {
    return (
      <TexNotationContext.Provider value={notation}>
        <PredictionProvider>
          <EmbedApp embed={embed} repairs={repairs} />
        </PredictionProvider>
      </TexNotationContext.Provider>
    );
  }
  return (
    <TexNotationContext.Provider value={notation}>
      <PredictionProvider>
        <a className="skip-link" href="#sections">
          Skip to the explanation
        </a>
        <header className="page-header">
          <h1>Dropout Scaling Explorer</h1>
          <p className="lede">
            Dropout zeroes some activations and divides the survivors by the keep probability q. On a single mask that
            visibly inflates the vector. Why is it right anyway? Move the controls and watch every mask, exactly.
          </p>
        </header>
        <PageGrid>
          <Sidebar>
            <TableOfContents />
            <ErrorBoundary what="the controls">
              <VectorControls />
              <DisplayOptions />
              {/* A student's class link offers no builder: its notice links to the page without restrictions. */}
              {classLink ? null : <SharePanel />}
            </ErrorBoundary>
          </Sidebar>
          <main id="sections" className="sections">
            <RepairNotice repairs={repairs} />
            <ClassLinkNotice />
            <PredictGate>
              <SectionGate order={0}>
                <ErrorBoundary what="the short answer">
                  <Opening />
                </ErrorBoundary>
              </SectionGate>
              <LiveSummary />
              {/* Presets overwrite the state: a class link that fixes any of it leaves them out. */}
              {presets === 'free' ? <PresetBar /> : null}
              {/* Each section re-renders on input only while near the viewport (SectionGate). */}
              {SECTION_COMPONENTS.map(({ id, Component, eager }, i) =>
                eager ? (
                  <SectionGate key={id} order={i + 1}>
                    <SectionSlot id={id} Component={Component} />
                  </SectionGate>
                ) : null,
              )}
              <LaterSections progressive>
                {SECTION_COMPONENTS.map(({ id, Component, eager }, i) =>
                  eager ? null : (
                    <SectionGate key={id} order={i + 1}>
                      <SectionSlot id={id} Component={Component} />
                    </SectionGate>
                  ),
                )}
              </LaterSections>
            </PredictGate>
          </main>
        </PageGrid>
      </PredictionProvider>
    </TexNotationContext.Provider>
  );
}
