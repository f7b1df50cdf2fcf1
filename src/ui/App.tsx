import { useEffect, useState } from 'react';
import { TexNotationContext } from '../explain/texNotation.ts';
import type { Repair } from '../url/urlCodec.ts';
import { DisplayOptions } from './DisplayOptions.tsx';
import { EmbedApp } from './EmbedApp.tsx';
import { EmbedPanel } from './EmbedPanel.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useExplorer } from './explorerContext.ts';
import { LiveSummary } from './LiveSummary.tsx';
import { PresetBar } from './PresetBar.tsx';
import { RepairNotice } from './RepairNotice.tsx';
import { SECTION_COMPONENTS } from './sectionRegistry.ts';
import { TableOfContents } from './TableOfContents.tsx';
import { VectorControls } from './VectorControls.tsx';

interface AppProps {
  /** Problems found in the link the page was opened with, already repaired. */
  readonly repairs: readonly Repair[];
}

/** Page layout only: a sticky sidebar (contents and the controls every section shares), then the sections. */
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
    if (target !== null) document.getElementById(target)?.scrollIntoView();
  }, [linkedSection, embed]);
  const notation = useExplorer((s) => s.notation);
  if (embed !== null) {
    return (
      <TexNotationContext.Provider value={notation}>
        <EmbedApp embed={embed} repairs={repairs} />
      </TexNotationContext.Provider>
    );
  }
  return (
    <TexNotationContext.Provider value={notation}>
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
      <div className="page">
        <aside className="sidebar" aria-label="Contents and controls">
          <TableOfContents />
          <ErrorBoundary what="the controls">
            <VectorControls />
            <DisplayOptions />
            <EmbedPanel />
          </ErrorBoundary>
        </aside>
        <main id="sections" className="sections">
          <LiveSummary />
          <RepairNotice repairs={repairs} />
          <PresetBar />
          {SECTION_COMPONENTS.map(({ id, Component }) => (
            <ErrorBoundary key={id} what={`the section “${id}”`}>
              <Component />
            </ErrorBoundary>
          ))}
        </main>
      </div>
    </TexNotationContext.Provider>
  );
}
