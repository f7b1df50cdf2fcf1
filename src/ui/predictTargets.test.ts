import { describe, expect, it } from 'vitest';
import { analyze } from '../math/engine.ts';
import { bruteForceMasks } from '../math/testing.ts';
import { PREDICT_TARGETS } from '../state/classLink.ts';
import { judgeGuess, PREDICT_TARGET_INFO, readGuess, setupSentence, targetText } from './predictTargets.ts';

describe('readGuess', () => {
  it('reads decimals, a decimal comma, a typographic minus and percentages of probabilities', () => {
    expect(readGuess(' 1.25 ', 'length')).toEqual({ ok: true, value: 1.25 });
    expect(readGuess('1,5', 'length')).toEqual({ ok: true, value: 1.5 });
    expect(readGuess('30%', 'probability')).toEqual({ ok: true, value: 0.3 });
    expect(readGuess('0.3', 'probability')).toEqual({ ok: true, value: 0.3 });
    expect(readGuess('−0', 'length')).toEqual({ ok: true, value: 0 });
  });

  it('refuses text, negative lengths and probabilities outside 0–1 in plain words', () => {
    expect(readGuess('', 'length')).toEqual({ ok: false, error: 'Type a number first.' });
    expect(readGuess('about 2', 'length')).toEqual({ ok: false, error: '“about 2” is not a number. Type something like 1.25.' });
    expect(readGuess('-1', 'length')).toEqual({ ok: false, error: 'A length cannot be negative.' });
    expect(readGuess('30', 'probability')).toEqual({ ok: false, error: 'A probability is between 0 and 1. For 30 percent, type 30%.' });
    expect(readGuess('1e999', 'length')).toEqual({ ok: false, error: 'That number is too large.' });
    expect(readGuess('5%', 'length').ok).toBe(false);
    expect(readGuess('1,500', 'length')).toEqual({
      ok: false,
      error: '“1,500” could be 1500 or 1.500: write it without the comma, or with a decimal point.',
    });
  });
});

describe('judgeGuess', () => {
  it('says how far a length guess is, in the value’s digits and as a share of it', () => {
    const verdict = judgeGuess(1.5, { value: 2, method: 'enumerate' }, 'length');
    expect(verdict.value).toBe('2.0000 (exact enumeration)');
    expect(verdict.distance).toBe('Your guess 1.5 is 0.5000 too low (25.0% below the value).');
    expect(verdict.close).toBe(false);
  });

  it('judges small values by their share, in four significant digits, not by a fixed number of decimals', () => {
    // 0.00263 against 0.002676 is 1.7% low: not right, though both round to 0.0027 at four decimals.
    const verdict = judgeGuess(0.00263, { value: 0.002676, method: 'closed-form' }, 'length');
    expect(verdict.close).toBe(false);
    expect(verdict.value).toBe('0.002676 (closed form)');
    expect(verdict.distance).toBe('Your guess 0.00263 is 0.000046 too low (1.7% below the value).');
    expect(judgeGuess(0, { value: 0.00004, method: 'closed-form' }, 'length').close).toBe(false);
    expect(judgeGuess(0, { value: 0, method: 'enumerate' }, 'length').close).toBe(true);
  });

  it('reads huge guesses back briefly', () => {
    expect(judgeGuess(1e20, { value: 5, method: 'closed-form' }, 'length').distance).toBe(
      'Your guess 1.00e+20 is 1.00e+20 too high (more than ten times the value).',
    );
  });

  it('counts a guess within half a percent, or inside a sampled value’s 95% interval, as right', () => {
    expect(judgeGuess(2.009, { value: 2, method: 'closed-form' }, 'length').close).toBe(true);
    expect(judgeGuess(2.011, { value: 2, method: 'closed-form' }, 'length').close).toBe(false);
    const sampled = { value: 2, method: 'sample' as const, standardError: 0.01, interval: [1.98, 2.02] as const };
    const inside = judgeGuess(2.015, sampled, 'length');
    expect(inside.close).toBe(true);
    expect(inside.distance).toBe('Your guess 2.015 is right (inside the 95% interval).');
    expect(inside.value).toBe('2.000 ± 0.010 (sampled; 95% interval 1.98000 to 2.02000)');
  });

  it('speaks of percentage points for probabilities, and writes the value as a percentage too', () => {
    const verdict = judgeGuess(0.5, { value: 0.25, method: 'enumerate' }, 'probability');
    expect(verdict.value).toBe('0.2500 (25.00%) (exact enumeration)');
    expect(verdict.distance).toBe('Your guess 50.0% is 25.0 percentage points too high.');
  });

  it('counts a probability guess as right only inside a sampled value’s interval', () => {
    const sampled = { value: 0.98635, method: 'sample' as const, standardError: 0.00026, interval: [0.98583, 0.98685] as const };
    expect(judgeGuess(0.99, sampled, 'probability').close).toBe(false);
    expect(judgeGuess(0.9865, sampled, 'probability').close).toBe(true);
    expect(judgeGuess(0.253, { value: 0.25, method: 'enumerate' }, 'probability').close).toBe(true);
  });

  it('reads each target from the engine’s result: the same numbers as brute force over every mask', () => {
    const x = [0.1, 0.1, 0.2, 5];
    const q = 0.5;
    const result = analyze({ x, keep: q, model: 'bernoulli', compensation: 'inverted', edges: [0, 20] });
    const masks = bruteForceMasks(x, q).map((m) => ({ probability: m.probability, norm: m.maskedNorm / q }));
    const norm = Math.hypot(...x);
    const mean = masks.reduce((s, m) => s + m.probability * m.norm, 0);
    const square = masks.reduce((s, m) => s + m.probability * m.norm ** 2, 0);
    const expected = {
      mean,
      rms: Math.sqrt(square),
      above: masks.filter((m) => m.norm > norm * (1 + 1e-12)).reduce((s, m) => s + m.probability, 0),
      sd: Math.sqrt(square - mean ** 2),
    };
    for (const target of PREDICT_TARGETS) {
      expect(PREDICT_TARGET_INFO[target].read(result).value).toBeCloseTo(expected[target], 12);
    }
  });
});

describe('targetText', () => {
  it('speaks of u and Wx for DropConnect, of y and x otherwise', () => {
    expect(targetText('above', 'bernoulli')).toEqual({ symbol: 'P(‖y‖ > ‖x‖)', words: 'the probability that one mask makes y longer than x' });
    expect(targetText('above', 'dropconnect')).toEqual({ symbol: 'P(‖u‖ > ‖Wx‖)', words: 'the probability that one mask makes u longer than Wx' });
    expect(targetText('mean', 'dropconnect').symbol).toBe('E‖u‖');
  });
});

describe('setupSentence', () => {
  it('writes small entries and lengths with four significant digits', () => {
    const sentence = setupSentence({ x: [0.00001, 0.00002, 0.00003], keep: 0.5, kept: 2, model: 'bernoulli', compensation: 'inverted', notation: 'keep' });
    // ‖x‖ = 1e-5·√14 = 3.7417e-5
    expect(sentence).toContain('x = (0.00001, 0.00002, 0.00003), with length ‖x‖ = 0.00003742;');
  });

  it('describes DropConnect’s W, ‖Wx‖ and u', () => {
    const sentence = setupSentence({
      x: [1, 2],
      keep: 0.5,
      kept: 1,
      model: 'dropconnect',
      compensation: 'inverted',
      notation: 'keep',
      weights: { rows: 4, seed: 3, outputNorm: 1.5 },
    });
    expect(sentence).toBe(
      'x = (1.00, 2.00), with length ‖x‖ = 2.2361. DropConnect keeps each of the next layer’s weights W (a seeded random 4 × 2 matrix, seed 3; without dropout its output Wx has length ‖Wx‖ = 1.5000) independently (keep probability q = 0.50), giving u = (M⊙W)x/q.'.replace('’', "'"),
    );
  });

  it('states the example from the inputs alone, in the page’s notation', () => {
    const input = { x: [0.1, 0.1, 0.2, 5], keep: 0.5, kept: 2, model: 'bernoulli' as const, compensation: 'inverted' as const };
    // ‖x‖ = √(0.01 + 0.01 + 0.04 + 25) = √25.06 = 5.00599…
    expect(setupSentence({ ...input, notation: 'keep' })).toBe(
      'x = (0.10, 0.10, 0.20, 5.00), with length ‖x‖ = 5.0060; each unit is kept independently (keep probability q = 0.50); the kept values are multiplied by 1/q = 2.0000, giving y.',
    );
    expect(setupSentence({ ...input, notation: 'drop', model: 'fixed' })).toBe(
      'x = (0.10, 0.10, 0.20, 5.00), with length ‖x‖ = 5.0060; each mask keeps exactly k = 2 of the 4 units; the kept values are multiplied by 1/(1−p) = 2.0000, giving y.',
    );
  });
});

describe('readGuess on a hostile guess', () => {
  it(
    'answers at once on 100 KB of digits then "x", and says how much the box reads',
    () => {
      expect(readGuess(`${'1'.repeat(100_000)}x`, 'length')).toEqual({
        ok: false,
        error: 'The guess box holds 100,001 characters; it reads at most 100, so nothing was read.',
      });
      // Under the cap the scanner still refuses a digit run with a letter, and reads a long decimal.
      expect(readGuess(`${'1'.repeat(99)}x`, 'length')).toMatchObject({ ok: false });
      expect(readGuess(`0.${'1'.repeat(98)}`, 'probability')).toMatchObject({ ok: true });
    },
    20_000, // a hang detector: the old pattern took about 12 s on this text in Node, 23 s in Chromium
  );
});
