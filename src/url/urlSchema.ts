/**
 * Every shareable key, with its state field, type, range and default, how it is read from a link
 * and how it is written: the one table the codec loops over (parseUrl and formatUrl in urlCodec.ts).
 * Version 1. A link keeps working when keys are added: missing keys take their defaults, so a
 * link written today opens the same state later. Defaults are not written, to keep links short.
 * Keys added within version 1, none changing what an older key means: theme; lock, hide and
 * predict (class links). A change of meaning would raise URL_VERSION.
 */
import {
  DEFAULT_BINS,
  DEFAULT_SAMPLES,
  MAX_ABS_UNIT_VALUE,
  MIN_ABS_UNIT_VALUE,
  MAX_BINS,
  MAX_EXPLICIT_UNITS,
  MAX_KEEP,
  MAX_MASK_UNITS,
  MAX_SAMPLES,
  MAX_SEED,
  MIN_BINS,
  MIN_KEEP,
  MIN_SAMPLES,
  SECTION_IDS,
  SEED_STATE,
  THEMES,
  type ExplorerState,
  type VectorSource,
} from '../state/explorerState.ts';
import { type Compensation, COMPENSATIONS, formatVectorSpec, MASK_MODELS, MAX_GENERATED_UNITS, METHODS, parseVectorSpec, readDecimal } from '../math/index.ts';
import { CONTROL_GROUPS, PREDICT_TARGETS, type ControlGroup, type PredictTarget } from '../state/classLink.ts';
import { PRESETS } from '../state/presets.ts';
import { keptFor, minKept } from '../state/withOneKeep.ts';
import {
  DATA_SETS,
  DEFAULT_TRAINING,
  SEED_COUNTS,
  TRAINING_LIMITS,
  TRAINING_SCHEMES,
  type TrainingScheme,
  type TrainingSettings,
} from '../training/settings.ts';

export const URL_VERSION = 1;

/** Longest query string parsed; anything longer is ignored as a whole. */
export const MAX_QUERY_LENGTH = 16_000;

/** One problem found in a link, and what was used instead. */
export interface Repair {
  readonly key: string;
  readonly message: string;
}

/** A key's type as it appears in a link, with its range or its choices. */
export type UrlType =
  | { readonly kind: 'version' }
  | { readonly kind: 'number'; readonly min: number; readonly max: number; readonly integer: boolean }
  | { readonly kind: 'choice'; readonly choices: readonly string[] }
  | { readonly kind: 'list'; readonly choices: readonly string[] }
  | { readonly kind: 'numbers'; readonly maxLength: number; readonly maxAbs: number }
  | { readonly kind: 'spec' }
  | { readonly kind: 'bits' }
  | { readonly kind: 'flag' }
  | { readonly kind: 'id'; readonly ids: readonly string[] };

/** What a reader needs to know of a key to read it and word its repairs. */
export interface KeySpec {
  /** The query-string key. */
  readonly key: string;
  /** What it holds, in words (used in repair messages). */
  readonly label: string;
  readonly type: UrlType;
}

export type StateField = keyof ExplorerState;

/** A key that sets one field of the state. */
export interface FieldKey<F extends StateField> extends KeySpec {
  /** The state field the key sets (two keys may set one field: x and gen, keep and drop). */
  readonly field: F;
  /** The field's value when the link leaves the key out. */
  readonly default: ExplorerState[F];
  /**
   * Read in the first pass, in table order, before the other keys: the version and the keys that
   * set n, q, the model and k, which the other keys' reads depend on (k and mask on n).
   */
  readonly readFirst?: true;
  /**
   * Reads the key from the link, recording each problem as a repair in plain words. `state` is the
   * state read so far (keys read before this one; the rest at their defaults). Returns the field's
   * value, or undefined to leave the field as it is (the key is absent and another key sets it).
   */
  read(reader: Reader, state: ExplorerState, self: FieldKey<F>): ExplorerState[F] | undefined;
  /** Written even when the field holds the default (the vector and keep: a link always says them). */
  readonly alwaysWritten?: true;
  /** The key's text in a link, or null: left out, because the field holds the default (or another key writes it). */
  readonly write: (state: ExplorerState) => string | null;
}

/** The link version: no state field; always written. */
export interface VersionKey extends KeySpec {
  readonly field: null;
  readonly default: number;
  readonly readFirst: true;
  readonly alwaysWritten: true;
  read(reader: Reader): undefined;
  readonly write: (state: ExplorerState) => string | null;
}

export type UrlKey = VersionKey | { [F in StateField]: FieldKey<F> }[StateField];

/** Shows a piece of untrusted text in a message: shortened, quoted, never interpreted. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Strict decimal number: no hex, no empty strings, no "Infinity". */
function readNumber(text: string): number | null {
  return readDecimal(text);
}

/** Reads the query string's keys one by one, recording a repair for each problem. */
export class Reader {
  readonly repairs: Repair[] = [];
  private readonly params: URLSearchParams;
  constructor(params: URLSearchParams) {
    this.params = params;
  }

  has(key: string): boolean {
    return this.params.has(key);
  }

  raw(key: string): string | null {
    const values = this.params.getAll(key);
    if (values.length > 1) this.repair(key, `${key} is given ${values.length} times; using the first.`);
    return values[0] ?? null;
  }

  repair(key: string, message: string) {
    this.repairs.push({ key, message });
  }

  number({ key, label, type }: KeySpec, fallback: number): number {
    const raw = this.raw(key);
    if (raw === null || type.kind !== 'number') return fallback;
    const range = `${type.min}–${type.max}`;
    const value = readNumber(raw);
    if (value === null) {
      this.repair(key, `${key}=${quote(raw)} is not a number; using ${fallback} (the ${label} must be ${range}).`);
      return fallback;
    }
    if (value < type.min || value > type.max) {
      const used = value < type.min ? type.min : type.max;
      this.repair(key, `${key}=${quote(raw)} is outside ${range}; using ${used}.`);
      return used;
    }
    if (type.integer && !Number.isInteger(value)) {
      const used = Math.round(value);
      this.repair(key, `${key}=${quote(raw)} must be a whole number; using ${used}.`);
      return used;
    }
    return value;
  }

  choice<T extends string>({ key, label, type }: KeySpec, fallback: T): T {
    const raw = this.raw(key);
    if (raw === null || type.kind !== 'choice') return fallback;
    if (type.choices.includes(raw)) return raw as T;
    this.repair(key, `${key}=${quote(raw)} is not a ${label} this page knows; using ${fallback} (allowed: ${type.choices.join(', ')}).`);
    return fallback;
  }

  /** A comma-separated list of names from the key's choices: unknown names are dropped and reported. */
  list<T extends string>({ key, type }: KeySpec): T[] | null {
    const raw = this.raw(key);
    if (raw === null) return null;
    const allowed = type.kind === 'list' ? type.choices : [];
    const names = raw.split(',').filter((name) => name !== '');
    const unknown = names.filter((name) => !allowed.includes(name));
    if (unknown.length > 0) {
      this.repair(key, `${key}: ignored ${unknown.map(quote).join(', ')} (allowed: ${allowed.join(', ')}).`);
    }
    return [...new Set(names.filter((name) => allowed.includes(name)))] as T[];
  }

  /** One of a fixed set of ids, or null (absent or unknown, reported). */
  id<T extends string>({ key, label, type }: KeySpec): T | null {
    const raw = this.raw(key);
    if (raw === null) return null;
    const allowed = type.kind === 'id' ? type.ids : [];
    if (allowed.includes(raw)) return raw as T;
    this.repair(key, `${key}=${quote(raw)} is not a ${label} this page has (allowed: ${allowed.join(', ')}); ignored.`);
    return null;
  }
}

/** The number of units of a vector source. */
export function unitsOf(source: VectorSource): number {
  return source.kind === 'explicit' ? source.values.length : source.spec.units;
}

const fmt = (value: number) => String(value);

/** Equal for writing: the same value, or arrays of the same values in the same order. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/**
 * A table entry from its `text`, which writes the field's value: `write` leaves the key out while
 * the field holds the default, unless the entry is `alwaysWritten`.
 */
function entry<F extends StateField>(
  spec: Omit<FieldKey<F>, 'write'> & { readonly text: (value: ExplorerState[F]) => string | null },
): FieldKey<F> {
  const { text, ...rest } = spec;
  return {
    ...rest,
    write: (state) => (spec.alwaysWritten !== true && same(state[spec.field], spec.default) ? null : text(state[spec.field])),
  };
}

/**
 * A key of the training experiment: it sets one setting of the `training` field (read on top of
 * the settings read so far) and is written only while that setting differs from its default.
 */
function trainingEntry<S extends keyof TrainingSettings>(spec: {
  readonly key: string;
  readonly label: string;
  readonly type: UrlType;
  readonly setting: S;
  readonly readValue: (r: Reader, self: KeySpec) => TrainingSettings[S] | undefined;
  readonly text: (value: TrainingSettings[S]) => string;
}): FieldKey<'training'> {
  const { key, label, type, setting, readValue, text } = spec;
  return {
    key,
    label,
    type,
    field: 'training',
    default: DEFAULT_TRAINING,
    read(r, state, self) {
      if (!r.has(key)) return undefined;
      const value = readValue(r, self);
      return value === undefined ? undefined : { ...state.training, [setting]: value };
    },
    write: (state) => (same(state.training[setting], DEFAULT_TRAINING[setting]) ? null : text(state.training[setting])),
  };
}

const trainingNumber = (setting: 'keep' | 'width' | 'epochs' | 'seed', key: string, label: string) =>
  trainingEntry({
    key,
    label,
    type: { kind: 'number', ...TRAINING_LIMITS[setting], integer: setting !== 'keep' },
    setting,
    readValue: (r, self) => r.number(self, DEFAULT_TRAINING[setting]),
    text: fmt,
  });

/** The training experiment's keys (section "Does it matter in training?"), all prefixed t. */
const TRAINING_KEYS: readonly FieldKey<'training'>[] = [
  trainingNumber('keep', 'tkeep', 'training keep probability'),
  trainingEntry({
    key: 'tscheme',
    label: 'trained schemes',
    type: { kind: 'list', choices: TRAINING_SCHEMES },
    setting: 'schemes',
    readValue(r, self) {
      const known = r.list<TrainingScheme>(self) ?? [];
      if (known.length > 0) return TRAINING_SCHEMES.filter((s) => known.includes(s));
      if (!r.repairs.some((repair) => repair.key === 'tscheme')) r.repair('tscheme', `tscheme: no scheme to train (allowed: ${TRAINING_SCHEMES.join(', ')}); training all.`);
      return DEFAULT_TRAINING.schemes;
    },
    text: (schemes) => schemes.join(','),
  }),
  trainingEntry({
    key: 'tdata',
    label: 'training data set',
    type: { kind: 'choice', choices: DATA_SETS },
    setting: 'data',
    readValue: (r, self) => r.choice(self, DEFAULT_TRAINING.data),
    text: (data) => data,
  }),
  trainingNumber('width', 'twidth', 'hidden width'),
  trainingNumber('epochs', 'tepochs', 'number of epochs'),
  trainingNumber('seed', 'tseed', 'training seed'),
  trainingEntry({
    key: 'tseeds',
    label: 'number of training seeds',
    type: { kind: 'choice', choices: SEED_COUNTS.map(String) },
    setting: 'seeds',
    readValue: (r, self) => (r.choice(self, String(DEFAULT_TRAINING.seeds)) === '5' ? 5 : 1),
    text: String,
  }),
];

/**
 * The schema, in the order keys are written (x and gen are never both written; drop never is) and
 * read (parseUrl reads the readFirst keys first, then the others, each in this order).
 */
export const URL_KEYS: readonly UrlKey[] = [
  {
    key: 'v',
    label: 'link version',
    type: { kind: 'version' },
    field: null,
    default: URL_VERSION,
    readFirst: true,
    alwaysWritten: true,
    read(r) {
      const version = r.raw('v');
      if (version !== null && version !== String(URL_VERSION)) {
        r.repair('v', `v=${quote(version)} is not a link version this page knows; read it as version ${URL_VERSION}.`);
      }
      return undefined;
    },
    write: () => String(URL_VERSION),
  },
  entry({
    key: 'gen',
    label: 'generated vector',
    type: { kind: 'spec' },
    field: 'source',
    default: SEED_STATE.source,
    readFirst: true,
    // gen is read before x; x wins when the link gives both.
    read(r, _state, self) {
      const raw = r.raw('gen');
      if (raw === null) return undefined;
      if (r.has('x')) {
        r.repair('gen', 'The link gives both x and gen; using x.');
        return undefined;
      }
      const parsed = parseVectorSpec(raw);
      if (parsed.ok) return { kind: 'generated', spec: parsed.spec };
      r.repair('gen', `gen=${quote(raw)}: ${parsed.error}; using the question's vector.`);
      return self.default;
    },
    text: (source) => (source.kind === 'generated' ? formatVectorSpec(source.spec) : null),
    alwaysWritten: true,
  }),
  entry({
    key: 'x',
    label: 'vector',
    type: { kind: 'numbers', maxLength: MAX_EXPLICIT_UNITS, maxAbs: MAX_ABS_UNIT_VALUE },
    field: 'source',
    default: SEED_STATE.source,
    readFirst: true,
    read(r, _state, { type, default: fallback }) {
      const raw = r.raw('x');
      if (raw === null || type.kind !== 'numbers') return undefined;
      const parts = raw.split(',');
      if (raw.trim() === '' || parts.length > type.maxLength) {
        const count = raw.trim() === '' ? 'no' : String(parts.length);
        r.repair('x', `x has ${count} values; a vector needs 1 to ${type.maxLength} (use gen= for larger ones). Using the question's vector.`);
        return fallback;
      }
      const values = parts.map((part, index) => {
        const value = readNumber(part);
        if (value === null) {
          r.repair('x', `x: value ${index + 1} (${quote(part)}) is not a number; using 0.`);
          return 0;
        }
        if (Math.abs(value) > type.maxAbs) {
          const used = Math.sign(value) * type.maxAbs;
          r.repair('x', `x: value ${index + 1} (${quote(part)}) is outside ±${type.maxAbs}; using ${used}.`);
          return used;
        }
        if (value !== 0 && Math.abs(value) < MIN_ABS_UNIT_VALUE) {
          r.repair('x', `x: value ${index + 1} (${quote(part)}) is smaller than ${MIN_ABS_UNIT_VALUE} in size, too small to square; using 0.`);
          return 0;
        }
        return value;
      });
      return { kind: 'explicit', values };
    },
    text: (source) => (source.kind === 'explicit' ? source.values.map(fmt).join(',') : null),
    alwaysWritten: true,
  }),
  entry({
    key: 'drop',
    label: 'drop rate',
    type: { kind: 'number', min: 0, max: 1 - MIN_KEEP, integer: false },
    field: 'keep',
    default: SEED_STATE.keep,
    readFirst: true,
    // The drop rate 1 − keep, read only when keep is absent; never written (keep is).
    read(r, _state, self) {
      const raw = r.raw('drop');
      if (raw === null) return undefined;
      if (r.has('keep')) {
        r.repair('drop', 'The link gives both keep and drop; using keep.');
        return undefined;
      }
      const drop = readNumber(raw);
      if (drop !== null && drop >= 0 && drop <= 1 - MIN_KEEP + 1e-12) return Math.max(MIN_KEEP, 1 - drop) + 0;
      r.repair('drop', `drop=${quote(raw)} is outside 0–0.95 (the drop rate is 1 − keep); using keep ${self.default}.`);
      return self.default;
    },
    text: () => null,
  }),
  entry({
    key: 'keep',
    label: 'keep probability',
    type: { kind: 'number', min: MIN_KEEP, max: MAX_KEEP, integer: false },
    field: 'keep',
    default: SEED_STATE.keep,
    readFirst: true,
    read: (r, _state, self) => (r.has('keep') ? r.number(self, self.default) : undefined),
    text: fmt,
    alwaysWritten: true,
  }),
  entry({
    key: 'notation',
    label: 'notation',
    type: { kind: 'choice', choices: ['keep', 'drop'] },
    field: 'notation',
    default: SEED_STATE.notation,
    read: (r, _state, self) => r.choice(self, self.default),
    text: (notation) => notation,
  }),
  entry({
    key: 'model',
    label: 'mask model',
    type: { kind: 'choice', choices: MASK_MODELS },
    field: 'model',
    default: SEED_STATE.model,
    readFirst: true,
    read: (r, _state, self) => r.choice(self, self.default),
    text: (model) => model,
  }),
  entry({
    key: 'k',
    label: 'kept count',
    type: { kind: 'number', min: 1, max: MAX_GENERATED_UNITS, integer: true },
    field: 'kept',
    default: null,
    readFirst: true,
    // Read after the vector, keep and model. A bad k falls back to round(q·n) within the counts
    // q = k/n allows (never 0 kept units). Under the fixed model k is always set and the page has one
    // q, k/n (parseUrl sets keep to it after the loop); a keep in the link that disagrees is reported here.
    read(r, { source, keep, model }, self) {
      const units = unitsOf(source);
      // The range a repair names is this vector's, 1–n (the table's 1–10000 is only the largest n).
      const range = { ...self, type: { kind: 'number' as const, min: 1, max: units, integer: true } };
      let kept: number | null = r.has('k') ? r.number(range, keptFor(null, keep, units)) : null;
      if (model !== 'fixed') return kept;
      if (kept !== null && kept < minKept(units)) {
        r.repair('k', `k=${kept} of ${units} units is a keep probability below ${MIN_KEEP} (k must be ${minKept(units)}–${units} here); using ${minKept(units)}.`);
        kept = minKept(units);
      }
      const k = keptFor(kept, keep, units);
      const named = r.has('keep') || r.has('drop');
      if (named && Math.abs(keep - k / units) > 1e-9) {
        r.repair(
          r.has('keep') ? 'keep' : 'drop',
          `The fixed-count model keeps exactly k = ${k} of ${units} units, so q = k/n = ${Number((k / units).toFixed(6))}; the link's keep ${Number(keep.toFixed(6))} is not used.`,
        );
      }
      return k;
    },
    text: (kept) => (kept === null ? null : fmt(kept)),
  }),
  entry({
    key: 'comp',
    label: 'compensation',
    type: { kind: 'choice', choices: COMPENSATIONS },
    field: 'compensation',
    default: SEED_STATE.compensation,
    read: (r, _state, self) => r.choice(self, self.default),
    text: (compensation) => compensation,
  }),
  entry({
    key: 'compare',
    label: 'compared compensations',
    type: { kind: 'list', choices: COMPENSATIONS },
    field: 'compared',
    default: SEED_STATE.compared,
    read(r, _state, self) {
      const known = r.list<Compensation>(self);
      if (known === null) return self.default;
      if (known.length > 0) return known;
      if (!r.repairs.some((repair) => repair.key === 'compare')) {
        r.repair('compare', `compare: nothing to compare (allowed: ${COMPENSATIONS.join(', ')}).`);
      }
      return self.default;
    },
    text: (compared) => compared.join(','),
  }),
  entry({
    key: 'method',
    label: 'method',
    type: { kind: 'choice', choices: ['auto', ...METHODS] },
    field: 'method',
    default: SEED_STATE.method,
    read: (r, _state, self) => r.choice(self, self.default),
    text: (method) => method,
  }),
  entry({
    key: 'samples',
    label: 'sample count',
    type: { kind: 'number', min: MIN_SAMPLES, max: MAX_SAMPLES, integer: true },
    field: 'samples',
    default: DEFAULT_SAMPLES,
    read: (r, _state, self) => r.number(self, self.default),
    text: fmt,
  }),
  entry({
    key: 'seed',
    label: 'sampling seed',
    type: { kind: 'number', min: 0, max: MAX_SEED, integer: true },
    field: 'seed',
    default: SEED_STATE.seed,
    read: (r, _state, self) => r.number(self, self.default),
    text: fmt,
  }),
  entry({
    key: 'bins',
    label: 'histogram bins',
    type: { kind: 'number', min: MIN_BINS, max: MAX_BINS, integer: true },
    field: 'bins',
    default: DEFAULT_BINS,
    read: (r, _state, self) => r.number(self, self.default),
    text: fmt,
  }),
  entry({
    key: 'mask',
    label: 'chosen mask',
    type: { kind: 'bits' },
    field: 'mask',
    default: null,
    // Read after the vector: one digit per unit, and only for vectors the single-mask view shows.
    read(r, { source }) {
      const raw = r.raw('mask');
      if (raw === null) return null;
      const units = unitsOf(source);
      if (units > MAX_MASK_UNITS) {
        r.repair('mask', `mask is only shown for vectors of at most ${MAX_MASK_UNITS} units; ignored.`);
        return null;
      }
      if (!/^[01]+$/.test(raw) || raw.length !== units) {
        r.repair('mask', `mask=${quote(raw)} must be ${units} digits 0 or 1 (one per unit); ignored.`);
        return null;
      }
      return raw.split('').map((c) => (c === '1' ? 1 : 0));
    },
    text: (mask) => (mask === null ? null : mask.join('')),
  }),
  entry({
    key: 'w',
    label: 'downstream weights seed',
    type: { kind: 'number', min: 0, max: MAX_SEED, integer: true },
    field: 'weightsSeed',
    default: SEED_STATE.weightsSeed,
    read: (r, _state, self) => r.number(self, self.default),
    text: fmt,
  }),
  entry({
    key: 'mark',
    label: 'marked value of ‖y‖',
    type: { kind: 'number', min: 0, max: 1e12, integer: false },
    field: 'reference',
    default: null,
    read: (r, _state, self) => (r.has('mark') ? r.number(self, 0) : null),
    text: (reference) => (reference === null ? null : fmt(reference)),
  }),
  entry({
    key: 'preset',
    label: 'preset',
    type: { kind: 'id', ids: PRESETS.map((p) => p.id) },
    field: 'preset',
    default: null,
    // parseUrl keeps it only while the state is the preset's own.
    read: (r, _state, self) => r.id(self),
    text: (preset) => preset,
  }),
  entry({
    key: 'section',
    label: 'section',
    type: { kind: 'id', ids: SECTION_IDS },
    field: 'section',
    default: null,
    read: (r, _state, self) => r.id(self),
    text: (section) => section,
  }),
  entry({
    key: 'data',
    label: 'data tables',
    type: { kind: 'flag' },
    field: 'showData',
    default: false,
    read(r) {
      if (!r.has('data')) return false;
      const raw = r.raw('data');
      if (raw === '1' || raw === '') return true;
      if (raw === '0') return false;
      r.repair('data', `data=${quote(raw ?? '')} must be 1 or 0; using 0.`);
      return false;
    },
    text: () => '1',
  }),
  entry({
    key: 'embed',
    label: 'embedded section',
    type: { kind: 'id', ids: ['all', ...SECTION_IDS] },
    field: 'embed',
    default: null,
    read: (r, _state, self) => r.id(self),
    text: (embed) => embed,
  }),
  entry({
    key: 'theme',
    label: 'colour theme',
    type: { kind: 'choice', choices: THEMES },
    field: 'theme',
    default: SEED_STATE.theme,
    read: (r, _state, self) => r.choice(self, self.default),
    text: (theme) => theme,
  }),
  entry({
    key: 'lock',
    label: 'locked controls',
    type: { kind: 'list', choices: CONTROL_GROUPS },
    field: 'locked',
    default: [],
    // In link order until parseUrl puts locked and hidden in CONTROL_GROUPS order after the loop.
    read: (r, _state, self) => r.list<ControlGroup>(self) ?? self.default,
    text: (locked) => locked.join(','),
  }),
  entry({
    key: 'hide',
    label: 'hidden controls',
    type: { kind: 'list', choices: CONTROL_GROUPS },
    field: 'hidden',
    default: [],
    // Read after lock: a group given as both is hidden (parseUrl drops it from locked after the loop).
    read(r, { locked }, self) {
      const hidden = r.list<ControlGroup>(self) ?? self.default;
      const both = locked.filter((g) => hidden.includes(g));
      if (both.length > 0) r.repair('lock', `lock and hide both name ${both.join(', ')}; hidden wins.`);
      return hidden;
    },
    text: (hidden) => hidden.join(','),
  }),
  entry({
    key: 'predict',
    label: 'number to predict',
    type: { kind: 'choice', choices: PREDICT_TARGETS },
    field: 'predict',
    default: null,
    read(r, _state, { type }) {
      const raw = r.raw('predict');
      if (raw === null || type.kind !== 'choice') return null;
      if (type.choices.includes(raw)) return raw as PredictTarget;
      r.repair('predict', `predict=${quote(raw)} is not a number this page can ask for (allowed: ${type.choices.join(', ')}); no prediction asked.`);
      return null;
    },
    text: (predict) => predict,
  }),
  ...TRAINING_KEYS,
];

/** Keys this version understands; any other key is ignored and reported. */
export const KNOWN_KEYS: readonly string[] = URL_KEYS.map((k) => k.key);

/**
 * A key for the page that embeds the explorer, not part of the state: `poststate=1` asks the
 * embedded page to post its state (the query string, which holds the reader's own vector) to the
 * host; without it only the height is posted (ui/embedMessages.ts). The codec neither reports nor
 * writes it; the URL sync keeps it in the address bar (url/urlSync.ts).
 */
export const POST_STATE_KEY = 'poststate';

/** The state a link gives for every key it leaves out: each field's default from the table. */
export const LINK_DEFAULTS: ExplorerState = Object.fromEntries(
  URL_KEYS.flatMap((k) => (k.field === null ? [] : [[k.field, k.default] as const])),
) as unknown as ExplorerState;
