/**
 * The URL is a codec, not a second store: `parseUrl` reads a query string once at boot into a valid
 * state plus a list of repairs in plain words; `formatUrl` writes the state back. Both are pure.
 */
import type { ExplorerState } from '../state/explorerState.ts';
import {
  KEEP_KEY,
  KNOWN_KEYS,
  MAX_QUERY_LENGTH,
  URL_VERSION,
  VECTOR_KEY,
  type ListKey,
  type NumberKey,
} from './urlSchema.ts';

/** One problem found in a link, and what was used instead. */
export interface Repair {
  readonly key: string;
  readonly message: string;
}

export interface ParsedUrl {
  readonly state: ExplorerState;
  readonly repairs: readonly Repair[];
}

/** Shows a piece of untrusted text in a message: shortened, never interpreted. */
function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Strict decimal number: no hex, no empty strings, no "Infinity". */
function readNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function parseNumberKey(spec: NumberKey, raw: string | null, repairs: Repair[]): number {
  if (raw === null) return spec.fallback;
  const value = readNumber(raw);
  const range = `${spec.min}–${spec.max}`;
  if (value === null) {
    repairs.push({
      key: spec.key,
      message: `${spec.key}=${quote(raw)} is not a number; using ${spec.fallback} (allowed: ${range}).`,
    });
    return spec.fallback;
  }
  if (value < spec.min || value > spec.max) {
    const used = value < spec.min ? spec.min : spec.max;
    repairs.push({ key: spec.key, message: `${spec.key}=${raw} is outside ${range}; using ${used}.` });
    return used;
  }
  return value;
}

function parseListKey(spec: ListKey, raw: string | null, repairs: Repair[]): readonly number[] {
  if (raw === null) return spec.fallback;
  const parts = raw.split(',');
  const fallback = spec.fallback.join(', ');
  if (raw.trim() === '' || parts.length < spec.minLength || parts.length > spec.maxLength) {
    repairs.push({
      key: spec.key,
      message:
        `${spec.key} has ${raw.trim() === '' ? 'no' : parts.length} values; ` +
        `a ${spec.label} needs ${spec.minLength} to ${spec.maxLength}. Using (${fallback}).`,
    });
    return spec.fallback;
  }
  const values: number[] = [];
  for (const [index, part] of parts.entries()) {
    const value = readNumber(part);
    if (value === null) {
      repairs.push({
        key: spec.key,
        message: `${spec.key}: value ${index + 1} (${quote(part)}) is not a number; using 0.`,
      });
      values.push(0);
    } else if (Math.abs(value) > spec.maxAbs) {
      const used = Math.sign(value) * spec.maxAbs;
      repairs.push({
        key: spec.key,
        message: `${spec.key}: value ${index + 1} (${part}) is outside ±${spec.maxAbs}; using ${used}.`,
      });
      values.push(used);
    } else {
      values.push(value + 0);
    }
  }
  return values;
}

/** Reads a query string ("?x=…&keep=…") into a valid state; never throws. */
export function parseUrl(search: string): ParsedUrl {
  const repairs: Repair[] = [];
  if (search.length > MAX_QUERY_LENGTH) {
    repairs.push({
      key: '',
      message: `The link is ${search.length} characters long (the limit is ${MAX_QUERY_LENGTH}); it was ignored.`,
    });
    search = '';
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  const unknown = [...new Set([...params.keys()].filter((key) => !KNOWN_KEYS.includes(key)))];
  if (unknown.length > 0) {
    repairs.push({
      key: '',
      message: `Ignored unknown ${unknown.length === 1 ? 'key' : 'keys'}: ${unknown.map(quote).join(', ')}.`,
    });
  }
  const version = params.get('v');
  if (version !== null && version !== String(URL_VERSION)) {
    repairs.push({
      key: 'v',
      message: `v=${quote(version)} is not a link version this page knows; read it as version ${URL_VERSION}.`,
    });
  }
  const vector = parseListKey(VECTOR_KEY, params.get(VECTOR_KEY.key), repairs);
  const keep = parseNumberKey(KEEP_KEY, params.get(KEEP_KEY.key), repairs);
  return { state: { vector, keep }, repairs };
}

/** Writes the state as a query string. Numbers use the shortest text that reads back exactly. */
export function formatUrl(state: ExplorerState): string {
  const params = new URLSearchParams();
  params.set('v', String(URL_VERSION));
  params.set(VECTOR_KEY.key, state.vector.map(String).join(','));
  params.set(KEEP_KEY.key, String(state.keep));
  // Commas are safe in a query string; keep them readable.
  return `?${params.toString().replaceAll('%2C', ',')}`;
}
