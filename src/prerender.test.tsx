import { describe, expect, it } from 'vitest';
import { prerenderedQuery, renderFirstScreen } from './prerender.tsx';

/** The seed vector of a link without a query (explorerState.ts), written out here. */
const X = [0.1, 0.1, 0.2, 5];
const norm = Math.hypot(...X);

describe('renderFirstScreen', () => {
  const html = renderFirstScreen();
  const text = html.replace(/<[^>]*>/g, '').replace(/&#x27;/g, '’');

  it('holds the title, the question and the short answer with the seed vector’s numbers', () => {
    expect(html).toMatch(/<h1[^>]*>/);
    expect(text).toContain('The short answer');
    expect(text).toContain('1/q = 2.00 times larger');
    expect(text).toContain(`between ${norm.toFixed(4)} and ${(norm / Math.sqrt(0.5)).toFixed(4)}`);
    expect(text).toContain(`E‖y‖² = ‖x‖²/q = ${(norm * norm).toFixed(4)}/0.50`);
  });

  it('shows what the engine computes as on its way, never as a number it does not have', () => {
    expect(text).toContain('E‖y‖ = … (computing)');
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('links relatively: the host the page is served from is not known when the build renders it', () => {
    expect(html).not.toMatch(/https?:\/\/(localhost|127\.0\.0\.1)/);
  });
});

describe('prerenderedQuery', () => {
  it('is the seed state’s query as the URL sync writes it', () => {
    expect(prerenderedQuery()).toMatch(/^\?v=1&x=0\.1,0\.1,0\.2,5&keep=0\.5(&|$)/);
  });
});
