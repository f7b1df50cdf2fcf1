import { createStore, type StoreApi } from 'zustand/vanilla';
import { type Compensation, type MaskModel, type Method, type VectorSpec, maskModel } from '../math/index.ts';
import {
  MAX_ABS_UNIT_VALUE,
  MIN_ABS_UNIT_VALUE,
  MAX_BINS,
  MAX_EXPLICIT_UNITS,
  MAX_KEEP,
  MAX_SAMPLES,
  MAX_SEED,
  MIN_BINS,
  MIN_KEEP,
  MIN_SAMPLES,
  SEED_STATE,
  displayFields,
  type ExplorerState,
  type Theme,
  type Notation,
  type SectionId,
} from './explorerState.ts';
import { controlAccess, lengthFixed, type ControlGroup } from './classLink.ts';
import { PRESETS } from './presets.ts';
import { selectUnits, selectVector } from './selectors.ts';
import { keptFor, minKept, withOneKeep } from './withOneKeep.ts';
import { type TrainingSettings, validTraining } from '../training/settings.ts';

/** The verbs the reader can perform; each keeps the state valid and ignores invalid input. */
export interface ExplorerActions {
  setKeep(keep: number): void;
  setNotation(notation: Notation): void;
  setUnit(index: number, value: number): void;
  setVector(values: readonly number[]): void;
  setGenerator(spec: VectorSpec): void;
  setModel(model: MaskModel): void;
  setKept(kept: number): void;
  setCompensation(compensation: Compensation): void;
  toggleCompared(compensation: Compensation): void;
  setMethod(method: Method | 'auto'): void;
  setSamples(samples: number): void;
  setSeed(seed: number): void;
  setBins(bins: number): void;
  toggleMaskUnit(index: number): void;
  /** Chooses a whole mask (one 0/1 per unit). */
  setMask(mask: readonly (0 | 1)[]): void;
  setWeightsSeed(seed: number): void;
  openSection(section: SectionId | null): void;
  setShowData(showData: boolean): void;
  setTheme(theme: Theme): void;
  /** Changes the training experiment (invalid values are ignored; at least one scheme stays). */
  setTraining(patch: Partial<TrainingSettings>): void;
  applyPreset(id: string): void;
  /** Replaces the whole base state (after the caller validated it, e.g. from a link). */
  load(state: ExplorerState): void;
}

export type ExplorerStore = StoreApi<ExplorerState & ExplorerActions>;

/**
 * The group of controls each verb belongs to (null: always allowed). A verb of a locked or hidden
 * group does nothing, whichever control calls it: a class link's restrictions hold everywhere.
 */
export const ACTION_GROUPS: Readonly<Record<keyof ExplorerActions, ControlGroup | null>> = {
  setKeep: 'keep',
  setKept: 'keep',
  setNotation: 'notation',
  setUnit: 'vector',
  setVector: 'vector',
  setGenerator: 'vector',
  setModel: 'model',
  setCompensation: 'comp',
  toggleCompared: 'comp',
  setMethod: 'method',
  setSamples: 'method',
  setSeed: 'method',
  setBins: 'method',
  setWeightsSeed: 'method',
  toggleMaskUnit: 'mask',
  setMask: 'mask',
  applyPreset: 'presets',
  openSection: null,
  setShowData: null,
  setTheme: null,
  setTraining: null,
  load: null,
};

/** Wraps each verb so it does nothing while its group is locked or hidden. */
function guarded(actions: ExplorerActions, state: () => ExplorerState): ExplorerActions {
  const entries = Object.entries(actions).map(([name, verb]) => {
    const group = ACTION_GROUPS[name as keyof ExplorerActions];
    if (group === null) return [name, verb];
    return [
      name,
      (...args: unknown[]) => {
        if (controlAccess(state(), group) === 'free') (verb as (...a: unknown[]) => void)(...args);
      },
    ];
  });
  return Object.fromEntries(entries) as unknown as ExplorerActions;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

const isSeed = (seed: number) => Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;

/** A mask that fits n units, or null. */
function maskFor(mask: ExplorerState['mask'], units: number): ExplorerState['mask'] {
  return mask !== null && mask.length === units ? mask : null;
}

/** One vanilla store per page; main.tsx creates it with the state read from the URL. */
export function createExplorerStore(initial: ExplorerState = SEED_STATE): ExplorerStore {
  return createStore<ExplorerState & ExplorerActions>()((set, get) => {
    /** The whole state after a patch, with one q under the fixed model (withOneKeep). */
    const settle = (patch: Partial<ExplorerState>): ExplorerState => {
      const next = { ...get(), ...patch };
      return withOneKeep(next, selectUnits(next));
    };
    /** Every change the reader makes leaves the preset it came from. */
    const change = (patch: Partial<ExplorerState>) => set(settle({ ...patch, preset: null }));
    const setValues = (values: readonly number[]) => {
      const units = values.length;
      change({ source: { kind: 'explicit', values }, mask: maskFor(get().mask, units) });
    };
    const actions: ExplorerActions = {
      setKeep(keep) {
        if (!Number.isFinite(keep)) return;
        const q = clamp(keep, MIN_KEEP, MAX_KEEP);
        // Under the fixed model the keep control moves k, the nearest count to q·n.
        if (maskModel(get().model).keepFromCount) change({ kept: keptFor(null, q, selectUnits(get())) });
        else change({ keep: q });
      },
      setNotation(notation) {
        set({ notation });
      },
      setUnit(index, value) {
        const state = get();
        const vector = selectVector(state);
        if (!Number.isFinite(value) || !Number.isInteger(index) || index < 0 || index >= vector.length) return;
        if (vector.length > MAX_EXPLICIT_UNITS) return;
        const values = vector.slice();
        // + 0 turns −0 into 0, so the state never holds a negative zero.
        const clamped = clamp(value, -MAX_ABS_UNIT_VALUE, MAX_ABS_UNIT_VALUE) + 0;
        // Too small to square (explorerState.ts): the unit becomes 0.
        values[index] = Math.abs(clamped) < MIN_ABS_UNIT_VALUE ? 0 : clamped;
        setValues(values);
      },
      setVector(values) {
        if (values.length < 1 || values.length > MAX_EXPLICIT_UNITS) return;
        if (lengthFixed(get()) && values.length !== selectUnits(get())) return;
        if (!values.every((v) => Number.isFinite(v) && Math.abs(v) <= MAX_ABS_UNIT_VALUE && (v === 0 || Math.abs(v) >= MIN_ABS_UNIT_VALUE))) return;
        setValues(values.map((v) => v + 0));
      },
      setGenerator(spec) {
        if (lengthFixed(get()) && spec.units !== selectUnits(get())) return;
        change({ source: { kind: 'generated', spec }, mask: maskFor(get().mask, spec.units) });
      },
      setModel(model) {
        // Into the fixed model from another: k is the count nearest to the q the reader had.
        const fromOther = maskModel(model).keepFromCount && !maskModel(get().model).keepFromCount;
        change(fromOther ? { model, kept: keptFor(null, get().keep, selectUnits(get())) } : { model });
      },
      setKept(kept) {
        const n = selectUnits(get());
        if (Number.isInteger(kept) && kept >= minKept(n) && kept <= n) change({ kept });
      },
      setCompensation(compensation) {
        change({ compensation });
      },
      toggleCompared(compensation) {
        const compared = get().compared;
        const next = compared.includes(compensation)
          ? compared.filter((c) => c !== compensation)
          : [...compared, compensation];
        if (next.length > 0) change({ compared: next });
      },
      setMethod(method) {
        change({ method });
      },
      setSamples(samples) {
        if (Number.isFinite(samples)) change({ samples: Math.round(clamp(samples, MIN_SAMPLES, MAX_SAMPLES)) });
      },
      setSeed(seed) {
        if (isSeed(seed)) change({ seed });
      },
      setBins(bins) {
        if (Number.isFinite(bins)) change({ bins: Math.round(clamp(bins, MIN_BINS, MAX_BINS)) });
      },
      toggleMaskUnit(index) {
        const n = selectUnits(get());
        if (!Number.isInteger(index) || index < 0 || index >= n) return;
        const mask = get().mask ?? new Array<0 | 1>(n).fill(1);
        change({ mask: mask.map((bit, i) => (i === index ? ((1 - bit) as 0 | 1) : bit)) });
      },
      setMask(mask) {
        if (mask.length === selectUnits(get()) && mask.every((bit) => bit === 0 || bit === 1)) change({ mask: [...mask] });
      },
      setWeightsSeed(weightsSeed) {
        if (isSeed(weightsSeed)) change({ weightsSeed });
      },
      openSection(section) {
        set({ section });
      },
      setShowData(showData) {
        set({ showData });
      },
      setTheme(theme) {
        set({ theme });
      },
      setTraining(patch) {
        const next = validTraining({ ...get().training, ...patch });
        if (next !== null) set({ training: next });
      },
      applyPreset(id) {
        const preset = PRESETS.find((p) => p.id === id);
        if (preset !== undefined) {
          set(settle({ ...preset.state, ...displayFields(get()) }));
        }
      },
      load(state) {
        set(withOneKeep({ ...state }, selectUnits(state)));
      },
    };
    return { ...withOneKeep(initial, selectUnits(initial)), ...guarded(actions, get) };
  });
}
