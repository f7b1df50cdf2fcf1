import { describe, expect, it } from 'vitest';
import { CONTROL_GROUPS, controlAccess, type ControlGroup } from './classLink.ts';
import { baseState, SEED_STATE, type ExplorerState } from './explorerState.ts';
import { ACTION_GROUPS, createExplorerStore, type ExplorerActions } from './explorerStore.ts';

/** One call of each verb that changes the seed state (x = (0.1, 0.1, 0.2, 5), q = ½, mask 0011). */
const CHANGES: { readonly [K in keyof ExplorerActions]?: (a: ExplorerActions) => void } = {
  setKeep: (a) => a.setKeep(0.8),
  setKept: (a) => a.setKept(3),
  setNotation: (a) => a.setNotation('drop'),
  setUnit: (a) => a.setUnit(0, 2),
  setVector: (a) => a.setVector([1, 2, 3, 4]),
  setGenerator: (a) => a.setGenerator({ kind: 'gauss', units: 4, seed: 3, norm: 1 }),
  setModel: (a) => a.setModel('fixed'),
  setCompensation: (a) => a.setCompensation('sqrt'),
  toggleCompared: (a) => a.toggleCompared('none'),
  setMethod: (a) => a.setMethod('sample'),
  setSamples: (a) => a.setSamples(5000),
  setSeed: (a) => a.setSeed(9),
  setBins: (a) => a.setBins(12),
  setWeightsSeed: (a) => a.setWeightsSeed(4),
  toggleMaskUnit: (a) => a.toggleMaskUnit(0),
  setMask: (a) => a.setMask([1, 1, 1, 1]),
  applyPreset: (a) => a.applyPreset('answer'),
  openSection: (a) => a.openSection('norm'),
  setShowData: (a) => a.setShowData(true),
  setTheme: (a) => a.setTheme('dark'),
  setTraining: (a) => a.setTraining({ keep: 0.5 }),
};

const verbs = Object.keys(ACTION_GROUPS).filter((v) => v !== 'load') as (keyof ExplorerActions)[];

function afterChange(start: ExplorerState, verb: keyof ExplorerActions): ExplorerState {
  const store = createExplorerStore(start);
  const change = CHANGES[verb];
  if (change === undefined) throw new Error(`no test change for ${verb}`);
  change(store.getState());
  return baseState(store.getState());
}

/** The fields each group's controls may change (besides the preset id, which any change clears). */
const GROUP_FIELDS: Readonly<Record<ControlGroup | 'free', readonly (keyof ExplorerState)[]>> = {
  vector: ['source', 'mask'],
  keep: ['keep', 'kept'],
  // Entering the fixed model sets k to the count nearest q·n, and q to k/n (one q per page).
  model: ['model', 'kept', 'keep'],
  comp: ['compensation', 'compared'],
  method: ['method', 'samples', 'seed', 'bins', 'weightsSeed'],
  mask: ['mask'],
  notation: ['notation'],
  presets: ['source', 'keep', 'model', 'kept', 'compensation', 'compared', 'method', 'samples', 'seed', 'bins', 'mask', 'weightsSeed', 'reference'],
  free: ['section', 'showData', 'theme', 'training'],
};

describe('class link restrictions in the store', () => {
  it('has a test change for every verb, and each changes the unrestricted seed state', () => {
    for (const verb of verbs) expect({ verb, state: afterChange(SEED_STATE, verb) }).not.toEqual({ verb, state: SEED_STATE });
  });

  it('files every verb under the group of the fields it changes', () => {
    for (const verb of verbs) {
      const after = afterChange(SEED_STATE, verb);
      const changed = (Object.keys(after) as (keyof ExplorerState)[]).filter(
        (key) => key !== 'preset' && JSON.stringify(after[key]) !== JSON.stringify(SEED_STATE[key]),
      );
      const allowed = GROUP_FIELDS[ACTION_GROUPS[verb] ?? 'free'];
      expect({ verb, outside: changed.filter((key) => !allowed.includes(key)) }).toEqual({ verb, outside: [] });
    }
  });

  it.each(CONTROL_GROUPS.map((g) => [g] as const))('ignores every verb of the group %s while it is locked or hidden', (group: ControlGroup) => {
    const own = verbs.filter((v) => ACTION_GROUPS[v] === group);
    expect(own.length).toBeGreaterThan(0);
    for (const restriction of ['locked', 'hidden'] as const) {
      const start: ExplorerState = { ...SEED_STATE, [restriction]: [group] };
      for (const verb of own) expect({ verb, restriction, state: afterChange(start, verb) }).toEqual({ verb, restriction, state: start });
      // Verbs of other groups still work, except presets, which would overwrite the restricted group.
      const others = verbs.filter((v) => ACTION_GROUPS[v] !== group && !(v === 'applyPreset' && group !== 'notation'));
      for (const verb of others) expect({ verb, state: afterChange(start, verb) }).not.toEqual({ verb, state: start });
    }
  });

  it('locks presets while anything a preset sets is restricted, but not for the notation', () => {
    expect(controlAccess({ locked: ['keep'], hidden: [] }, 'presets')).toBe('locked');
    expect(controlAccess({ locked: [], hidden: ['mask'] }, 'presets')).toBe('locked');
    expect(controlAccess({ locked: ['notation'], hidden: [] }, 'presets')).toBe('free');
    expect(controlAccess({ locked: ['presets'], hidden: ['presets'] }, 'presets')).toBe('hidden');
  });

  it('keeps the restrictions when a preset is applied (they are display fields)', () => {
    const store = createExplorerStore({ ...SEED_STATE, locked: ['notation'], predict: 'mean' });
    store.getState().applyPreset('answer');
    expect(store.getState().preset).toBe('answer');
    expect(store.getState().locked).toEqual(['notation']);
    expect(store.getState().predict).toBe('mean');
  });
});

describe('a class link that fixes the mask or the kept count fixes n too', () => {
  it('keeps the number of units while the mask is locked, but lets the values change', () => {
    const store = createExplorerStore({ ...SEED_STATE, locked: ['mask'] });
    store.getState().setVector([1, 2, 3, 4, 5]);
    store.getState().setGenerator({ kind: 'gauss', units: 8, seed: 3, norm: 1 });
    expect(store.getState().source).toEqual(SEED_STATE.source);
    store.getState().setVector([1, 2, 3, 4]);
    expect(store.getState().source).toEqual({ kind: 'explicit', values: [1, 2, 3, 4] });
    expect(store.getState().mask).toEqual(SEED_STATE.mask);
  });

  it('keeps q = k/n while the kept count is locked under the fixed model', () => {
    const store = createExplorerStore({ ...SEED_STATE, model: 'fixed', kept: 2, locked: ['keep'] });
    store.getState().setVector([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(store.getState().source).toEqual(SEED_STATE.source);
    // Under the Bernoulli model q does not depend on n: the length is free.
    const bernoulli = createExplorerStore({ ...SEED_STATE, locked: ['keep'] });
    bernoulli.getState().setVector([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(bernoulli.getState().source).toEqual({ kind: 'explicit', values: [1, 2, 3, 4, 5, 6, 7, 8] });
  });
});

describe('one q under the fixed model', () => {
  const seedUnits = 4;
  it('keeps keep = k/n through every verb that touches q, k, the model or n', () => {
    const store = createExplorerStore({ ...SEED_STATE, keep: 0.8 });
    store.getState().setModel('fixed');
    expect(store.getState()).toMatchObject({ kept: 3, keep: 3 / seedUnits });
    store.getState().setKeep(0.3);
    expect(store.getState()).toMatchObject({ kept: 1, keep: 1 / seedUnits });
    store.getState().setKept(2);
    expect(store.getState()).toMatchObject({ kept: 2, keep: 0.5 });
    store.getState().setVector([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(store.getState()).toMatchObject({ kept: 2, keep: 2 / 8 });
    store.getState().setVector([1]);
    expect(store.getState()).toMatchObject({ kept: 1, keep: 1 });
  });

  it('gives the accepted answer’s preset q = 2/4 whatever q was before', () => {
    const store = createExplorerStore({ ...SEED_STATE, keep: 0.8 });
    store.getState().applyPreset('answer');
    expect(store.getState()).toMatchObject({ model: 'fixed', kept: 2, keep: 0.5 });
  });

  it('never keeps fewer units than q ≥ 0.05 allows', () => {
    const store = createExplorerStore({ ...SEED_STATE, model: 'fixed', kept: 10 });
    store.getState().setGenerator({ kind: 'gauss', units: 192, seed: 1, norm: 1 });
    store.getState().setKept(1);
    expect(store.getState().kept).toBe(10);
    store.getState().setKeep(0.05);
    expect(store.getState()).toMatchObject({ kept: 10, keep: 10 / 192 });
  });
});
