import { describe, expect, it } from 'vitest';
import { embedSnippet, escapeAttribute } from './embedSnippet.ts';

/** Reads the attributes of the first tag named `tag` out of the snippet, undoing the escaping. */
function attributes(html: string, tag: string): Record<string, string> {
  const match = new RegExp(`<${tag}\\s([^>]*)>`).exec(html);
  if (match === null) throw new Error(`no <${tag}>`);
  const unescape = (v: string) => v.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  const out: Record<string, string> = {};
  for (const [, name, value] of (match[1] ?? '').matchAll(/([a-z-]+)(?:="([^"]*)")?/g)) {
    if (name !== undefined) out[name] = unescape(value ?? '');
  }
  return out;
}

describe('embedSnippet', () => {
  const base = {
    page: 'https://notes.example.org/courses/ml/dropout/',
    search: '?v=1&x=0.1,0.1,0.2,5&keep=0.25&embed=norm',
    embed: 'norm' as const,
    title: 'Dropout Scaling Explorer: What it does not preserve: the norm',
  };

  it('gives an iframe on the page’s own address with the state and the section, and the host script', () => {
    const html = embedSnippet(base);
    const lines = html.split('\n');
    expect(lines).toHaveLength(2);
    const frame = attributes(html, 'iframe');
    expect(frame.src).toBe('https://notes.example.org/courses/ml/dropout/?v=1&x=0.1,0.1,0.2,5&keep=0.25&embed=norm');
    expect(frame.title).toBe(base.title);
    expect(frame.width).toBe('100%');
    expect(frame.loading).toBe('lazy');
    // The mark embed-host.js looks for: it resizes no other site's iframe.
    expect(frame['data-dropout-explorer']).toBe('');
    expect(Number(frame.height)).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/<\/iframe>$/);
    expect(attributes(html, 'script').src).toBe('https://notes.example.org/courses/ml/dropout/embed-host.js');
    // The & between query keys is escaped in the attribute.
    expect(lines[0]).toContain('?v=1&amp;x=0.1,0.1,0.2,5&amp;keep=0.25&amp;embed=norm');
  });

  it('asks the frame for its state only when told to (poststate=1), never twice', () => {
    expect(attributes(embedSnippet(base), 'iframe').src).not.toContain('poststate');
    expect(attributes(embedSnippet({ ...base, search: '?v=1&poststate=1&keep=0.5', postState: true }), 'iframe').src).toBe(
      'https://notes.example.org/courses/ml/dropout/?v=1&keep=0.5&embed=norm&poststate=1',
    );
    expect(attributes(embedSnippet({ ...base, search: '?v=1&poststate=1' }), 'iframe').src).not.toContain('poststate');
  });

  it('sets embed to the chosen section once, replacing any other, and drops the page’s hash and query', () => {
    const html = embedSnippet({ ...base, page: 'https://h.example/d/index.html?old=1#norm', embed: 'all' });
    const src = new URL(attributes(html, 'iframe').src ?? '');
    expect(src.pathname).toBe('/d/index.html');
    expect(src.hash).toBe('');
    expect(src.searchParams.getAll('embed')).toEqual(['all']);
    expect(src.searchParams.get('old')).toBeNull();
    expect(src.searchParams.get('keep')).toBe('0.25');
    expect(attributes(html, 'script').src).toBe('https://h.example/d/embed-host.js');
  });

  it('works from a query string without embed and with an empty one', () => {
    expect(attributes(embedSnippet({ ...base, search: '?v=1&keep=0.5', embed: 'question' }), 'iframe').src).toBe(
      'https://notes.example.org/courses/ml/dropout/?v=1&keep=0.5&embed=question',
    );
    expect(attributes(embedSnippet({ ...base, search: '', embed: 'masks' }), 'iframe').src).toBe(
      'https://notes.example.org/courses/ml/dropout/?embed=masks',
    );
  });

  it('escapes a title that contains quotes and markup', () => {
    const html = embedSnippet({ ...base, title: 'A "quoted" <b>title</b> & more' });
    expect(html).not.toContain('<b>');
    expect(attributes(html, 'iframe').title).toBe('A "quoted" <b>title</b> & more');
    expect(escapeAttribute('"&<>')).toBe('&quot;&amp;&lt;&gt;');
  });
});
