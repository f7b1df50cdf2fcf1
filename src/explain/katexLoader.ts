/**
 * KaTeX on demand: its chunk (about 76 kB gzip) is not part of the first load, so the first screen
 * shows before it (docs/architecture.md#rendering-budget). Formulas render as plain text until it is there.
 */
import { startTransition, useEffect, useState } from 'react';

export type Katex = typeof import('katex').default;

/** KaTeX, once its chunk has loaded (it is not part of the first load: the first screen shows before it). */
let katex: Katex | null = null;
let loading: Promise<Katex> | null = null;
const loaded = new Set<() => void>();
/** KaTeX is shown once it has loaded and this has resolved (holdKatexUntil). */
let shownAfter: Promise<unknown> = Promise.resolve();

/**
 * Keeps a loaded KaTeX from showing until `moment` (main.tsx: the commit that hydrates the
 * prerendered first screen). Hydration must render every formula as the prerender did, as plain
 * text: a formula that rendered typeset while hydrating would keep the prerendered text for good,
 * as React does not patch dangerouslySetInnerHTML when it hydrates (docs/architecture.md#first-screen).
 */
export function holdKatexUntil(moment: Promise<unknown>): void {
  shownAfter = moment;
}

/**
 * Starts loading KaTeX (main.tsx calls it right after the first render; a formula rendered before
 * calls it too). Until it is there, formulas show as plain text (plainTex.ts).
 */
export function loadKatex(): Promise<Katex> {
  // Its styles come with it (their @font-face rules are KaTeX's fonts): nothing before needs them.
  loading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css'), shownAfter]).then(([module]) => {
    katex = module.default;
    loaded.forEach((listener) => listener());
    return katex;
  });
  return loading;
}

/**
 * KaTeX, or null while it loads. Once it is there every formula re-renders, as a transition: React
 * typesets them in short slices between inputs instead of in one long task
 * (docs/architecture.md#rendering-budget).
 */
export function useKatex(): Katex | null {
  const [module, setModule] = useState<Katex | null>(katex);
  useEffect(() => {
    if (module !== null) return;
    const update = () => startTransition(() => setModule(katex));
    loaded.add(update);
    // Loaded between this render and this effect: no notice will come.
    if (katex === null) void loadKatex();
    else update();
    return () => {
      loaded.delete(update);
    };
  }, [module]);
  return module;
}
