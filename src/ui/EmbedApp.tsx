import { SECTIONS } from './sectionList.ts';
import { controlAccess, type ControlGroup } from '../state/classLink.ts';
import type { SectionId } from '../state/explorerState.ts';
import type { Repair } from '../url/urlCodec.ts';
import { ClassLinkNotice } from './ClassLinkNotice.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useExplorer } from './explorerContext.ts';
import { PredictGate } from './PredictGate.tsx';
import { RepairNotice } from './RepairNotice.tsx';
import { SECTION_COMPONENTS } from './sectionRegistry.ts';
import { LaterSections, SectionSlot } from './SectionSlot.tsx';
import { VectorControls } from './VectorControls.tsx';

interface EmbedAppProps {
  /** The section to show, or 'all'. */
  readonly embed: SectionId | 'all';
  readonly repairs: readonly Repair[];
}

/** The groups of controls in the shared "Controls" block. */
const SHARED_CONTROLS: readonly ControlGroup[] = ['vector', 'keep', 'notation', 'model', 'comp', 'method'];

/**
 * Layout only, for an iframe in course notes: one section (or all) without the page's header,
 * contents or presets; the controls every section shares sit in a closed "Controls" block above it.
 */
export function EmbedApp({ embed, repairs }: EmbedAppProps) {
  const shown = embed === 'all' ? SECTION_COMPONENTS : SECTION_COMPONENTS.filter((c) => c.id === embed);
  const allHidden = useExplorer((s) => SHARED_CONTROLS.every((g) => controlAccess(s, g) === 'hidden'));
  const title = embed === 'all' ? null : (SECTIONS.find((s) => s.id === embed)?.title ?? null);
  return (
    <main className="embed" data-embed={embed}>
      <h1 className="visually-hidden">Dropout Scaling Explorer{title === null ? '' : `: ${title}`}</h1>
      <RepairNotice repairs={repairs} />
      <ClassLinkNotice />
      {/* A class link may hide every shared control: then there is no empty block to open. */}
      {allHidden ? null : (
        <details className="embed-controls">
          <summary>Controls</summary>
          <ErrorBoundary what="the controls">
            <VectorControls />
          </ErrorBoundary>
        </details>
      )}
      <PredictGate>
        <LaterSections>
          {shown.map(({ id, Component }) => (
            <SectionSlot key={id} id={id} Component={Component} />
          ))}
        </LaterSections>
      </PredictGate>
    </main>
  );
}
