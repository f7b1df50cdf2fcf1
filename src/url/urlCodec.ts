/**
 * The URL is a codec, not a second store: `parseUrl` reads a query string once at boot into a valid
 * state plus a list of repairs in plain words; `formatUrl` writes the state back. Both are pure and
 * never throw. Nothing read here is ever inserted as HTML: repairs are plain text.
 */
import { type Compensation, COMPENSATIONS, formatVectorSpec, type MaskModel, type Method, parseVectorSpec } from '../math/index.ts';
import {
  MAX_MASK_UNITS,
  MIN_KEEP,
  SECTION_IDS,
  SEED_STATE,
  displayFields,
  type ExplorerState,
  type Notation,
  type SectionId,
  type Theme,
} from '../state/explorerState.ts';
import { normalizeRestrictions, type ControlGroup, type PredictTarget } from '../state/classLink.ts';
import { PRESETS } from '../state/presets.ts';
import { keptFor, minKept } from '../state/withOneKeep.ts';
import { KNOWN_KEYS, MAX_QUERY_LENGTH, URL_KEYS, URL_VERSION, type UrlKey } from './urlSchema.ts';

/** One problem found in a link, and what was used instead. */
export interface Repair {
  readonly key: string;
  readonly message: string;
}

export interface ParsedUrl {
  readonly state: ExplorerState;
  readonly repairs: readonly Repair[];
}

/** Shows a piece of untrusted text in a message: shortened, quoted, never interpreted. */
function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Strict decimal number: no hex, no empty strings, no "Infinity". */
function readNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value + 0 : null;
}

function schema(key: string): UrlKey {
  const entry = URL_KEYS.find((k) => k.key === key);
  if (entry === undefined) throw new Error(`no URL key ${key}`);
  return entry;
}

/** Reads the query string's keys one by one, recording a repair for each problem. */
class Reader {
  readonly repairs: Repair[] = [];
  private readonly params: URLSearchParams;
  constructor(params: URLSearchParams) {
    this.params = params;
  }

  raw(key: string): string | null {
    const values = this.params.getAll(key);
    if (values.length > 1) this.repair(key, `${key} is given ${values.length} times; using the first.`);
    return values[0] ?? null;
  }

  repair(key: string, message: string) {
    this.repairs.push({ key, message });
  }

  number(key: string, fallback: number): number {
    const raw = this.raw(key);
    const { field, label } = schema(key);
    if (raw === null || field.kind !== 'number') return fallback;
    const range = `${field.min}–${field.max}`;
    const value = readNumber(raw);
    if (value === null) {
      this.repair(key, `${key}=${quote(raw)} is not a number; using ${fallback} (the ${label} must be ${range}).`);
      return fallback;
    }
    if (value < field.min || value > field.max) {
      const used = value < field.min ? field.min : field.max;
      this.repair(key, `${key}=${quote(raw)} is outside ${range}; using ${used}.`);
      return used;
    }
    if (field.integer && !Number.isInteger(value)) {
      const used = Math.round(value);
      this.repair(key, `${key}=${quote(raw)} must be a whole number; using ${used}.`);
      return used;
    }
    return value;
  }

  choice<T extends string>(key: string, fallback: T): T {
    const raw = this.raw(key);
    const { field, label } = schema(key);
    if (raw === null || field.kind !== 'choice') return fallback;
    if (field.choices.includes(raw)) return raw as T;
    this.repair(key, `${key}=${quote(raw)} is not a ${label} this page knows; using ${fallback} (allowed: ${field.choices.join(', ')}).`);
    return fallback;
  }
}

function readVector(reader: Reader): ExplorerState['source'] {
  const rawX = reader.raw('x');
  const rawGen = reader.raw('gen');
  if (rawGen !== null) {
    if (rawX !== null) reader.repair('gen', 'The link gives both x and gen; using x.');
    else {
      const parsed = parseVectorSpec(rawGen);
      if (parsed.ok) return { kind: 'generated', spec: parsed.spec };
      reader.repair('gen', `gen=${quote(rawGen)}: ${parsed.error}; using the question's vector.`);
      return SEED_STATE.source;
    }
  }
  if (rawX === null) return SEED_STATE.source;
  const field = schema('x').field;
  if (field.kind !== 'numbers') return SEED_STATE.source;
  const parts = rawX.split(',');
  if (rawX.trim() === '' || parts.length > field.maxLength) {
    const count = rawX.trim() === '' ? 'no' : String(parts.length);
    reader.repair('x', `x has ${count} values; a vector needs 1 to ${field.maxLength} (use gen= for larger ones). Using the question's vector.`);
    return SEED_STATE.source;
  }
  const values = parts.map((part, index) => {
    const value = readNumber(part);
    if (value === null) {
      reader.repair('x', `x: value ${index + 1} (${quote(part)}) is not a number; using 0.`);
      return 0;
    }
    if (Math.abs(value) > field.maxAbs) {
      const used = Math.sign(value) * field.maxAbs;
      reader.repair('x', `x: value ${index + 1} (${quote(part)}) is outside ±${field.maxAbs}; using ${used}.`);
      return used;
    }
    return value;
  });
  return { kind: 'explicit', values };
}

function readKeep(reader: Reader): number {
  const rawKeep = reader.raw('keep');
  const rawDrop = reader.raw('drop');
  if (rawDrop !== null && rawKeep === null) {
    const drop = readNumber(rawDrop);
    if (drop !== null && drop >= 0 && drop <= 1 - 0.05 + 1e-12) return Math.max(0.05, 1 - drop) + 0;
    reader.repair('drop', `drop=${quote(rawDrop)} is outside 0–0.95 (the drop rate is 1 − keep); using keep ${SEED_STATE.keep}.`);
    return SEED_STATE.keep;
  }
  if (rawDrop !== null) reader.repair('drop', 'The link gives both keep and drop; using keep.');
  return reader.number('keep', SEED_STATE.keep);
}

function readCompared(reader: Reader): readonly Compensation[] {
  const known = readList<Compensation>(reader, 'compare');
  if (known === null) return SEED_STATE.compared;
  if (known.length > 0) return known;
  if (!reader.repairs.some((r) => r.key === 'compare')) {
    reader.repair('compare', `compare: nothing to compare (allowed: ${COMPENSATIONS.join(', ')}).`);
  }
  return SEED_STATE.compared;
}

/** A comma-separated list of names from the key's choices: unknown names are dropped and reported. */
function readList<T extends string>(reader: Reader, key: string): T[] | null {
  const raw = reader.raw(key);
  if (raw === null) return null;
  const field = schema(key).field;
  const allowed = field.kind === 'list' ? field.choices : [];
  const names = raw.split(',').filter((name) => name !== '');
  const unknown = names.filter((name) => !allowed.includes(name));
  if (unknown.length > 0) {
    reader.repair(key, `${key}: ignored ${unknown.map(quote).join(', ')} (allowed: ${allowed.join(', ')}).`);
  }
  return [...new Set(names.filter((name) => allowed.includes(name)))] as T[];
}

/** Locked and hidden control groups; a group given as both is hidden. */
function readRestrictions(reader: Reader) {
  const locked = readList<ControlGroup>(reader, 'lock') ?? [];
  const hidden = readList<ControlGroup>(reader, 'hide') ?? [];
  const both = locked.filter((g) => hidden.includes(g));
  if (both.length > 0) reader.repair('lock', `lock and hide both name ${both.join(', ')}; hidden wins.`);
  return normalizeRestrictions(locked, hidden);
}

function readMask(reader: Reader, units: number): ExplorerState['mask'] {
  const raw = reader.raw('mask');
  if (raw === null) return null;
  if (units > MAX_MASK_UNITS) {
    reader.repair('mask', `mask is only shown for vectors of at most ${MAX_MASK_UNITS} units; ignored.`);
    return null;
  }
  if (!/^[01]+$/.test(raw) || raw.length !== units) {
    reader.repair('mask', `mask=${quote(raw)} must be ${units} digits 0 or 1 (one per unit); ignored.`);
    return null;
  }
  return raw.split('').map((c) => (c === '1' ? 1 : 0));
}

function readId(reader: Reader, key: string, allowed: readonly string[]): string | null {
  const raw = reader.raw(key);
  if (raw === null) return null;
  if (allowed.includes(raw)) return raw;
  reader.repair(key, `${key}=${quote(raw)} is not a ${schema(key).label} this page has (allowed: ${allowed.join(', ')}); ignored.`);
  return null;
}

/** Reads a query string ("?x=…&keep=…") into a valid state; never throws. */
export function parseUrl(search: string): ParsedUrl {
  const early: Repair[] = [];
  if (search.length > MAX_QUERY_LENGTH) {
    early.push({ key: '', message: `The link is ${search.length} characters long (the limit is ${MAX_QUERY_LENGTH}); it was ignored.` });
    search = '';
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  // A link without any state (the bare address) opens the question.
  if (early.length === 0 && [...params.keys()].every((key) => key === 'v') && (params.get('v') ?? '1') === '1') {
    return { state: SEED_STATE, repairs: [] };
  }
  const reader = new Reader(params);
  reader.repairs.push(...early);
  const unknown = [...new Set([...params.keys()].filter((key) => !KNOWN_KEYS.includes(key)))];
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 8).map(quote).join(', ') + (unknown.length > 8 ? ` and ${unknown.length - 8} more` : '');
    reader.repair('', `Ignored unknown ${unknown.length === 1 ? 'key' : 'keys'}: ${shown}.`);
  }
  const version = reader.raw('v');
  if (version !== null && version !== String(URL_VERSION)) {
    reader.repair('v', `v=${quote(version)} is not a link version this page knows; read it as version ${URL_VERSION}.`);
  }
  const source = readVector(reader);
  const units = source.kind === 'explicit' ? source.values.length : source.spec.units;
  let keep = readKeep(reader);
  const model = reader.choice<MaskModel>('model', SEED_STATE.model);
  // A bad k falls back to round(q·n) within the counts q = k/n allows (never 0 kept units).
  let kept: number | null = params.has('k') ? reader.number('k', keptFor(null, keep, units)) : null;
  if (kept !== null && kept > units) {
    reader.repair('k', `k=${kept} is more than the ${units} units; using ${units}.`);
    kept = units;
  }
  if (model === 'fixed') {
    if (kept !== null && kept < minKept(units)) {
      reader.repair('k', `k=${kept} of ${units} units is a keep probability below ${MIN_KEEP}; using ${minKept(units)}.`);
      kept = minKept(units);
    }
    // One q per page: the fixed model's q is k/n, whatever the link says of keep.
    const k = keptFor(kept, keep, units);
    const named = params.has('keep') || params.has('drop');
    if (named && Math.abs(keep - k / units) > 1e-9) {
      reader.repair(
        params.has('keep') ? 'keep' : 'drop',
        `The fixed-count model keeps exactly k = ${k} of ${units} units, so q = k/n = ${Number((k / units).toFixed(6))}; the link's keep ${Number(keep.toFixed(6))} is not used.`,
      );
    }
    kept = k;
    keep = k / units;
  }
  const state: ExplorerState = {
    source,
    keep,
    notation: reader.choice<Notation>('notation', SEED_STATE.notation),
    model,
    kept,
    compensation: reader.choice<Compensation>('comp', SEED_STATE.compensation),
    compared: readCompared(reader),
    method: reader.choice<Method | 'auto'>('method', SEED_STATE.method),
    samples: reader.number('samples', SEED_STATE.samples),
    seed: reader.number('seed', SEED_STATE.seed),
    bins: reader.number('bins', SEED_STATE.bins),
    mask: readMask(reader, units),
    weightsSeed: reader.number('w', SEED_STATE.weightsSeed),
    reference: params.has('mark') ? reader.number('mark', 0) : null,
    preset: readId(reader, 'preset', PRESETS.map((p) => p.id)),
    section: readId(reader, 'section', SECTION_IDS) as SectionId | null,
    showData: params.has('data') ? readFlag(reader) : false,
    embed: readId(reader, 'embed', ['all', ...SECTION_IDS]) as SectionId | 'all' | null,
    theme: reader.choice<Theme>('theme', SEED_STATE.theme),
    ...readRestrictions(reader),
    predict: params.has('predict') ? readPredict(reader) : null,
  };
  // A link that only says how to show the page (section, data tables, notation, embed, theme, class
  // restrictions) opens the question.
  const displayKeys = ['v', 'section', 'data', 'notation', 'embed', 'theme', 'lock', 'hide', 'predict'];
  if ([...params.keys()].every((key) => displayKeys.includes(key))) {
    return { state: { ...SEED_STATE, ...displayFields(state) }, repairs: reader.repairs };
  }
  // A preset names a caption; it only applies while the state is the preset's own.
  const preset = PRESETS.find((p) => p.id === state.preset);
  const fitsPreset = preset !== undefined && formatUrl({ ...preset.state, ...displayFields(state) }) === formatUrl(state);
  return { state: fitsPreset ? state : { ...state, preset: null }, repairs: reader.repairs };
}

function readPredict(reader: Reader): PredictTarget | null {
  const raw = reader.raw('predict');
  const field = schema('predict').field;
  if (raw === null || field.kind !== 'choice') return null;
  if (field.choices.includes(raw)) return raw as PredictTarget;
  reader.repair('predict', `predict=${quote(raw)} is not a number this page can ask for (allowed: ${field.choices.join(', ')}); no prediction asked.`);
  return null;
}

function readFlag(reader: Reader): boolean {
  const raw = reader.raw('data');
  if (raw === '1' || raw === '') return true;
  if (raw === '0') return false;
  reader.repair('data', `data=${quote(raw ?? '')} must be 1 or 0; using 0.`);
  return false;
}

/** Writes the state as a query string, defaults left out. Numbers read back exactly. */
export function formatUrl(state: ExplorerState): string {
  const params = new URLSearchParams();
  params.set('v', String(URL_VERSION));
  for (const entry of URL_KEYS) {
    const value = entry.key === 'gen' && state.source.kind === 'generated' ? formatVectorSpec(state.source.spec) : entry.write(state);
    if (value !== null) params.set(entry.key, value);
  }
  // Commas, colons and '=' inside a value are safe in a query string (a value ends only at '&'); keep them readable.
  return `?${params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':').replaceAll('%3D', '=')}`;
}
