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

/**
 * Starts loading KaTeX (main.tsx calls it right after the first render; a formula rendered before
 * calls it too). Until it is there, formulas show as plain text (plainTex.ts).
 */
export function loadKatex(): Promise<Katex> {
  loading ??= import('katex').then((module) => {
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
