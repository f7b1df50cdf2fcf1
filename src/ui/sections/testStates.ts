/**
 * Test support for the sections' figure-model property tests: small random states (2–5 units with
 * two decimals, not all near 0, and a keep probability) and the count k a fixed-count mask keeps.
 */
import fc from 'fast-check';

export interface SmallState {
  readonly x: number[];
  readonly q: number;
  readonly n: number;
  /** round(q·n) within 1…n: the k of the fixed-count model. */
  readonly kept: number;
}

export const smallState: fc.Arbitrary<SmallState> = fc
  .record({
    raw: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 2, maxLength: 5 }),
    q: fc.constantFrom(0.25, 0.5, 0.7, 0.9),
  })
  .map(({ raw, q }) => {
    const x = raw.map((v) => Math.round(v * 100) / 100);
    const n = x.length;
    return { x, q, n, kept: Math.max(1, Math.min(n, Math.round(q * n))) };
  })
  .filter(({ x }) => Math.hypot(...x) > 0.05);
