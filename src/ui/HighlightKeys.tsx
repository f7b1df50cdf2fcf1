import { useContext, useEffect, useId, useRef, useState } from 'react';
import { HighlightContext, useHighlight } from './highlightContext.ts';

/** One linked term: the same id marks it in the formula (`\htmlData{term=…}`) and in the figure. */
export interface HighlightKey {
  readonly term: string;
  /** The term as the page writes it, e.g. "‖x‖", "E‖y‖" or "w·x". */
  readonly label: string;
}

interface HighlightKeysProps {
  readonly keys: readonly HighlightKey[];
  /** Where the two halves of the pair sit, for the hint, e.g. "the bounds above and the histogram below". */
  readonly where?: string;
}

/**
 * Linked highlighting without a mouse: one toggle button per linked term. Focusing or pointing at a
 * key lights its term in the formula and its mark in the figure (both read the one highlighted term);
 * pressing it (click, tap, Enter, Space) pins the highlight until it is pressed again or another key
 * is pressed. The formula's terms are not focusable themselves: KaTeX's HTML is aria-hidden and the
 * figures are role="img", so the keys are the keyboard's way in.
 *
 * The pin lives here, not in the highlight store: while a key is pinned, any moment the page's
 * highlight falls back to nothing (a pointer leaving a figure mark or a formula term) re-applies the
 * pinned term, so pointing at a sibling term of the same pair previews it and leaving restores the pin.
 * Any term without a key here (another section's keys, figure or formula, or a mark with no key such
 * as the histogram's measured line) takes the one highlight over and releases the pin, so that two
 * pins never fight over the page.
 */
export function HighlightKeys({ keys, where = 'the formula and the figure' }: HighlightKeysProps) {
  const [term, setTerm] = useHighlight();
  const store = useContext(HighlightContext);
  const [pinned, setPinned] = useState<string | null>(null);
  const hintId = useId();
  // A pinned key that is gone (sd z while the spread is 0) pins nothing; it pins again if it returns.
  const pin = pinned !== null && keys.some((k) => k.term === pinned) ? pinned : null;
  const ownTerms = keys.map((k) => k.term).join(' ');

  // The pin as of the latest event: a press changes it at once, before React re-renders, so that the
  // store listener below never re-applies a pin that was just released.
  const held = useRef<string | null>(null);

  // While pinned, follow the highlight store (an external system): re-apply the pin whenever the
  // highlight falls back to nothing, and release it when another pair's term takes the highlight.
  useEffect(() => {
    held.current = pin;
    if (store === null) return undefined;
    // The pinned key went away: put out its light too.
    if (pin === null && pinned !== null && store.getState().term === pinned) store.getState().setTerm(null);
    if (pin === null) return undefined;
    const own = new Set(ownTerms.split(' '));
    const follow = (highlighted: string | null) => {
      if (held.current !== pin) return;
      if (highlighted === null) {
        store.getState().setTerm(pin);
      } else if (!own.has(highlighted)) {
        held.current = null;
        setPinned(null);
      }
    };
    follow(store.getState().term);
    return store.subscribe((state) => follow(state.term));
  }, [store, pin, pinned, ownTerms]);

  // Leaving the page with a pin (the section unmounts): do not leave its term lit with no key to clear it.
  useEffect(
    () => () => {
      if (held.current !== null) setTerm(null);
    },
    [setTerm],
  );

  const preview = (id: string) => setTerm(id);
  const restore = () => setTerm(held.current);
  const press = (id: string) => {
    const next = held.current === id ? null : id;
    held.current = next;
    setPinned(next);
    setTerm(next);
  };

  return (
    <div className="highlight-keys">
      <div className="highlight-keys-buttons" role="group" aria-label="Link the formula and the figure" aria-describedby={hintId}>
        {keys.map((k) => (
          <button
            key={k.term}
            type="button"
            className={term === k.term ? 'lit' : undefined}
            aria-pressed={pin === k.term}
            onFocus={() => preview(k.term)}
            onBlur={restore}
            onPointerEnter={() => preview(k.term)}
            onPointerLeave={restore}
            onClick={() => press(k.term)}
          >
            {k.label}
          </button>
        ))}
      </div>
      <p className="highlight-keys-hint" id={hintId}>
        Focus or point at a term to light it up in {where}; press it to keep it lit.
      </p>
    </div>
  );
}
