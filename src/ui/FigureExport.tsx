import { useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { downloadBlob } from './downloadBlob.ts';
import { composeSvgs, exportFileName, pixelSize, standaloneSvg, withRootSize, type SvgPart } from './figureExport.ts';

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

/** The figure's panels: the target itself when it is an SVG, else its top-level figure SVGs. */
function figureSvgs(target: Element): SVGSVGElement[] {
  if (target instanceof SVGSVGElement) return [target];
  const figures = [...target.querySelectorAll<SVGSVGElement>('svg[role="img"]')];
  return figures.length > 0 ? figures : [...target.querySelectorAll<SVGSVGElement>('svg')].filter((s) => s.ownerSVGElement === null);
}

/** The colour behind the figure: the first opaque background up the tree, else the page's --paper. */
function backgroundOf(element: Element): string {
  for (let e: Element | null = element; e !== null; e = e.parentElement) {
    const colour = getComputedStyle(e).backgroundColor;
    if (colour !== '' && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return getComputedStyle(document.documentElement).getPropertyValue('--paper').trim() || '#ffffff';
}

/** The standalone SVG markup of the figure and its size on screen (CSS px), or null when there is none. */
function exportSvg(target: Element): { markup: string; width: number; height: number; background: string } | null {
  const svgs = figureSvgs(target);
  const first = svgs[0];
  if (first === undefined) return null;
  const background = backgroundOf(first);
  const rects = svgs.map((s) => s.getBoundingClientRect());
  // Panels of small multiples carry their name in an HTML <figcaption>: export it with the panel.
  const captions = svgs.length === 1 ? [] : svgs.map(captionOf);
  const boxes = [...rects, ...captions.flatMap((c) => (c === null ? [] : [c.rect]))];
  const left = Math.min(...boxes.map((r) => r.left));
  const top = Math.min(...boxes.map((r) => r.top));
  const width = Math.max(...boxes.map((r) => r.right)) - left;
  const height = Math.max(...boxes.map((r) => r.bottom)) - top;
  const markups = svgs.map((s, i) =>
    standaloneSvg(s, (e) => getComputedStyle(e), {
      background,
      fallbackSize: { width: rects[i]?.width || 640, height: rects[i]?.height || 360 },
    }),
  );
  if (svgs.length === 1) return { markup: markups[0] ?? '', width, height, background };
  const parts: SvgPart[] = markups.map((markup, i) => {
    const r = rects[i];
    const c = captions[i];
    const part = { markup, x: (r?.left ?? left) - left, y: (r?.top ?? top) - top, width: r?.width ?? 0, height: r?.height ?? 0 };
    return c === null || c === undefined
      ? part
      : { ...part, caption: { text: c.text, x: c.rect.left - left, y: c.rect.bottom - top - c.descent, style: c.style } };
  });
  return { markup: composeSvgs(parts, background), width, height, background };
}

/** The visible caption of a panel inside a <figure>: its text, box, font and colour (as SVG style). */
function captionOf(svg: SVGSVGElement): { text: string; rect: DOMRect; style: string; descent: number } | null {
  const caption = svg.closest('figure')?.querySelector('figcaption');
  const text = caption?.textContent?.trim() ?? '';
  if (caption === null || caption === undefined || text === '') return null;
  const css = getComputedStyle(caption);
  const rect = caption.getBoundingClientRect();
  // The page may wrap a long caption; the export writes one line, shrunk to the caption's width.
  let size = Number.parseFloat(css.fontSize) || 12;
  const measure = document.createElement('canvas').getContext('2d');
  if (measure !== null) {
    measure.font = `${css.fontWeight} ${size}px ${css.fontFamily}`;
    const natural = measure.measureText(text).width;
    if (natural > rect.width && natural > 0) size = Math.max(6, Math.floor(((size * rect.width) / natural) * 10) / 10);
  }
  return {
    text,
    rect,
    style: `fill: ${css.color}; font-family: ${css.fontFamily}; font-size: ${size}px; font-weight: ${css.fontWeight}`,
    descent: size * 0.3,
  };
}

/** Rasterises standalone SVG markup at the given pixel size over a background colour. */
function toPng(markup: string, size: { width: number; height: number }, background: string): Promise<Blob | null> {
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      const canvas = document.createElement('canvas');
      canvas.width = size.width;
      canvas.height = size.height;
      const context = canvas.getContext('2d');
      if (context === null) {
        resolve(null);
        return;
      }
      context.fillStyle = background;
      context.fillRect(0, 0, size.width, size.height);
      context.drawImage(image, 0, 0, size.width, size.height);
      canvas.toBlob(resolve, 'image/png');
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      resolve(null);
    };
    // A blob: URL, not a data: one: the page's Content-Security-Policy allows images from blob:
    // (index.html), and a blob is not limited by the length of a URL.
    const url = URL.createObjectURL(new Blob([withRootSize(markup, size.width, size.height)], { type: 'image/svg+xml' }));
    image.src = url;
  });
}

/**
 * One quiet "Save figure" menu per figure (a disclosure, so it needs no script to open and works with
 * the keyboard): SVG with styles inlined, PNG at 2×, and whatever else the figure offers (children).
 */
export function FigureExport({ target, fileName, label, children }: FigureExportProps) {
  const [status, setStatus] = useState('');
  /** The figure as it is on the page now, or null (and a status saying so) before it is drawn. */
  const currentFigure = () => {
    const element = target.current;
    const figure = element === null ? null : exportSvg(element);
    if (figure === null) setStatus('No figure to save yet.');
    return figure;
  };
  const saveSvg = () => {
    const figure = currentFigure();
    if (figure === null) return;
    downloadBlob(new Blob([figure.markup], { type: 'image/svg+xml' }), exportFileName(fileName, 'svg'));
    setStatus('');
  };
  const savePng = () => {
    const figure = currentFigure();
    if (figure === null) return;
    const size = pixelSize(figure, PNG_SCALE);
    void toPng(figure.markup, size, figure.background).then((blob) => {
      if (blob === null) setStatus('This browser could not draw the PNG; the SVG download works.');
      else {
        downloadBlob(blob, exportFileName(fileName, 'png'));
        setStatus('');
      }
    });
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
    <details className="figure-export" aria-label={`Download the ${label}`} onKeyDown={closeOnEscape}>
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
