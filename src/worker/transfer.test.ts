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
