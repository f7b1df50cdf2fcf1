import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SEED_STATE } from '../state/explorerState.ts';
import { createExplorerStore } from '../state/explorerStore.ts';
import { parseUrl } from '../url/urlCodec.ts';
import { startEmbedMessages } from './embedMessages.ts';

/** A ResizeObserver stand-in: the test calls `fire()` where the browser would report a new size. */
class FakeResizeObserver {
  static instances: FakeResizeObserver[] = [];
  observed: unknown[] = [];
  disconnected = false;
  private readonly callback: () => void;
  constructor(callback: () => void) {
    this.callback = callback;
    FakeResizeObserver.instances.push(this);
  }
  observe(target: unknown) {
    this.observed.push(target);
  }
  disconnect() {
    this.disconnected = true;
  }
  fire() {
    if (!this.disconnected) this.callback();
  }
}

/** An element whose height the test sets. */
function fakeRoot(initial: number) {
  const root = { height: initial, getBoundingClientRect: () => ({ height: root.height }) };
  return root;
}

function setup(height = 500.2, options: { postState?: boolean } = { postState: true }) {
  const store = createExplorerStore({ ...SEED_STATE, embed: 'norm' });
  const target = { postMessage: vi.fn<(message: unknown, origin: string) => void>() };
  const root = fakeRoot(height);
  const stop = startEmbedMessages(store, target, root as unknown as HTMLElement, options);
  const observer = FakeResizeObserver.instances.at(-1);
  if (observer === undefined) throw new Error('no ResizeObserver created');
  const messages = () => target.postMessage.mock.calls.map(([message]) => message);
  const ofType = (type: string) => messages().filter((m) => (m as { type: string }).type === type);
  return { store, target, root, stop, observer, messages, ofType };
}

beforeEach(() => {
  FakeResizeObserver.instances = [];
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('startEmbedMessages', () => {
  it('observes the root and posts its height, rounded up to whole pixels, at once', () => {
    const { observer, root, ofType, target } = setup(500.2);
    expect(observer.observed).toEqual([root]);
    expect(ofType('dropout-explorer:height')).toEqual([{ type: 'dropout-explorer:height', height: 501, embed: 'norm' }]);
    // Any origin: the host page may live anywhere.
    expect(target.postMessage.mock.calls.every(([, origin]) => origin === '*')).toBe(true);
  });

  it('posts a new height only when it changes', () => {
    const { observer, root, ofType } = setup(500);
    observer.fire();
    expect(ofType('dropout-explorer:height')).toHaveLength(1);
    root.height = 812.5;
    observer.fire();
    root.height = 813;
    observer.fire();
    root.height = 300;
    observer.fire();
    expect(ofType('dropout-explorer:height').map((m) => (m as { height: number }).height)).toEqual([500, 813, 300]);
  });

  it('posts only the height, never the state, unless the host asked for the state (poststate=1)', () => {
    for (const options of [{}, { postState: false }]) {
      const { store, observer, root, messages } = setup(500, options);
      store.getState().setKeep(0.25);
      store.getState().setVector([1, 2, 3]);
      root.height = 640;
      observer.fire();
      expect(messages().map((m) => (m as { type: string }).type)).toEqual(['dropout-explorer:height', 'dropout-explorer:height']);
      expect(JSON.stringify(messages())).not.toContain('search');
    }
  });

  it('posts the state as the query string that reopens it, on start and after each change, when the host asked for it', () => {
    const { store, ofType } = setup();
    store.getState().setKeep(0.25);
    store.getState().setKeep(0.25); // no change, no message
    store.getState().setShowData(true);
    const searches = ofType('dropout-explorer:state').map((m) => (m as { search: string; embed: string }));
    expect(searches.map((m) => m.embed)).toEqual(['norm', 'norm', 'norm']);
    // Independent check: the posted query strings read back as the states the reader made.
    const states = searches.map((m) => parseUrl(m.search).state);
    expect(states.map((s) => s.keep)).toEqual([0.5, 0.25, 0.25]);
    expect(states.map((s) => s.showData)).toEqual([false, false, true]);
    expect(states.every((s) => s.embed === 'norm')).toBe(true);
    for (const m of searches) expect(m.search).toMatch(/^\?v=1&.*embed=norm/);
  });

  it('stops observing and posting once stopped', () => {
    const { store, observer, root, stop, messages } = setup();
    const before = messages().length;
    stop();
    expect(observer.disconnected).toBe(true);
    root.height = 999;
    observer.fire();
    store.getState().setKeep(0.8);
    expect(messages()).toHaveLength(before);
  });

  it('does not throw without a ResizeObserver or with a non-finite height', () => {
    vi.stubGlobal('ResizeObserver', undefined);
    const store = createExplorerStore({ ...SEED_STATE, embed: 'all' });
    const target = { postMessage: vi.fn<(message: unknown, origin: string) => void>() };
    const stop = startEmbedMessages(store, target, { getBoundingClientRect: () => ({ height: Number.NaN }) } as unknown as HTMLElement, { postState: true });
    expect(target.postMessage.mock.calls.map(([m]) => (m as { type: string }).type)).toEqual(['dropout-explorer:state']);
    stop();
  });
});
