// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Every section's code "arrives" when the test says so.
let arrive: () => void = () => undefined;
vi.mock('./sectionRegistry.ts', () => ({
  preloadSections: () => new Promise<void>((resolve) => (arrive = resolve)),
}));
const { LaterSections } = await import('./SectionSlot.tsx');
const { whenSectionsMounted } = await import('./sectionsMounted.ts');

/** Runs one frame and the task after it (the mounting waits for a frame, then a timeout). */
async function nextFrame(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 5)));
  });
}

const parts = ['one', 'two', 'three'].map((name) => <p key={name}>part {name}</p>);
const shown = () => screen.queryAllByText(/^part /).map((p) => p.textContent);

afterEach(cleanup);

describe('LaterSections', () => {
  it('progressive: nothing until the code is there, then one part more per frame, top to bottom, with a status line until the last', async () => {
    let allMounted = false;
    void whenSectionsMounted().then(() => (allMounted = true));
    render(<LaterSections progressive>{parts}</LaterSections>);
    expect(shown()).toEqual([]);
    expect(screen.getByRole('status').textContent).toMatch(/Loading the rest/);
    await act(async () => arrive());
    expect(shown()).toEqual(['part one']);
    expect(screen.queryByRole('status')).not.toBeNull();
    await nextFrame();
    expect(shown()).toEqual(['part one', 'part two']);
    expect(allMounted).toBe(false);
    await nextFrame();
    expect(shown()).toEqual(['part one', 'part two', 'part three']);
    expect(screen.queryByRole('status')).toBeNull();
    // A jump to a section waits for this.
    expect(allMounted).toBe(true);
  });

  it('progressive: printing mounts the rest at once', async () => {
    render(<LaterSections progressive>{parts}</LaterSections>);
    await act(async () => arrive());
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(shown()).toEqual(['part one', 'part two', 'part three']);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('not progressive (an embed): every part at once', () => {
    render(<LaterSections>{parts}</LaterSections>);
    expect(shown()).toEqual(['part one', 'part two', 'part three']);
  });
});
