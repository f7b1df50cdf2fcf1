/**
 * The page side of a figure export: the figure's SVG panels as one standalone SVG (styles inlined,
 * small multiples composed with their captions) and its PNG. Loaded with the first download, not
 * with the page (FigureExport.tsx).
 */
import { composeSvgs, standaloneSvg, withRootSize, type SvgPart } from './figureExport.ts';

export { pixelSize } from './figureExport.ts';

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
export function exportSvg(target: Element): { markup: string; width: number; height: number; background: string } | null {
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
export function toPng(markup: string, size: { width: number; height: number }, background: string): Promise<Blob | null> {
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
