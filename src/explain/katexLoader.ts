/**
 * KaTeX on demand: its chunk (about 76 kB gzip) is not part of the first load, so the first screen
 * shows before it (docs/architecture.md#rendering-budget). Formulas render as plain text until it is there.
 */
import { useSyncExternalStore } from 'react';

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

const subscribeKatex = (listener: () => void) => {
  loaded.add(listener);
  return () => loaded.delete(listener);
};

/** KaTeX, or null while it loads (the component re-renders once it is there). */
export function useKatex(): Katex | null {
  const module = useSyncExternalStore(subscribeKatex, () => katex, () => katex);
  if (module === null) void loadKatex();
  return module;
}

