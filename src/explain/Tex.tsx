import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import { copyText } from './copyText.ts';
import { useKatex, type Katex } from './katexLoader.ts';
import { plainTex } from './plainTex.ts';
import { isSkipped, measureSkipped } from './skippedSections.ts';
import { inNotation, TexNotationContext } from './texNotation.ts';

interface TexProps {
  /** TeX built by src/explain from numbers the app formatted; never text from the URL. */
  readonly tex: string;
  readonly display?: boolean;
  /** Test id of the rendered formula. */
  readonly label?: string;
  /** The term highlighted elsewhere on the page (a marker, a bar); its `\htmlData{term=…}` lights up. */
  readonly highlight?: string | null;
  /** True when the TeX already speaks the page's notation (it then is not rewritten in p). */
  readonly literal?: boolean;
  /** Called when the reader points at a term, and with null when they leave it. */
  readonly onHighlight?: (term: string | null) => void;
  /** Show a small "Copy LaTeX" button that copies the TeX as shown (numbers substituted); default: on for display formulas. */
  readonly copyable?: boolean;
}

/** Only the app's own `\htmlData{term=…}` markers are trusted; every other command stays inert. */
const trust = (context: { command: string }) => context.command === '\\htmlData';

/** Formulas kept rendered (most recently used first out): a slider step re-renders only the formulas whose TeX changed. */
const CACHE_SIZE = 400;
const cache = new Map<string, string>();

/** KaTeX's HTML for a formula, from the cache when this TeX was rendered before. */
function renderCached(renderer: Katex, tex: string, display: boolean): string {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const html = renderer.renderToString(tex, { throwOnError: false, displayMode: display, output: 'htmlAndMathml', trust, strict: 'ignore' });
  cache.set(key, html);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return html;
}

/** The term a DOM event happened in, if any. */
function termOf(target: EventTarget | null): string | null {
  const element = target instanceof Element ? target.closest('[data-term]') : null;
  return element?.getAttribute('data-term') ?? null;
}


/**
 * Once the page's fonts have loaded (KaTeX's widen the formulas), null after that. One shared promise:
 * reading document.fonts.ready costs a style pass, too much to do per formula on every slider step.
 */
let fontsPending: Promise<unknown> | null | undefined;
function fontsLoaded(): Promise<unknown> | null {
  if (fontsPending === undefined) {
    fontsPending = document.fonts?.ready.then(() => {
      fontsPending = null;
    }) ?? null;
  }
  return fontsPending;
}
/** The one KaTeX wrapper: renders TeX to HTML with MathML for screen readers, and links its terms. */
export function Tex({ tex, display = false, label, highlight = null, literal = false, onHighlight, copyable = display }: TexProps) {
  const notation = useContext(TexNotationContext);
  const shown = literal ? tex : inNotation(tex, notation);
  const renderer = useKatex();
  // Until KaTeX has loaded: '' (the plain-text version is shown instead).
  const html = useMemo(() => (renderer === null ? '' : renderCached(renderer, shown, display)), [renderer, shown, display]);
  const ref = useRef<HTMLSpanElement>(null);
  // Marking KaTeX's own nodes: light up the highlighted term. (Terms are not made focusable: they sit
  // in KaTeX's aria-hidden HTML, whose MathML twin is what screen readers read.)
  useEffect(() => {
    const root = ref.current;
    // Re-run whenever KaTeX's output (html) replaced the nodes.
    if (root === null || html === '') return;
    for (const element of root.querySelectorAll('[data-term]')) {
      element.classList.toggle('term-highlighted', element.getAttribute('data-term') === highlight);
    }
  }, [html, highlight]);
  // A display formula wider than its column scrolls sideways: only then it becomes a keyboard stop
  // with a name (so a keyboard can scroll it; axe's scrollable-region-focusable) and shows a cue.
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const root = ref.current;
    // Re-run whenever KaTeX's output (html) replaced the nodes.
    if (!display || root === null || html === '' || typeof ResizeObserver === 'undefined') return;
    const measure = () => setScrolls(root.scrollWidth > root.clientWidth + 1);
    // The column (the wrapper's size) and the formula (its content, which grows when KaTeX's fonts load).
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    const content = root.querySelector('.katex');
    if (content !== null) observer.observe(content);
    // No measuring here: the observer reports each observed box once after the next layout, when
    // reading scrollWidth is free (read now it forced a layout per formula on every slider step).
    // Except in a section the browser skips while it is out of view (content-visibility, index.css):
    // the observer says nothing about its boxes, so a formula that changed there is measured by
    // itself, at once or, while the formulas keep changing (a drag), once they pause
    // (skippedSections.ts): a wide formula there stays a keyboard stop for a reader who tabs to it.
    const section = root.closest('.section');
    const cancelSkipped = isSkipped(section) ? measureSkipped(measure) : () => undefined;
    // The same section shown again, or a font that arrived late (a skipped section asks for its fonts
    // only when it is laid out): the formula's width may have changed without the observer noticing.
    section?.addEventListener('contentvisibilityautostatechange', measure);
    document.fonts?.addEventListener?.('loadingdone', measure);
    let live = true;
    void fontsLoaded()?.then(() => {
      if (live) measure();
    });
    return () => {
      live = false;
      cancelSkipped();
      observer.disconnect();
      section?.removeEventListener('contentvisibilityautostatechange', measure);
      document.fonts?.removeEventListener?.('loadingdone', measure);
    };
  }, [display, html]);
  const linked = onHighlight !== undefined;
  const formula = html === '' ? (
    <span className={display ? 'tex tex-display tex-plain' : 'tex tex-plain'} data-testid={label}>
      {plainTex(shown)}
    </span>
  ) : (
    <span
      ref={ref}
      className={display ? (scrolls ? 'tex tex-display tex-scrolls' : 'tex tex-display') : 'tex'}
      data-testid={label}
      {...(scrolls ? { tabIndex: 0, role: 'group', 'aria-label': 'Formula, wider than the page: scroll sideways to read it' } : {})}
      onPointerOver={linked ? (e) => onHighlight(termOf(e.target)) : undefined}
      onPointerLeave={linked ? () => onHighlight(null) : undefined}
      // KaTeX's own escaping; the input is app-built TeX.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
  if (!copyable) return formula;
  return (
    <span className={display ? 'tex-copyable tex-copyable-display' : 'tex-copyable'}>
      {formula}
      <CopyTexButton tex={shown} name={label === undefined ? 'formula' : label.replace(/-/g, ' ')} />
    </span>
  );
}

/** A small button copying the formula's TeX, with a polite "Copied" once it is on the clipboard. */
function CopyTexButton({ tex, name }: { readonly tex: string; readonly name: string }) {
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  const copy = () => {
    void copyText(tex).then((ok) => {
      setStatus(ok ? 'Copied' : 'Copy failed: the browser refused the clipboard');
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => setStatus(''), 2500);
    });
  };
  return (
    <span className="tex-copy">
      <button type="button" className="tex-copy-button" aria-label={`Copy LaTeX: ${name}`} onClick={copy}>
        Copy LaTeX
      </button>
      <span className="tex-copy-status" aria-live="polite">
        {status}
      </span>
    </span>
  );
}
