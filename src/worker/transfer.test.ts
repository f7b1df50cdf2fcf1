import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pack, PACK_LENGTH, unpack } from './transfer.ts';

describe('pack / unpack', () => {
  it('turns long number arrays into Float64Arrays whose buffers are listed for transfer', () => {
    const long = Array.from({ length: PACK_LENGTH }, (_, i) => i / 3);
    const { packed, transfer } = pack({ a: long, b: [1, 2], c: { d: long, e: 'text' } });
    expect(packed.a).toBeInstanceOf(Float64Array);
    expect(packed.b).toEqual([1, 2]);
    expect(packed.c.d).toBeInstanceOf(Float64Array);
    expect(transfer).toHaveLength(2);
  });

  it('sends a long list of records with the same numeric fields as one column per field, and rebuilds it exactly', () => {
    const rows = Array.from({ length: 4096 }, (_, r) => ({
      mask: Array.from({ length: 12 }, (_bit, i) => (r >> (11 - i)) & 1),
      kept: r % 13,
      probability: 1 / (r + 1),
      maskedNorm: Math.sqrt(r) * -0.5,
    }));
    const { packed, transfer } = pack({ answers: [{ output: { masks: rows, label: 'x' } }] });
    // Four buffers (one per field), no 4,096 cloned objects.
    expect(transfer).toHaveLength(4);
    expect(Array.isArray(packed.answers[0]?.output.masks)).toBe(false);
    const received = unpack(structuredClone(packed));
    expect(received).toEqual({ answers: [{ output: { masks: rows, label: 'x' } }] });
    // Rebuilt once, when first read: the same array every time after.
    expect(received.answers[0]?.output.masks).toBe(received.answers[0]?.output.masks);
    // Records that differ in their fields, or hold something other than numbers, go as they are.
    const mixed = [...rows.slice(0, 70).map((row) => ({ ...row })), { kept: 1 }];
    expect(Array.isArray(pack(mixed).packed)).toBe(true);
    expect(unpack(pack(mixed).packed)).toEqual(mixed);
  });

  it('round-trips any JSON-like value exactly', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.double({ noNaN: true }),
        fc.string(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.double({ noNaN: true }), { minLength: 0, maxLength: 200 }),
        fc.array(tie('node'), { maxLength: 4 }),
        // Record lists long enough to go as columns, with number and number-array fields.
        fc.integer({ min: 1, max: 3 }).chain((width) =>
          fc.array(fc.record({ a: fc.double({ noNaN: true }), b: fc.array(fc.double({ noNaN: true }), { minLength: width, maxLength: width }) }), {
            minLength: PACK_LENGTH,
            maxLength: PACK_LENGTH + 8,
          }),
        ),
        fc.dictionary(fc.string().filter((k) => k !== '__proto__'), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(unpack(pack(v).packed)).toEqual(v);
      }),
    );
  });
});
