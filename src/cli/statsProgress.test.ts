import { describe, expect, it } from 'vitest';
import { PROGRESS_AFTER_MS, PROGRESS_EVERY_MS, progressDue, progressLine } from './statsProgress.ts';

describe('progressLine(fraction, elapsedMs)', () => {
  it('gives the share done, the time so far and the time left estimated from the share', () => {
    expect(progressLine(0.25, 10_000)).toBe('stats: 25% done, 10 s so far, about 30 s left');
    expect(progressLine(0.5, 300_000)).toBe('stats: 50% done, 5 min so far, about 5 min left');
  });
  it('leaves the estimate out below 1 % and clamps the share to [0, 1]', () => {
    expect(progressLine(0.001, 3000)).toBe('stats: 0% done, 3 s so far');
    expect(progressLine(1.2, 3000)).toBe('stats: 100% done, 3 s so far, about 0 s left');
  });
});

describe('progressDue(now, start, last)', () => {
  it('is silent for short runs, then prints at most once per interval', () => {
    expect(progressDue(PROGRESS_AFTER_MS - 1, 0, null)).toBe(false);
    expect(progressDue(PROGRESS_AFTER_MS, 0, null)).toBe(true);
    expect(progressDue(PROGRESS_AFTER_MS + PROGRESS_EVERY_MS - 1, 0, PROGRESS_AFTER_MS)).toBe(false);
    expect(progressDue(PROGRESS_AFTER_MS + PROGRESS_EVERY_MS, 0, PROGRESS_AFTER_MS)).toBe(true);
  });
});
