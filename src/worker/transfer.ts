/**
 * Long number arrays cross the worker boundary as Float64Arrays whose buffers are transferred, not
 * copied by structured cloning: `pack` turns every plain number array of at least PACK_LENGTH
 * entries into a Float64Array and lists the buffers to transfer; `unpack` turns them back.
 * A long list of records with the same numeric fields (the 4,096 rows of a mask table: a mask and
 * five numbers each) goes as one column per field, since cloning it object by object took the page
 * tens of milliseconds a message and left as much garbage.
 */

/** Arrays shorter than this are cloned as they are (packing them would cost more than it saves). */
export const PACK_LENGTH = 64;

function isNumberArray(value: unknown): value is readonly number[] {
  return Array.isArray(value) && value.length >= PACK_LENGTH && value.every((v) => typeof v === 'number');
}

/** The marker key of a record list sent as columns. */
const COLUMNS = '$columns';

interface Columns {
  readonly [COLUMNS]: number;
  /** Per field: its values (numbers), or its arrays end to end with their common width. */
  readonly fields: Record<string, Float64Array | { readonly width: number; readonly values: Float64Array }>;
}

/** Whether every element is a plain record with the first one's keys, each a number or a number array of one width. */
function isRecordTable(value: unknown): value is readonly Record<string, number | readonly number[]>[] {
  if (!Array.isArray(value) || value.length < PACK_LENGTH) return false;
  const first: unknown = value[0];
  if (first === null || typeof first !== 'object' || Array.isArray(first)) return false;
  const keys = Object.keys(first);
  if (keys.length === 0 || keys.includes(COLUMNS)) return false;
  const widths = keys.map((k) => {
    const v = (first as Record<string, unknown>)[k];
    return typeof v === 'number' ? -1 : Array.isArray(v) ? v.length : Number.NaN;
  });
  if (widths.some(Number.isNaN)) return false;
  return value.every((row: unknown) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row) || Object.getPrototypeOf(row) !== Object.prototype) return false;
    const record = row as Record<string, unknown>;
    if (Object.keys(record).length !== keys.length) return false;
    return keys.every((k, j) => {
      const v = record[k];
      const width = widths[j] as number;
      if (width < 0) return typeof v === 'number';
      return Array.isArray(v) && v.length === width && v.every((e) => typeof e === 'number');
    });
  });
}

function toColumns(rows: readonly Record<string, number | readonly number[]>[], transfer: ArrayBuffer[]): Columns {
  const first = rows[0] as Record<string, number | readonly number[]>;
  const fields: Columns['fields'] = {};
  for (const key of Object.keys(first)) {
    const sample = first[key];
    if (typeof sample === 'number') {
      const values = new Float64Array(rows.length);
      rows.forEach((row, r) => {
        values[r] = row[key] as number;
      });
      transfer.push(values.buffer);
      fields[key] = values;
    } else {
      const width = (sample as readonly number[]).length;
      const values = new Float64Array(rows.length * width);
      rows.forEach((row, r) => values.set(row[key] as readonly number[], r * width));
      transfer.push(values.buffer);
      fields[key] = { width, values };
    }
  }
  return { [COLUMNS]: rows.length, fields };
}

function fromColumns(table: Columns): Record<string, number | number[]>[] {
  const count = table[COLUMNS];
  const entries = Object.entries(table.fields);
  const rows: Record<string, number | number[]>[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const row: Record<string, number | number[]> = {};
    for (const [key, field] of entries) {
      if (field instanceof Float64Array) row[key] = field[r] as number;
      else {
        const out: number[] = new Array(field.width);
        for (let i = 0; i < field.width; i++) out[i] = field.values[r * field.width + i] as number;
        row[key] = out;
      }
    }
    rows[r] = row;
  }
  return rows;
}

/**
 * A field holding a record list, rebuilt from its columns the first time it is read: a result
 * carries mask tables for every answer of its channel, and most of them are never shown.
 */
function lazyRecords(record: Record<string, unknown>, key: string, table: Columns): void {
  Object.defineProperty(record, key, {
    configurable: true,
    enumerable: true,
    get() {
      const rows = fromColumns(table);
      Object.defineProperty(record, key, { value: rows, configurable: true, enumerable: true, writable: true });
      return rows;
    },
  });
}

function isColumns(value: unknown): value is Columns {
  return value !== null && typeof value === 'object' && COLUMNS in value;
}

/** A deep copy of `value` with long number arrays as Float64Arrays and long record lists as columns, and their buffers. */
export function pack<T>(value: T): { packed: T; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const walk = (v: unknown): unknown => {
    if (isNumberArray(v)) {
      const typed = Float64Array.from(v);
      transfer.push(typed.buffer);
      return typed;
    }
    if (isRecordTable(v)) return toColumns(v, transfer);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    }
    return v;
  };
  return { packed: walk(value) as T, transfer };
}

/**
 * The inverse of pack: Float64Arrays back to plain arrays (other values untouched). In place: the
 * value is a message just received (structured cloning made it ours), so only the typed arrays are
 * replaced, without copying the rest of the graph (a large result is tens of thousands of small
 * objects; rebuilding them cost the page more than the copy of the numbers).
 */
export function unpack<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (v instanceof Float64Array) return Array.from(v);
    if (isColumns(v)) return fromColumns(v);
    if (Array.isArray(v)) {
      // A plain number array holds no typed array: nothing to replace (a check that allocates nothing).
      if (v.every((x) => typeof x === 'number')) return v;
      for (let i = 0; i < v.length; i++) v[i] = walk(v[i]);
      return v;
    }
    if (v !== null && typeof v === 'object') {
      const record = v as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const inner = record[key];
        if (isColumns(inner)) lazyRecords(record, key, inner);
        else record[key] = walk(inner);
      }
    }
    return v;
  };
  return walk(value) as T;
}
