/**
 * Pure parts of a figure's download: which computed styles to inline, how to write them, the
 * standalone SVG's size and markup, and the file names. The DOM side (getComputedStyle, canvas,
 * the download itself) lives in FigureExport.tsx and downloadBlob.ts.
 */

/** The computed properties that make an exported chart look like the page (CSS classes and variables resolved). */
export const EXPORTED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'stroke-dasharray',
  'font-size',
  'font-family',
  'font-weight',
  'opacity',
] as const;

export type ExportedProperty = (typeof EXPORTED_PROPERTIES)[number];

/** Properties an SVG child inherits from its parent (so equal values need not be repeated): all but opacity. */
const INHERITED: ReadonlySet<ExportedProperty> = new Set(EXPORTED_PROPERTIES.filter((p) => p !== 'opacity'));

/** Anything with getPropertyValue, e.g. a CSSStyleDeclaration from getComputedStyle. */
export interface StyleSource {
  getPropertyValue(property: string): string;
}

/**
 * The inline `style` text for one element: every exported property with a value, except inherited
 * ones equal to the parent's (already written there) and an opacity of 1.
 */
export function styleText(own: StyleSource, parent: StyleSource | null): string {
  const parts: string[] = [];
  for (const property of EXPORTED_PROPERTIES) {
    const value = own.getPropertyValue(property).trim();
    if (value === '') continue;
    if (property === 'opacity' && Number(value) === 1) continue;
    if (parent !== null && INHERITED.has(property) && parent.getPropertyValue(property).trim() === value) continue;
    parts.push(`${property}: ${value}`);
  }
  return parts.join('; ');
}

/** Width and height of a figure in user units, from its viewBox ("0 0 640 280"), else the fallback. */
export function viewBoxSize(viewBox: string | null, fallback: { width: number; height: number }): { width: number; height: number } {
  const parts = (viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  const [, , width = Number.NaN, height = Number.NaN] = parts;
  return parts.length === 4 && width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height)
    ? { width, height }
    : fallback;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A standalone copy of `svg`: every element's computed styles inlined (`styleOf` is
 * getComputedStyle on the page; walking source and copy in step), xmlns and a size in user units
 * from the viewBox, and the page background as a first full-size rectangle. Returns the markup.
 */
export function standaloneSvg(
  svg: SVGSVGElement,
  styleOf: (element: Element) => StyleSource,
  options: { background: string; fallbackSize?: { width: number; height: number } },
): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const inline = (source: Element, target: Element, parent: StyleSource | null) => {
    const own = styleOf(source);
    const text = styleText(own, parent);
    if (text !== '') target.setAttribute('style', text);
    const sourceChildren = source.children;
    const targetChildren = target.children;
    for (let i = 0; i < sourceChildren.length; i += 1) {
      const s = sourceChildren[i];
      const t = targetChildren[i];
      if (s !== undefined && t !== undefined) inline(s, t, own);
    }
  };
  inline(svg, copy, null);
  const size = viewBoxSize(svg.getAttribute('viewBox'), options.fallbackSize ?? { width: 640, height: 360 });
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(size.width));
  copy.setAttribute('height', String(size.height));
  if (copy.getAttribute('viewBox') === null) copy.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
  const document = copy.ownerDocument;
  const background = document.createElementNS(SVG_NS, 'rect');
  const box = viewBoxOrigin(copy.getAttribute('viewBox'));
  background.setAttribute('x', String(box.x));
  background.setAttribute('y', String(box.y));
  background.setAttribute('width', String(size.width));
  background.setAttribute('height', String(size.height));
  background.setAttribute('fill', options.background);
  background.setAttribute('data-export', 'background');
  // After <title> and <desc>, which stay first as SVG expects.
  const anchor = [...copy.children].find((c) => c.localName !== 'title' && c.localName !== 'desc') ?? null;
  copy.insertBefore(background, anchor);
  return withXmlns(new XMLSerializer().serializeToString(copy));
}

/** The viewBox's origin (0, 0 when absent or malformed). */
function viewBoxOrigin(viewBox: string | null): { x: number; y: number } {
  const [x = 0, y = 0] = (viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  return { x: Number.isFinite(x) ? x : 0, y: Number.isFinite(y) ? y : 0 };
}

/** Some serialisers drop an xmlns attribute set by hand on an HTML-document SVG: make sure it is there. */
function withXmlns(markup: string): string {
  return /^<svg[^>]*\sxmlns=/.test(markup) ? markup : markup.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
}

/** One panel of a figure made of several SVGs (small multiples), placed where it sits on the page. */
export interface SvgPart {
  /** Standalone markup from standaloneSvg. */
  readonly markup: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The panel's visible caption (HTML on the page), drawn as text with its baseline at (x, y). */
  readonly caption?: { readonly text: string; readonly x: number; readonly y: number; readonly style: string };
}

const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Several standalone SVGs side by side in one SVG (each nested at its page position, in CSS pixels). */
export function composeSvgs(parts: readonly SvgPart[], background: string): string {
  if (parts.length === 1 && parts[0] !== undefined && parts[0].x === 0 && parts[0].y === 0) return parts[0].markup;
  const width = Math.max(1, ...parts.map((p) => p.x + p.width));
  const height = Math.max(1, ...parts.map((p) => p.y + p.height));
  const r = (v: number) => String(Math.round(v * 100) / 100);
  const nested = parts.map(
    (p) =>
      (p.caption === undefined
        ? ''
        : `<text x="${r(p.caption.x)}" y="${r(p.caption.y)}" style="${escapeAttribute(p.caption.style)}">${escapeText(p.caption.text)}</text>`) +
      withRootSize(p.markup, p.width, p.height).replace(/^<svg/, `<svg x="${r(p.x)}" y="${r(p.y)}"`),
  );
  return (
    `<svg xmlns="${SVG_NS}" width="${r(width)}" height="${r(height)}" viewBox="0 0 ${r(width)} ${r(height)}">` +
    `<rect width="${r(width)}" height="${r(height)}" fill="${escapeAttribute(background)}"/>` +
    nested.join('') +
    '</svg>'
  );
}

/** The same markup with the root element's width and height replaced (its viewBox scales the content). */
export function withRootSize(markup: string, width: number, height: number): string {
  const r = (v: number) => String(Math.round(v * 100) / 100);
  const end = markup.indexOf('>');
  if (!markup.startsWith('<svg') || end < 0) return markup;
  const head = markup.slice(0, end);
  const selfClosing = head.endsWith('/');
  const root = (selfClosing ? head.slice(0, -1) : head).replace(/\swidth="[^"]*"/, '').replace(/\sheight="[^"]*"/, '').trimEnd();
  return `${root} width="${r(width)}" height="${r(height)}"${selfClosing ? '/' : ''}${markup.slice(end)}`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The PNG's pixel size: the rendered size times the scale, rounded, at least 1 px. */
export function pixelSize(rendered: { width: number; height: number }, scale: number): { width: number; height: number } {
  const px = (v: number) => (Number.isFinite(v) && v > 0 ? Math.max(1, Math.round(v * scale)) : 1);
  return { width: px(rendered.width), height: px(rendered.height) };
}

export { exportFileName } from './downloadBlob.ts';
