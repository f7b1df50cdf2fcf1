/**
 * The URL is a codec, not a second store: `parseUrl` reads a query string once at boot into a valid
 * state plus a list of repairs in plain words; `formatUrl` writes the state back. Both loop over the
 * one table of keys (URL_KEYS in urlSchema.ts), are pure and never throw. Nothing read here is ever
 * inserted as HTML: repairs are plain text.
 */
import { SEED_STATE, baseState, displayFields, type ExplorerState } from '../state/explorerState.ts';
import { normalizeRestrictions } from '../state/classLink.ts';
import { PRESETS } from '../state/presets.ts';
import { withOneKeep } from '../state/withOneKeep.ts';
import {
  KNOWN_KEYS,
  LINK_DEFAULTS,
  MAX_QUERY_LENGTH,
  POST_STATE_KEY,
  Reader,
  URL_KEYS,
  URL_VERSION,
  quote,
  unitsOf,
  type FieldKey,
  type Repair,
  type StateField,
} from './urlSchema.ts';

export type { Repair } from './urlSchema.ts';

export interface ParsedUrl {
  readonly state: ExplorerState;
  readonly repairs: readonly Repair[];
}

/** The order keys are read in: the first pass (version, vector, keep, model, k), then the rest, each in table order. */
const READ_ORDER = [...URL_KEYS.filter((k) => k.readFirst === true), ...URL_KEYS.filter((k) => k.readFirst !== true)];

/** The state's fields that say how to show the page, not what it computes. */
const DISPLAY_FIELDS: readonly string[] = Object.keys(displayFields(SEED_STATE));

/** Keys that only say how to show the page (and the version): a link of these alone opens the question. */
const DISPLAY_KEYS: readonly string[] = URL_KEYS.filter((k) => k.field === null || DISPLAY_FIELDS.includes(k.field)).map((k) => k.key);

function readKey<F extends StateField>(entry: FieldKey<F>, reader: Reader, state: ExplorerState): ExplorerState {
  const value = entry.read(reader, state, entry);
  return value === undefined ? state : { ...state, [entry.field]: value };
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
  if (early.length === 0 && [...params.keys()].every((key) => key === 'v') && (params.get('v') ?? String(URL_VERSION)) === String(URL_VERSION)) {
    return { state: SEED_STATE, repairs: [] };
  }
  const reader = new Reader(params);
  reader.repairs.push(...early);
  const unknown = [...new Set([...params.keys()].filter((key) => !KNOWN_KEYS.includes(key) && key !== POST_STATE_KEY))];
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 8).map(quote).join(', ') + (unknown.length > 8 ? ` and ${unknown.length - 8} more` : '');
    reader.repair('', `Ignored unknown ${unknown.length === 1 ? 'key' : 'keys'}: ${shown}.`);
  }
  let state = LINK_DEFAULTS;
  for (const entry of READ_ORDER) {
    if (entry.field === null) entry.read(reader);
    else state = readKey<StateField>(entry, reader, state);
  }
  // Two rules that tie fields together, applied silently (their repairs were recorded by k and hide):
  // one q under the fixed model (keep = k/n), and locked and hidden groups in CONTROL_GROUPS order,
  // none in both.
  state = withOneKeep(state, unitsOf(state.source));
  state = { ...state, ...normalizeRestrictions(state.locked, state.hidden) };
  // A link that only says how to show the page (section, data tables, notation, embed, theme, class
  // restrictions) opens the question.
  if ([...params.keys()].every((key) => DISPLAY_KEYS.includes(key) || key === POST_STATE_KEY)) {
    return { state: { ...SEED_STATE, ...displayFields(state) }, repairs: reader.repairs };
  }
  // A preset names a caption; it only applies while the state is the preset's own.
  const preset = PRESETS.find((p) => p.id === state.preset);
  const fitsPreset = preset !== undefined && formatUrl({ ...preset.state, ...displayFields(state) }) === formatUrl(state);
  return { state: fitsPreset ? state : { ...state, preset: null }, repairs: reader.repairs };
}

/** What the embedding page asked for in the link (not state): whether to post the state to it. */
export interface HostOptions {
  readonly postState: boolean;
}

/** Reads the host's options (`poststate=1`) from a query string; never throws. */
export function readHostOptions(search: string): HostOptions {
  if (search.length > MAX_QUERY_LENGTH) return { postState: false };
  try {
    return { postState: new URLSearchParams(search).get(POST_STATE_KEY) === '1' };
  } catch {
    return { postState: false };
  }
}

/** The text the URL sync appends to keep the host's options in the address bar ('' for none). */
export function hostSuffix(options: HostOptions): string {
  return options.postState ? `&${POST_STATE_KEY}=1` : '';
}

/** Writes the state as a query string, defaults left out. Numbers read back exactly. */
export function formatUrl(state: ExplorerState): string {
  const params = new URLSearchParams();
  for (const entry of URL_KEYS) {
    const value = entry.write(state);
    if (value !== null) params.set(entry.key, value);
  }
  // Commas, colons and '=' inside a value are safe in a query string (a value ends only at '&'); keep them readable.
  return `?${params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':').replaceAll('%3D', '=')}`;
}

/**
 * The query of the state a link without one opens, as the URL sync writes it: a link with no query
 * or exactly this one shows the first screen the build prerenders (src/prerender.tsx).
 */
export function prerenderedQuery(): string {
  return formatUrl(baseState(parseUrl('').state));
}
