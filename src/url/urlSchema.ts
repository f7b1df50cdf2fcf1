/**
 * Every shareable key, with its type, range and default: the one table the codec reads.
 * Version 1. A link keeps working when keys are added: missing keys take their defaults.
 */
import {
  MAX_ABS_UNIT_VALUE,
  MAX_KEEP,
  MAX_UNITS,
  MIN_KEEP,
  MIN_UNITS,
  SEED_STATE,
} from '../state/explorerState.ts';

export const URL_VERSION = 1;

/** Longest query string parsed; anything longer is ignored as a whole. */
export const MAX_QUERY_LENGTH = 20_000;

export interface NumberKey {
  readonly key: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly fallback: number;
}

export interface ListKey {
  readonly key: string;
  readonly label: string;
  readonly minLength: number;
  readonly maxLength: number;
  readonly maxAbs: number;
  readonly fallback: readonly number[];
}

export const KEEP_KEY: NumberKey = {
  key: 'keep',
  label: 'keep probability',
  min: MIN_KEEP,
  max: MAX_KEEP,
  fallback: SEED_STATE.keep,
};

export const VECTOR_KEY: ListKey = {
  key: 'x',
  label: 'vector',
  minLength: MIN_UNITS,
  maxLength: MAX_UNITS,
  maxAbs: MAX_ABS_UNIT_VALUE,
  fallback: SEED_STATE.vector,
};

/** Keys this version understands; any other key is ignored and reported. */
export const KNOWN_KEYS: readonly string[] = ['v', KEEP_KEY.key, VECTOR_KEY.key];
