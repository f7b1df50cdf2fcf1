/**
 * Derived values of the base state. Selectors that build objects are memoised on their inputs, so
 * React components get the same object back until those inputs change.
 */
import { generateVector, listMasks, maskDraw, type DropConnectWeights, type MaskRow, MAX_LISTED_UNITS, seededWeights, vectorNorm } from '../math/index.ts';
import type { ExplorerState, VectorSource } from './explorerState.ts';

/**
 * Remembers the result for each argument object while it lives (a WeakMap). Not just the last one:
 * the live store and a frozen section's snapshot (SectionGate) hold different states at once, and a
 * one-entry memo would then hand each of them a new object on every call, which useSyncExternalStore
 * takes for a change, re-rendering without end (React's "Maximum update depth exceeded").
 */
function memoByIdentity<A extends object, T>(compute: (arg: A) => T): (arg: A) => T {
  const cache = new WeakMap<A, T>();
  return (arg: A): T => {
    if (cache.has(arg)) return cache.get(arg) as T;
    const value = compute(arg);
    cache.set(arg, value);
    return value;
  };
}

/** The same for primitive keys: the last few results (the live state's and a few snapshots'). */
function memoRecent<T>(compute: (key: string) => T, size = 8): (key: string) => T {
  const cache = new Map<string, T>();
  return (key: string): T => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute(key);
    cache.set(key, value);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return value;
  };
}

const vectorOfSource = memoByIdentity((source: VectorSource): readonly number[] =>
  source.kind === 'explicit' ? source.values : generateVector(source.spec),
);

/** Rows of DropConnect's seeded weight matrix W. */
export const DROPCONNECT_ROWS = 4;

const weightsOf = memoRecent((key: string): { readonly downstream: readonly number[]; readonly matrix: DropConnectWeights } => {
  const [units, seed] = key.split(':').map(Number) as [number, number];
  return { downstream: seededWeights(1, units, seed).values, matrix: seededWeights(DROPCONNECT_ROWS, units, seed) };
});

/**
 * The page's one set of seeded weights for n units and the weights seed: w of the downstream unit
 * z = w·y, and DropConnect's 4×n matrix W. Every section and request reads them here, so W is
 * seeded in one place and the same object comes back until n or the seed changes.
 */
export function selectWeights(state: ExplorerState): { readonly downstream: readonly number[]; readonly matrix: DropConnectWeights } {
  return weightsOf(`${selectUnits(state)}:${state.weightsSeed}`);
}

/** The activations x, generated from their spec when needed. */
export function selectVector(state: ExplorerState): readonly number[] {
  return vectorOfSource(state.source);
}

/** n, the number of units. */
export function selectUnits(state: ExplorerState): number {
  return state.source.kind === 'explicit' ? state.source.values.length : state.source.spec.units;
}

/** k of the fixed-count model: the chosen count, or round(q·n), within 0…n. */
export function selectKept(state: ExplorerState): number {
  const n = selectUnits(state);
  const k = state.kept ?? Math.round(state.keep * n);
  return Math.min(n, Math.max(0, k));
}

/** The keep probability the engine uses: k/n for the fixed-count model, q otherwise. */
export function selectEffectiveKeep(state: ExplorerState): number {
  return maskDraw(state.model, selectUnits(state), state.keep, selectKept(state)).q;
}

/** Mask lists by vector, then by q. */
const masksOf = memoByIdentity((_vector: readonly number[]) => new Map<number, readonly MaskRow[]>());

const NO_ROWS: readonly MaskRow[] = [];

/** Every mask with its Bernoulli probability and norms (n ≤ 12), else an empty list. */
export function selectMaskRows(state: ExplorerState): readonly MaskRow[] {
  const vector = selectVector(state);
  if (vector.length > MAX_LISTED_UNITS) return NO_ROWS;
  const byKeep = masksOf(vector);
  let rows = byKeep.get(state.keep);
  if (rows === undefined) {
    rows = listMasks(vector, state.keep);
    byKeep.set(state.keep, rows);
    // A drag visits many q: keep the lists of the last few.
    if (byKeep.size > 8) byKeep.delete(byKeep.keys().next().value as number);
  }
  return rows;
}

/** ‖x‖ of the vector (closed form; no masks needed), memoised on the vector. */
const normOf = memoByIdentity((x: readonly number[]) => vectorNorm(x));
export const selectNorm = (state: ExplorerState): number => normOf(selectVector(state));
