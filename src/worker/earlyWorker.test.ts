import { afterEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the browser's Worker: records what was created and terminated. */
class FakeWorker {
  static created: FakeWorker[] = [];
  onmessage: unknown = null;
  onerror: ((event: unknown) => void) | null = null;
  terminated = false;
  readonly url: URL;
  constructor(url: URL) {
    this.url = url;
    FakeWorker.created.push(this);
  }
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
}

async function freshModule() {
  vi.resetModules();
  FakeWorker.created = [];
  vi.stubGlobal('Worker', FakeWorker);
  return import('./earlyWorker.ts');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the early worker', () => {
  it('is started once and taken once: later takers get null and start their own', async () => {
    const { startEarlyWorker, takeEarlyWorker } = await freshModule();
    startEarlyWorker();
    startEarlyWorker();
    expect(FakeWorker.created).toHaveLength(1);
    expect(String(FakeWorker.created[0]?.url)).toMatch(/analysis\.worker\.ts$/);
    const taken = takeEarlyWorker();
    expect(taken).toBe(FakeWorker.created[0]);
    // The client wires its own error handler; the early one is gone.
    expect(taken?.onerror).toBeNull();
    expect(takeEarlyWorker()).toBeNull();
  });

  it('one that failed before it was taken is terminated and not handed out', async () => {
    const { startEarlyWorker, takeEarlyWorker } = await freshModule();
    startEarlyWorker();
    const early = FakeWorker.created[0] as FakeWorker;
    early.onerror?.({});
    expect(takeEarlyWorker()).toBeNull();
    expect(early.terminated).toBe(true);
  });

  it('where workers cannot start, nothing is started and nothing is taken', async () => {
    const { startEarlyWorker, takeEarlyWorker } = await freshModule();
    vi.stubGlobal('Worker', function Refused() {
      throw new Error('refused');
    });
    startEarlyWorker();
    expect(takeEarlyWorker()).toBeNull();
  });
});
