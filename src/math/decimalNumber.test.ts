import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDecimalNumber, readDecimal } from './decimalNumber.ts';
import { parseVectorSpec } from './vectorSpec.ts';

/** The pattern the scanner replaces: right on short texts, quadratic on a long digit run. */
const OLD_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

// A hang detector, not a speed assertion: the old pattern needs minutes on these texts (about
// 12 s for 100 KB and 20 min for 1 MB in Node), the scanner well under a second on any machine.
const HANG_TIMEOUT = 20_000;

describe('isDecimalNumber / readDecimal', () => {
  it('accepts exactly what the old pattern accepted (on texts short enough for the pattern)', () => {
    const char = fc.constantFrom('0', '1', '9', '.', '+', '-', 'e', 'E', 'x', ' ', ',', '٣');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }).map((cs) => cs.join('')), (text) => {
        expect(isDecimalNumber(text)).toBe(OLD_PATTERN.test(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['1', 1],
    ['-0', 0],
    ['+.5', 0.5],
    ['5.', 5],
    ['1e-3', 0.001],
    [' 2.5E2 ', 250],
    ['1e400', null],
    ['0x10', null],
    ['Infinity', null],
    ['', null],
    ['.', null],
    ['1e', null],
    ['1 2', null],
  ])('reads %j as %j', (text, expected) => {
    expect(readDecimal(text)).toBe(expected);
  });

  it(
    'answers at once on 1 MB of digits followed by a letter (the old pattern hangs)',
    () => {
      const digits = '1'.repeat(1_000_000);
      expect(isDecimalNumber(`${digits}x`)).toBe(false);
      expect(isDecimalNumber(`${digits}.${digits}e${digits}x`)).toBe(false);
      expect(readDecimal(`0.${digits}`)).toBeCloseTo(0.1111, 4);
      expect(parseVectorSpec(`gauss:4:norm=${digits}x`)).toMatchObject({ ok: false });
    },
    HANG_TIMEOUT,
  );
});
