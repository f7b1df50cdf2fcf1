/**
 * Long number arrays cross the worker boundary as Float64Arrays whose buffers are transferred, not
 * copied by structured cloning: `pack` turns every plain number array of at least PACK_LENGTH
 * entries into a Float64Array and lists the buffers to transfer; `unpack` turns them back.
 */

/** Arrays shorter than this are cloned as they are (packing them would cost more than it saves). */
export const PACK_LENGTH = 64;

function isNumberArray(value: unknown): value is readonly number[] {
  return Array.isArray(value) && value.length >= PACK_LENGTH && value.every((v) => typeof v === 'number');
}

/** A deep copy of `value` with long number arrays as Float64Arrays, and their buffers. */
export function pack<T>(value: T): { packed: T; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const walk = (v: unknown): unknown => {
    if (isNumberArray(v)) {
      const typed = Float64Array.from(v);
      transfer.push(typed.buffer);
      return typed;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    }
    return v;
  };
  return { packed: walk(value) as T, transfer };
}

/** The inverse of pack: Float64Arrays back to plain arrays (other values untouched). */
export function unpack<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (v instanceof Float64Array) return Array.from(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    }
    return v;
  };
  return walk(value) as T;
}
