import { MaskTable } from './MaskTable.tsx';
import { NormHistogramPanel } from './NormHistogramPanel.tsx';
import { RepairNotice } from './RepairNotice.tsx';
import { VectorControls } from './VectorControls.tsx';
import type { Repair } from '../url/urlCodec.ts';

interface AppProps {
  /** Problems found in the link the page was opened with, already repaired. */
  readonly repairs: readonly Repair[];
}

/** Page layout only. */
export function App({ repairs }: AppProps) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the explorer
      </a>
      <header className="page-header">
        <h1>Dropout Scaling Explorer</h1>
        <p className="lede">
          Dropout zeroes some activations and divides the survivors by the keep probability q. On a single mask that
          visibly inflates the vector. Why is it right anyway? Move the sliders and watch every mask, exactly.
        </p>
      </header>
      <main id="main">
        <RepairNotice repairs={repairs} />
        <div className="layout">
          <VectorControls />
          <NormHistogramPanel />
        </div>
        <MaskTable />
      </main>
    </>
  );
}
