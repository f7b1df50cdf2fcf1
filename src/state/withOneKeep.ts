/**
 * One q per page. Under the fixed-count model q is k/n: the state's keep is always kept/n there, so
 * the keep slider, the text, the figures and the engine read the same value. Every path into the
 * store (the link, a preset, a verb) goes through withOneKeep.
 */
import { maskModel } from '../math/index.ts';
import type { ExplorerState } from './explorerState.ts';
import { MIN_KEEP } from './explorerState.ts';

/** The fewest units the fixed model may keep: k/n stays within the keep range [MIN_KEEP, 1]. */
export function minKept(units: number): number {
  return Math.min(units, Math.max(1, Math.ceil(MIN_KEEP * units - 1e-9)));
}

/** k for n units: the chosen count, or round(q·n), within minKept(n)…n. */
export function keptFor(kept: number | null, keep: number, units: number): number {
  return Math.min(units, Math.max(minKept(units), kept ?? Math.round(keep * units)));
}

/** The state with keep = k/n and a valid k under the fixed model; unchanged under the others. */
export function withOneKeep(state: ExplorerState, units: number): ExplorerState {
  if (!maskModel(state.model).keepFromCount) return state;
  const kept = keptFor(state.kept, state.keep, units);
  const keep = kept / units;
  return kept === state.kept && keep === state.keep ? state : { ...state, kept, keep };
}
