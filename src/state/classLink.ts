/**
 * What an instructor's class link can restrict: groups of controls that are locked (shown, not
 * changeable) or hidden, and a "predict, then reveal" target whose numbers stay hidden until the
 * student commits a guess. These are display fields: they say how to show the page, not what it computes.
 */
import { maskModel, type MaskModel } from '../math/index.ts';

/** The groups of controls a class link can lock or hide, in the order they are written in a link. */
export const CONTROL_GROUPS = ['vector', 'keep', 'model', 'comp', 'method', 'mask', 'notation', 'presets'] as const;
export type ControlGroup = (typeof CONTROL_GROUPS)[number];

/** What the reader may do with a group of controls. */
export type ControlAccess = 'free' | 'locked' | 'hidden';

export interface ControlGroupInfo {
  /** Short name, for the builder and the notice ("Keep probability"). */
  readonly label: string;
  /** Which controls the group holds, in words. */
  readonly holds: string;
  /** The group in a sentence ("fixes the keep probability"). */
  readonly noun: string;
}

export const CONTROL_GROUP_INFO: Readonly<Record<ControlGroup, ControlGroupInfo>> = {
  vector: { label: 'Activations x', holds: 'unit sliders, draggable bars, the generator, the paste box and n', noun: 'the activations x' },
  keep: {
    label: 'Keep probability',
    holds: 'the keep/drop slider, the draggable rate in the text and the kept count k',
    noun: 'the keep probability',
  },
  model: { label: 'Mask model', holds: 'Bernoulli, fixed count or DropConnect', noun: 'the mask model' },
  comp: { label: 'Compensation', holds: 'the compensation and the ones compared side by side', noun: 'the compensation' },
  method: { label: 'Computation', holds: 'method, sample count, seeds and histogram bins', noun: 'the computation settings' },
  mask: { label: 'Chosen mask', holds: 'the single mask shown in the question and the mask table; locking it also fixes n', noun: 'the chosen mask' },
  notation: { label: 'Notation', holds: 'keep probability q or drop rate p', noun: 'the notation' },
  presets: { label: 'Presets', holds: 'the preset buttons', noun: 'the presets' },
};

/** Groups whose values a preset overwrites: while any of them is restricted, presets are locked too. */
const PRESET_FIELDS: readonly ControlGroup[] = ['vector', 'keep', 'model', 'comp', 'method', 'mask'];

export interface Restrictions {
  readonly locked: readonly ControlGroup[];
  readonly hidden: readonly ControlGroup[];
}

/** The reader's access to a group: hidden wins over locked; presets follow the groups they would change. */
export function controlAccess(restrictions: Restrictions, group: ControlGroup): ControlAccess {
  if (restrictions.hidden.includes(group)) return 'hidden';
  if (restrictions.locked.includes(group)) return 'locked';
  if (group === 'presets' && PRESET_FIELDS.some((g) => controlAccess(restrictions, g) !== 'free')) return 'locked';
  return 'free';
}

/**
 * True when the number of units may not change, though the values may: a restricted mask has one
 * bit per unit, and a restricted kept count k fixes q = k/n only while n stays.
 */
export function lengthFixed(state: Restrictions & { readonly model: MaskModel }): boolean {
  return controlAccess(state, 'mask') !== 'free' || (maskModel(state.model).keepFromCount && controlAccess(state, 'keep') !== 'free');
}

/** True when the link restricts anything (the page then offers a link without the restrictions). */
export function isRestricted(restrictions: Restrictions): boolean {
  return restrictions.locked.length > 0 || restrictions.hidden.length > 0;
}

/** Groups in link order, each once, and none locked that is also hidden. */
export function normalizeRestrictions(locked: readonly ControlGroup[], hidden: readonly ControlGroup[]): Restrictions {
  const hiddenSet = new Set(hidden);
  return {
    locked: CONTROL_GROUPS.filter((g) => locked.includes(g) && !hiddenSet.has(g)),
    hidden: CONTROL_GROUPS.filter((g) => hiddenSet.has(g)),
  };
}

/** The numbers a "predict, then reveal" link asks the student to guess before it shows them. */
export const PREDICT_TARGETS = ['mean', 'rms', 'above', 'sd'] as const;
export type PredictTarget = (typeof PREDICT_TARGETS)[number];
