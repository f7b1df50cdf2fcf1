// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnalysisStore } from '../state/analysisStore.ts';
import { CHANNEL_IDS } from '../state/channels.ts';
import { createExplorerStore } from '../state/explorerStore.ts';
import { AnalysisContext, type AnalysisStores, useAnalysis } from './analysisContext.ts';
import { ExplorerContext, useExplorer } from './explorerContext.ts';
import { SectionGate } from './SectionGate.tsx';

/** An observer that reports every element far from the viewport as soon as it is observed. */
class FarObserver {
  private readonly report: IntersectionObserverCallback;
  constructor(report: IntersectionObserverCallback) {
    this.report = report;
  }
  observe(target: Element) {
    queueMicrotask(() => this.report([{ isIntersecting: false, target } as IntersectionObserverEntry], this as never));
  }
  disconnect() {}
  unobserve() {}
  takeRecords() {
    return [];
  }
}

function Shown() {
  const keep = useExplorer((s) => s.keep);
  const status = useAnalysis('main', (s) => s.status);
  return (
    <p>
      q {keep}, main {status}
    </p>
  );
}

const ORDER = 5;

function setUp() {
  const explorer = createExplorerStore();
  const analysis = Object.fromEntries(CHANNEL_IDS.map((id) => [id, createAnalysisStore()])) as unknown as AnalysisStores;
  render(
    <ExplorerContext.Provider value={explorer}>
      <AnalysisContext.Provider value={analysis}>
        <SectionGate order={ORDER}>
          <Shown />
        </SectionGate>
      </AnalysisContext.Provider>
    </ExplorerContext.Provider>,
  );
  return { explorer, analysis };
}

const text = () => screen.getByText(/^q /).textContent;
const advance = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'queueMicrotask'] });
  vi.stubGlobal('IntersectionObserver', FarObserver);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('SectionGate far from the viewport', () => {
  it('a final answer with no input for a while: catches up within a few frames, not after the pause', async () => {
    const { analysis } = setUp();
    await advance(1000);
    expect(text()).toBe('q 0.5, main idle');
    act(() => analysis.main.setState({ status: 'running' }));
    await advance(1000);
    act(() => analysis.main.setState({ status: 'done' }));
    // The ordinary pause is 250 + 40·5 = 450 ms; a final answer after a still page waits 16·5 = 80 ms.
    await advance(100);
    expect(text()).toBe('q 0.5, main done');
  });

  it('a final answer just after an input: waits for the pause (a drag is not interrupted by far sections)', async () => {
    const { explorer, analysis } = setUp();
    await advance(1000);
    act(() => explorer.getState().setKeep(0.6));
    await advance(50);
    act(() => analysis.main.setState({ status: 'done' }));
    await advance(100);
    expect(text()).toBe('q 0.5, main idle');
    await advance(400);
    expect(text()).toBe('q 0.6, main done');
  });

  it('progress of another channel does not put off a quick catch-up', async () => {
    const { analysis } = setUp();
    await advance(1000);
    act(() => analysis.main.setState({ status: 'done' }));
    await advance(40);
    act(() => analysis.compare.setState({ status: 'running', fraction: 0.1 }));
    await advance(60);
    expect(text()).toBe('q 0.5, main done');
  });

  it('progress alone (a long job running) catches up only after the pause', async () => {
    const { analysis } = setUp();
    await advance(1000);
    act(() => analysis.main.setState({ status: 'running', fraction: 0.1 }));
    await advance(100);
    expect(text()).toBe('q 0.5, main idle');
    await advance(400);
    expect(text()).toBe('q 0.5, main running');
  });
});
