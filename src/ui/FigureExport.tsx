import { useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { downloadBlob, exportFileName } from './downloadBlob.ts';

interface FigureExportProps {
  /** The figure's `<svg>`, or an element holding it (several `<svg role="img">` panels are exported side by side). */
  readonly target: RefObject<Element | null>;
  /** The file name without extension, e.g. "norm-histogram". */
  readonly fileName: string;
  /** What the figure is, for the menu's name (e.g. "histogram of ‖y‖"). */
  readonly label: string;
  /** More downloads of the same figure (its data as CSV), listed after the images. */
  readonly children?: ReactNode;
}

/** The PNG's resolution relative to the figure on screen. */
const PNG_SCALE = 2;

/** The export's DOM code, loaded when the menu first opens (or with the first download). */
const loadSnapshot = () => import('./figureSnapshot.ts');

/**
 * One quiet "Save figure" menu per figure (a disclosure, so it needs no script to open and works with
 * the keyboard): SVG with styles inlined, PNG at 2×, and whatever else the figure offers (children).
 */
export function FigureExport({ target, fileName, label, children }: FigureExportProps) {
  const [status, setStatus] = useState('');
  /** The figure as it is on the page now, or null (and a status saying so) before it is drawn. */
  const currentFigure = async () => {
    const { exportSvg } = await loadSnapshot();
    const element = target.current;
    const figure = element === null ? null : exportSvg(element);
    if (figure === null) setStatus('No figure to save yet.');
    return figure;
  };
  const failed = (error: unknown) => setStatus(`The figure could not be saved: ${error instanceof Error ? error.message : String(error)}`);
  const saveSvg = () => {
    currentFigure().then((figure) => {
      if (figure === null) return;
      downloadBlob(new Blob([figure.markup], { type: 'image/svg+xml' }), exportFileName(fileName, 'svg'));
      setStatus('');
    }, failed);
  };
  const savePng = () => {
    currentFigure()
      .then(async (figure) => {
        if (figure === null) return;
        const { pixelSize, toPng } = await loadSnapshot();
        const blob = await toPng(figure.markup, pixelSize(figure, PNG_SCALE), figure.background);
        if (blob === null) setStatus('This browser could not draw the PNG; the SVG download works.');
        else {
          downloadBlob(blob, exportFileName(fileName, 'png'));
          setStatus('');
        }
      })
      .catch(failed);
  };
  /** Escape closes the open menu and returns focus to its summary. */
  const closeOnEscape = (event: KeyboardEvent<HTMLDetailsElement>) => {
    const menu = event.currentTarget;
    if (event.key !== 'Escape' || !menu.open) return;
    menu.open = false;
    menu.querySelector('summary')?.focus();
  };
  // <details> is a group for assistive technology: named, it says which figure the downloads save.
  return (
    <details
      className="figure-export"
      aria-label={`Download the ${label}`}
      onKeyDown={closeOnEscape}
      onToggle={(event) => {
        if (event.currentTarget.open) void loadSnapshot().catch(() => undefined);
      }}
    >
      <summary>Save figure</summary>
      <div className="figure-export-items">
        <button type="button" onClick={saveSvg}>
          Download SVG
        </button>
        <button type="button" onClick={savePng}>
          Download PNG (2×)
        </button>
        {children}
        <span className="figure-export-status" aria-live="polite">
          {status}
        </span>
      </div>
    </details>
  );
}
