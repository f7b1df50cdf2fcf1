import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of the loader (it keeps KaTeX in module state). */
async function freshLoader() {
  vi.resetModules();
  return import('./katexLoader.ts');
}

/** Lets every queued task and microtask run (KaTeX's chunk is already in the module cache). */
const ticks = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('loadKatex', () => {
  beforeEach(async () => {
    await import('katex');
  });

  it('resolves with KaTeX once its chunk is there', async () => {
    const { loadKatex } = await freshLoader();
    const katex = await loadKatex();
    expect(katex.renderToString('x^2')).toContain('katex');
  });

  it('does not show KaTeX before the moment it is held until (the hydration commit), and does after', async () => {
    const { holdKatexUntil, loadKatex } = await freshLoader();
    let commit = () => {};
    holdKatexUntil(new Promise<void>((resolve) => (commit = resolve)));
    let shown = false;
    const loading = loadKatex().then(() => (shown = true));
    await ticks();
    expect(shown).toBe(false);
    commit();
    await loading;
    expect(shown).toBe(true);
  });
});
