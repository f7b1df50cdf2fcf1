import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ABS_UNIT_VALUE, MAX_KEEP, MAX_UNITS, MIN_KEEP, SEED_STATE } from '../state/explorerState.ts';
import { formatUrl, parseUrl } from './urlCodec.ts';

const validState = fc.record({
  vector: fc.array(
    fc.double({ min: -MAX_ABS_UNIT_VALUE, max: MAX_ABS_UNIT_VALUE, noNaN: true }).map((v) => v + 0),
    { minLength: 1, maxLength: MAX_UNITS },
  ),
  keep: fc.double({ min: MIN_KEEP, max: MAX_KEEP, noNaN: true }),
});

describe('parseUrl(formatUrl(state))', () => {
  it('round-trips x and q exactly for arbitrary valid finite inputs', () => {
    fc.assert(
      fc.property(validState, (state) => {
        const { state: back, repairs } = parseUrl(formatUrl(state));
        expect(repairs).toEqual([]);
        expect(back).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });

  it('writes the seed state as a short readable link', () => {
    expect(formatUrl(SEED_STATE)).toBe('?v=1&x=0.1,0.1,0.2,5&keep=0.5');
  });
});

describe('parseUrl(search)', () => {
  it('opens the seed state with no repairs when the link is empty', () => {
    expect(parseUrl('')).toEqual({ state: SEED_STATE, repairs: [] });
  });

  it('repairs an out-of-range keep to the nearest bound and says so', () => {
    const { state, repairs } = parseUrl('?keep=1.7');
    expect(state.keep).toBe(1);
    expect(repairs.map((r) => r.message)).toEqual(['keep=1.7 is outside 0.05–1; using 1.']);
  });

  it('repairs a rate of 0 to the smallest keep probability', () => {
    expect(parseUrl('?keep=0').state.keep).toBe(MIN_KEEP);
  });

  it('replaces a non-number in x by 0 and names its position', () => {
    const { state, repairs } = parseUrl('?x=1,abc,3');
    expect(state.vector).toEqual([1, 0, 3]);
    expect(repairs[0]?.message).toContain('value 2 ("abc") is not a number');
  });

  it('lists unknown keys and ignores them', () => {
    const { state, repairs } = parseUrl('?x=1,2&foo=3&bar=<script>');
    expect(state.vector).toEqual([1, 2]);
    expect(repairs[0]?.message).toBe('Ignored unknown keys: "foo", "bar".');
  });

  it('never throws and always returns a valid state, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const { state } = parseUrl(text);
        expect(state.vector.length).toBeGreaterThanOrEqual(1);
        expect(state.vector.length).toBeLessThanOrEqual(MAX_UNITS);
        expect(state.vector.every((v) => Number.isFinite(v) && Math.abs(v) <= MAX_ABS_UNIT_VALUE)).toBe(true);
        expect(state.keep).toBeGreaterThanOrEqual(MIN_KEEP);
        expect(state.keep).toBeLessThanOrEqual(MAX_KEEP);
      }),
      { numRuns: 500 },
    );
  });

  it.each(['?keep=NaN', '?keep=Infinity', '?keep=0x1', '?keep=', '?x=', '?x=1e400', '?x=' + '1,'.repeat(20) + '1'])(
    'repairs %s with a message',
    (search) => {
      const { repairs } = parseUrl(search);
      expect(repairs.length).toBeGreaterThan(0);
    },
  );
});
