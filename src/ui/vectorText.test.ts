import { describe, expect, it } from 'vitest';
import { readVectorText } from './vectorText.ts';

describe('readVectorText(text)', () => {
  it.each([
    ['0.1, 0.1, 0.2, 5.0', [0.1, 0.1, 0.2, 5]],
    ['0.1 0.1\n0.2\t5', [0.1, 0.1, 0.2, 5]],
    ['[0.1, 0.1, 0.2, 5.0]', [0.1, 0.1, 0.2, 5]],
    ['tensor([0.1000, 0.1000, 0.2000, 5.0000])', [0.1, 0.1, 0.2, 5]],
    ['np.array([1e-3, -2.5E2])', [0.001, -250]],
  ])('reads %j', (text, expected) => {
    expect(readVectorText(text)).toEqual({ values: expected, problems: [] });
  });

  it('names every item it cannot read, by position, and applies nothing', () => {
    const { values, problems } = readVectorText('1, abc, 2, 3..4, 5');
    expect(values).toBeNull();
    expect(problems).toEqual(['Could not read 2 items as numbers: “abc” (item 2), “3..4” (item 4).']);
  });

  it('refuses an empty paste and an oversized one with a reason', () => {
    expect(readVectorText('  ').problems).toEqual(['There are no numbers to read.']);
    expect(readVectorText(Array(600).fill('1').join(',')).problems[0]).toMatch(/at most 512/);
    expect(readVectorText('1e7').problems[0]).toMatch(/larger than/);
  });
});

describe('readVectorText on hostile pastes', () => {
  const HANG_TIMEOUT = 20_000; // a hang detector: the old patterns took 12 s and more on these texts

  it(
    'refuses 100 KB of digits then "x" at once, and says how much the box reads',
    () => {
      const read = readVectorText(`${'1'.repeat(100_000)}x`);
      expect(read.values).toBeNull();
      expect(read.problems).toEqual(['The paste box holds 100,001 characters; it reads at most 50,000, so nothing was read.']);
    },
    HANG_TIMEOUT,
  );

  it(
    'reads a long run of digits or brackets just under the cap in linear time',
    () => {
      expect(readVectorText(`${'1'.repeat(49_000)}x`).problems[0]).toMatch(/^Could not read one item as a number: “1{20}…” \(item 1\)\.$/);
      expect(readVectorText(`[1, 2${']'.repeat(49_000)}`)).toEqual({ values: [1, 2], problems: [] });
      expect(readVectorText(`[1, 2${']'.repeat(49_000)}x`).values).toBeNull();
    },
    HANG_TIMEOUT,
  );

  it('names the first five numbers that are too large, then "and N more"', () => {
    const read = readVectorText(Array.from({ length: 500 }, (_, i) => (i % 2 === 0 ? '2e6' : '1')).join(','));
    expect(read.values).toBeNull();
    expect(read.problems).toEqual(['250 items are larger than 1000000 in size: items 1 (2e6), 3 (2e6), 5 (2e6), 7 (2e6), 9 (2e6) and 245 more.']);
  });

  it('keeps the problem list short however many numbers are wrong', () => {
    const many = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? '1e7' : i % 3 === 1 ? 'abc' : '1')).join(' ');
    const read = readVectorText(many);
    expect(read.problems).toHaveLength(3);
    expect(read.problems[0]).toMatch(/^Could not read 1667 items as numbers: .* and 1662 more\.$/);
    expect(read.problems[1]).toMatch(/at most 512/);
    expect(read.problems[2]).toMatch(/^1667 items are larger than 1000000 in size: items 1 \(1e7\), 4 \(1e7\), .* and 1662 more\.$/);
  });
});

describe('a pasted entry too small to square', () => {
  it('is refused in words, like one too large, and 0 is still fine', () => {
    const read = readVectorText('1, 1e-310, 0, 2e-40');
    expect(read.values).toBeNull();
    expect(read.problems).toEqual(['2 items are smaller than 1e-30 in size but not 0, too small to square; type 0 or a larger value: items 2 (1e-310), 4 (2e-40).']);
    expect(readVectorText('1, 1e-30, 0').values).toEqual([1, 1e-30, 0]);
  });
});
