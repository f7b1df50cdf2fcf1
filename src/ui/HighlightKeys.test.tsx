// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createHighlightStore, type HighlightStore } from '../state/highlightStore.ts';
import { HighlightContext } from './highlightContext.ts';
import { HighlightKeys } from './HighlightKeys.tsx';

const BOUNDS = [
  { term: 'norm', label: '‖x‖' },
  { term: 'mean', label: 'E‖y‖' },
  { term: 'rms', label: '‖x‖/√q' },
];
const QUESTION = [
  { term: 'question-x', label: '‖x‖' },
  { term: 'question-y', label: '‖y‖' },
];

function renderKeys(store: HighlightStore) {
  render(
    <HighlightContext.Provider value={store}>
      <section aria-label="bounds">
        <HighlightKeys keys={BOUNDS} />
      </section>
      <section aria-label="question">
        <HighlightKeys keys={QUESTION} />
      </section>
    </HighlightContext.Provider>,
  );
}

/** The key labelled `label` in the section named `section` (both pairs have a ‖x‖). */
const key = (section: string, label: string) => within(screen.getByRole('region', { name: section })).getByRole('button', { name: label });

afterEach(cleanup);

describe('HighlightKeys', () => {
  it('is a named group of toggle buttons labelled with the terms, with its hint', () => {
    renderKeys(createHighlightStore());
    const groups = screen.getAllByRole('group', { name: 'Link the formula and the figure' });
    expect(groups).toHaveLength(2);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['‖x‖', 'E‖y‖', '‖x‖/√q', '‖x‖', '‖y‖']);
    expect(screen.getAllByRole('button').every((b) => b.getAttribute('aria-pressed') === 'false')).toBe(true);
    expect(groups[0]?.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getAllByText(/press it to keep it lit/)).toHaveLength(2);
  });

  it('focus and pointer-enter light the term; blur and pointer-leave put it out', () => {
    const store = createHighlightStore();
    renderKeys(store);
    const mean = key('bounds', 'E‖y‖');
    act(() => fireEvent.focus(mean));
    expect(store.getState().term).toBe('mean');
    expect(mean.className).toBe('lit');
    act(() => fireEvent.blur(mean));
    expect(store.getState().term).toBeNull();
    act(() => fireEvent.pointerEnter(key('bounds', '‖x‖')));
    expect(store.getState().term).toBe('norm');
    act(() => fireEvent.pointerLeave(key('bounds', '‖x‖')));
    expect(store.getState().term).toBeNull();
  });

  it('a press pins the term through blur and a pointer leaving the figure, until pressed again', () => {
    const store = createHighlightStore();
    renderKeys(store);
    const mean = key('bounds', 'E‖y‖');
    act(() => {
      fireEvent.focus(mean);
      fireEvent.click(mean);
    });
    expect(mean.getAttribute('aria-pressed')).toBe('true');
    act(() => fireEvent.blur(mean));
    expect(store.getState().term).toBe('mean');
    // A sibling of the same pair previews; the figure's pointer-leave (null) brings the pin back.
    act(() => store.getState().setTerm('rms'));
    expect(store.getState().term).toBe('rms');
    act(() => store.getState().setTerm(null));
    expect(store.getState().term).toBe('mean');
    act(() => fireEvent.click(mean));
    expect(mean.getAttribute('aria-pressed')).toBe('false');
    expect(store.getState().term).toBeNull();
  });

  it('pressing another key moves the pin, in the same pair or in another one', () => {
    const store = createHighlightStore();
    renderKeys(store);
    act(() => fireEvent.click(key('bounds', '‖x‖')));
    act(() => fireEvent.click(key('bounds', '‖x‖/√q')));
    expect(key('bounds', '‖x‖').getAttribute('aria-pressed')).toBe('false');
    expect(key('bounds', '‖x‖/√q').getAttribute('aria-pressed')).toBe('true');
    act(() => fireEvent.click(key('question', '‖y‖')));
    expect(key('bounds', '‖x‖/√q').getAttribute('aria-pressed')).toBe('false');
    expect(key('question', '‖y‖').getAttribute('aria-pressed')).toBe('true');
    act(() => store.getState().setTerm(null));
    expect(store.getState().term).toBe('question-y');
  });

  it('a pinned key that goes away puts its term out; unmounting with a pin clears the highlight', () => {
    const store = createHighlightStore();
    const view = render(
      <HighlightContext.Provider value={store}>
        <HighlightKeys keys={BOUNDS} />
      </HighlightContext.Provider>,
    );
    act(() => fireEvent.click(screen.getByRole('button', { name: '‖x‖/√q' })));
    expect(store.getState().term).toBe('rms');
    view.rerender(
      <HighlightContext.Provider value={store}>
        <HighlightKeys keys={BOUNDS.slice(0, 2)} />
      </HighlightContext.Provider>,
    );
    expect(store.getState().term).toBeNull();
    act(() => fireEvent.click(screen.getByRole('button', { name: '‖x‖' })));
    expect(store.getState().term).toBe('norm');
    view.unmount();
    expect(store.getState().term).toBeNull();
  });
});
