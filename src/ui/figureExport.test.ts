// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { composeSvgs, exportFileName, pixelSize, standaloneSvg, styleText, viewBoxSize, withRootSize, type StyleSource } from './figureExport.ts';

const styles = (map: Record<string, string>): StyleSource => ({ getPropertyValue: (p) => map[p] ?? '' });

/** A small chart like the app's: classes only, no presentation attributes for colours. */
function chart(): SVGSVGElement {
  const host = document.createElement('div');
  host.innerHTML =
    '<svg class="chart" viewBox="0 0 640 280" role="img"><title>T</title><desc>D</desc>' +
    '<g class="bars"><rect class="bar" x="1" y="2" width="3" height="4"></rect></g>' +
    '<g class="markers"><g class="marker marker-norm"><line x1="0" x2="0" y1="0" y2="9"></line><text x="0" y="0">‖x‖ = 5.006</text></g></g></svg>';
  const svg = host.querySelector('svg');
  if (!(svg instanceof SVGSVGElement)) throw new Error('no svg');
  return svg;
}

/** Computed styles by class, as the page's CSS would resolve them (variables already substituted). */
function fakeComputed(element: Element): StyleSource {
  const base = { 'font-family': 'system-ui', 'font-size': '12px', fill: 'rgb(0, 0, 0)', stroke: 'none', opacity: '1' };
  if (element.classList.contains('bar')) return styles({ ...base, fill: 'rgb(0, 114, 178)' });
  if (element.localName === 'line') return styles({ ...base, stroke: 'rgb(27, 31, 36)', 'stroke-width': '2px', 'stroke-dasharray': '6, 4' });
  if (element.classList.contains('marker')) return styles({ ...base, opacity: '0.5' });
  return styles(base);
}

describe('styleText', () => {
  it('writes every exported property at the root and skips an opacity of 1', () => {
    expect(styleText(styles({ fill: 'red', opacity: '1', 'font-size': '12px', color: 'blue' }), null)).toBe('fill: red; font-size: 12px');
  });
  it('omits inherited values equal to the parent’s, but never opacity below 1', () => {
    const parent = styles({ fill: 'red', 'font-size': '12px', opacity: '0.5' });
    expect(styleText(styles({ fill: 'red', 'font-size': '14px', opacity: '0.5' }), parent)).toBe('font-size: 14px; opacity: 0.5');
  });
});

describe('standaloneSvg', () => {
  it('inlines the computed styles, adds xmlns, a size from the viewBox and the background', () => {
    const svg = chart();
    const markup = standaloneSvg(svg, fakeComputed, { background: 'rgb(255, 255, 255)' });
    expect(markup.startsWith('<svg')).toBe(true);
    expect(markup).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(markup).toMatch(/<svg[^>]*\swidth="640"/);
    expect(markup).toMatch(/<svg[^>]*\sheight="280"/);
    // The page is not changed.
    expect(svg.getAttribute('width')).toBeNull();
    expect(svg.querySelector('[style]')).toBeNull();
    const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
    const bar = parsed.querySelector('rect.bar');
    expect(bar?.getAttribute('style')).toBe('fill: rgb(0, 114, 178)');
    const line = parsed.querySelector('line');
    expect(line?.getAttribute('style')).toContain('stroke: rgb(27, 31, 36)');
    expect(line?.getAttribute('style')).toContain('stroke-dasharray: 6, 4');
    expect(parsed.querySelector('.marker')?.getAttribute('style')).toBe('opacity: 0.5');
    expect(parsed.getAttribute('style')).toContain('font-family: system-ui');
    expect(parsed.querySelector('text')?.textContent).toBe('‖x‖ = 5.006');
    // The background comes after <title> and <desc>, before the chart.
    const names = [...parsed.children].map((c) => c.localName);
    expect(names.slice(0, 3)).toEqual(['title', 'desc', 'rect']);
    expect(parsed.children[2]?.getAttribute('fill')).toBe('rgb(255, 255, 255)');
  });
});

describe('sizes and names', () => {
  it('reads the viewBox size, falling back on bad input', () => {
    expect(viewBoxSize('0 0 640 280', { width: 1, height: 1 })).toEqual({ width: 640, height: 280 });
    expect(viewBoxSize('0,0,10,20', { width: 1, height: 1 })).toEqual({ width: 10, height: 20 });
    expect(viewBoxSize(null, { width: 3, height: 4 })).toEqual({ width: 3, height: 4 });
    expect(viewBoxSize('0 0 -5 nope', { width: 3, height: 4 })).toEqual({ width: 3, height: 4 });
  });
  it('doubles the rendered size for the PNG', () => {
    expect(pixelSize({ width: 612.4, height: 267.9 }, 2)).toEqual({ width: 1225, height: 536 });
    expect(pixelSize({ width: Number.NaN, height: 0 }, 2)).toEqual({ width: 1, height: 1 });
  });
  it('replaces the root size only', () => {
    const markup = '<svg xmlns="a" width="640" height="280" style="stroke-width: 1px"><rect width="5" height="6"/></svg>';
    expect(withRootSize(markup, 1280, 560)).toBe(
      '<svg xmlns="a" style="stroke-width: 1px" width="1280" height="560"><rect width="5" height="6"/></svg>',
    );
    expect(withRootSize('<svg/>', 2, 3)).toBe('<svg width="2" height="3"/>');
  });
  it('places several panels side by side in one SVG', () => {
    const panel = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200"><rect class="sm-bar"/></svg>';
    const markup = composeSvgs(
      [
        { markup: panel, x: 0, y: 0, width: 150, height: 100 },
        { markup: panel, x: 160, y: 0, width: 150, height: 100 },
      ],
      '#fff',
    );
    const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
    expect(parsed.getAttribute('width')).toBe('310');
    expect(parsed.getAttribute('height')).toBe('100');
    const nested = [...parsed.children].filter((c) => c.localName === 'svg');
    expect(nested.map((s) => [s.getAttribute('x'), s.getAttribute('width')])).toEqual([
      ['0', '150'],
      ['160', '150'],
    ]);
  });
  it('makes safe file names', () => {
    expect(exportFileName('Norm histogram ‖y‖', 'svg')).toBe('norm-histogram-y.svg');
    expect(exportFileName('‖‖', 'png')).toBe('figure.png');
  });
});

describe('composeSvgs captions', () => {
  it('draws a panel’s caption as escaped text where it sat', () => {
    const panel = '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200"></svg>';
    const markup = composeSvgs([{ markup: panel, x: 0, y: 20, width: 150, height: 100, caption: { text: 'divide by q <1/q>', x: 0, y: 15, style: 'font-size: 12px' } }], '#fff');
    const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
    const text = parsed.querySelector('text');
    expect(text?.textContent).toBe('divide by q <1/q>');
    expect(text?.getAttribute('y')).toBe('15');
    expect(parsed.getAttribute('height')).toBe('120');
  });
});
