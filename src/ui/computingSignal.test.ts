import { describe, expect, it } from 'vitest';
import { createAnalysisStore } from '../state/analysisStore.ts';
import { startComputingSignal } from './computingSignal.ts';

/** The attribute surface the signal writes to. */
function fakeElement() {
  const attributes = new Map<string, string>();
  return {
    attributes,
    setAttribute: (name: string, value: string) => void attributes.set(name, value),
    removeAttribute: (name: string) => void attributes.delete(name),
  };
}

describe('startComputingSignal', () => {
  it('names the channels that are running or waiting, and disappears once every one is done', () => {
    const main = createAnalysisStore();
    const compare = createAnalysisStore();
    const element = fakeElement();
    const stop = startComputingSignal({ main, compare }, element as unknown as Element);
    expect(element.attributes.has('data-computing')).toBe(false);
    main.setState({ status: 'running' });
    compare.setState({ status: 'running' });
    expect(element.attributes.get('data-computing')).toBe('main compare');
    main.setState({ status: 'done' });
    expect(element.attributes.get('data-computing')).toBe('compare');
    compare.setState({ status: 'error' });
    expect(element.attributes.has('data-computing')).toBe(false);
    stop();
    main.setState({ status: 'running' });
    expect(element.attributes.has('data-computing')).toBe(false);
  });
});
