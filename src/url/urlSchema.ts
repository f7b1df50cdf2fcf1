/**
 * Every shareable key, with its type, range and default: the one table the codec reads.
 * Version 1. A link keeps working when keys are added: missing keys take their defaults, so a
 * link written today opens the same state later. Defaults are not written, to keep links short.
 * Keys added within version 1, none changing what an older key means: theme; lock, hide and
 * predict (class links). A change of meaning would raise URL_VERSION.
 */
import {
  DEFAULT_BINS,
  DEFAULT_SAMPLES,
  MAX_ABS_UNIT_VALUE,
  MAX_BINS,
  MAX_EXPLICIT_UNITS,
  MAX_KEEP,
  MAX_SAMPLES,
  MAX_SEED,
  MIN_BINS,
  MIN_KEEP,
  MIN_SAMPLES,
  SEED_STATE,
  THEMES,
  type ExplorerState,
} from '../state/explorerState.ts';
import { COMPENSATIONS, MASK_MODELS, MAX_GENERATED_UNITS, METHODS } from '../math/index.ts';
import { CONTROL_GROUPS, PREDICT_TARGETS } from '../state/classLink.ts';

export const URL_VERSION = 1;

/** Longest query string parsed; anything longer is ignored as a whole. */
export const MAX_QUERY_LENGTH = 16_000;

/** A field of the state as it appears in a link. */
export type UrlField =
  | { readonly kind: 'number'; readonly min: number; readonly max: number; readonly integer: boolean }
  | { readonly kind: 'choice'; readonly choices: readonly string[] }
  | { readonly kind: 'list'; readonly choices: readonly string[] }
  | { readonly kind: 'numbers'; readonly maxLength: number; readonly maxAbs: number }
  | { readonly kind: 'spec' }
  | { readonly kind: 'bits' }
  | { readonly kind: 'flag' }
  | { readonly kind: 'id' };

export interface UrlKey {
  /** The query-string key. */
  readonly key: string;
  /** What it holds, in words (used in repair messages). */
  readonly label: string;
  readonly field: UrlField;
  /** Reads the value out of a state, as written in a link; null = default, not written. */
  readonly write: (state: ExplorerState) => string | null;
}

const fmt = (value: number) => String(value);
const unlessDefault = <T>(value: T, fallback: T, text: string): string | null =>
  value === fallback ? null : text;

/** The schema, in the order keys are written. */
export const URL_KEYS: readonly UrlKey[] = [
  {
    key: 'x',
    label: 'vector',
    field: { kind: 'numbers', maxLength: MAX_EXPLICIT_UNITS, maxAbs: MAX_ABS_UNIT_VALUE },
    write: (s) => (s.source.kind === 'explicit' ? s.source.values.map(fmt).join(',') : null),
  },
  {
    key: 'gen',
    label: 'generated vector',
    field: { kind: 'spec' },
    write: () => null, // written by the codec from the spec (needs vectorSpec's formatter)
  },
  {
    key: 'keep',
    label: 'keep probability',
    field: { kind: 'number', min: MIN_KEEP, max: MAX_KEEP, integer: false },
    write: (s) => fmt(s.keep),
  },
  {
    key: 'notation',
    label: 'notation',
    field: { kind: 'choice', choices: ['keep', 'drop'] },
    write: (s) => unlessDefault(s.notation, SEED_STATE.notation, s.notation),
  },
  {
    key: 'model',
    label: 'mask model',
    field: { kind: 'choice', choices: MASK_MODELS },
    write: (s) => unlessDefault(s.model, SEED_STATE.model, s.model),
  },
  {
    key: 'k',
    label: 'kept count',
    field: { kind: 'number', min: 1, max: MAX_GENERATED_UNITS, integer: true },
    write: (s) => (s.kept === null ? null : fmt(s.kept)),
  },
  {
    key: 'comp',
    label: 'compensation',
    field: { kind: 'choice', choices: COMPENSATIONS },
    write: (s) => unlessDefault(s.compensation, SEED_STATE.compensation, s.compensation),
  },
  {
    key: 'compare',
    label: 'compared compensations',
    field: { kind: 'list', choices: COMPENSATIONS },
    write: (s) => unlessDefault(s.compared.join(','), SEED_STATE.compared.join(','), s.compared.join(',')),
  },
  {
    key: 'method',
    label: 'method',
    field: { kind: 'choice', choices: ['auto', ...METHODS] },
    write: (s) => unlessDefault(s.method, SEED_STATE.method, s.method),
  },
  {
    key: 'samples',
    label: 'sample count',
    field: { kind: 'number', min: MIN_SAMPLES, max: MAX_SAMPLES, integer: true },
    write: (s) => unlessDefault(s.samples, DEFAULT_SAMPLES, fmt(s.samples)),
  },
  {
    key: 'seed',
    label: 'sampling seed',
    field: { kind: 'number', min: 0, max: MAX_SEED, integer: true },
    write: (s) => unlessDefault(s.seed, SEED_STATE.seed, fmt(s.seed)),
  },
  {
    key: 'bins',
    label: 'histogram bins',
    field: { kind: 'number', min: MIN_BINS, max: MAX_BINS, integer: true },
    write: (s) => unlessDefault(s.bins, DEFAULT_BINS, fmt(s.bins)),
  },
  {
    key: 'mask',
    label: 'chosen mask',
    field: { kind: 'bits' },
    write: (s) => (s.mask === null ? null : s.mask.join('')),
  },
  {
    key: 'w',
    label: 'downstream weights seed',
    field: { kind: 'number', min: 0, max: MAX_SEED, integer: true },
    write: (s) => unlessDefault(s.weightsSeed, SEED_STATE.weightsSeed, fmt(s.weightsSeed)),
  },
  {
    key: 'mark',
    label: 'marked value of ‖y‖',
    field: { kind: 'number', min: 0, max: 1e12, integer: false },
    write: (s) => (s.reference === null ? null : fmt(s.reference)),
  },
  {
    key: 'preset',
    label: 'preset',
    field: { kind: 'id' },
    write: (s) => s.preset,
  },
  {
    key: 'section',
    label: 'section',
    field: { kind: 'id' },
    write: (s) => s.section,
  },
  {
    key: 'data',
    label: 'data tables',
    field: { kind: 'flag' },
    write: (s) => (s.showData ? '1' : null),
  },
  {
    key: 'embed',
    label: 'embedded section',
    field: { kind: 'id' },
    write: (s) => s.embed,
  },
  {
    key: 'theme',
    label: 'colour theme',
    field: { kind: 'choice', choices: THEMES },
    write: (s) => (s.theme === 'system' ? null : s.theme),
  },
  {
    key: 'lock',
    label: 'locked controls',
    field: { kind: 'list', choices: CONTROL_GROUPS },
    write: (s) => (s.locked.length === 0 ? null : s.locked.join(',')),
  },
  {
    key: 'hide',
    label: 'hidden controls',
    field: { kind: 'list', choices: CONTROL_GROUPS },
    write: (s) => (s.hidden.length === 0 ? null : s.hidden.join(',')),
  },
  {
    key: 'predict',
    label: 'number to predict',
    field: { kind: 'choice', choices: PREDICT_TARGETS },
    write: (s) => s.predict,
  },
];

/** Keys this version understands; any other key is ignored and reported. */
export const KNOWN_KEYS: readonly string[] = ['v', 'drop', ...URL_KEYS.map((k) => k.key)];
