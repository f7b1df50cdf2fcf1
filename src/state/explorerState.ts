/**
 * The base state of the explorer: only what the reader chose. Everything computed from it
 * (the vector of a generator spec, masks, norms, histograms, formulas) is a selector or a worker
 * result, never stored here.
 */
import type { Compensation, MaskModel, Method, VectorSpec } from '../math/index.ts';
import type { ControlGroup, PredictTarget } from './classLink.ts';
import { DEFAULT_TRAINING, type TrainingSettings } from '../training/settings.ts';

/** Whether the page speaks of the keep probability q or the drop rate p = 1 − q. */
export type Notation = 'keep' | 'drop';

/** The activations x: typed in (and edited unit by unit) or drawn by a seeded generator. */
export type VectorSource =
  | { readonly kind: 'explicit'; readonly values: readonly number[] }
  | { readonly kind: 'generated'; readonly spec: VectorSpec };

/** The explainer's sections, in page order (ids are deep links: #masks, ?section=masks). */
export const SECTION_IDS = [
  'question', 'masks', 'mean', 'norm', 'layers', 'rescaling', 'training', 'dropconnect', 'notation', 'mistakes',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** What the reader chose. */
export interface ExplorerState {
  readonly source: VectorSource;
  /** The keep probability q ∈ [MIN_KEEP, 1]; the drop rate is 1 − q. Bernoulli and DropConnect. */
  readonly keep: number;
  readonly notation: Notation;
  readonly model: MaskModel;
  /** k for the fixed-count model; null means round(q·n). */
  readonly kept: number | null;
  readonly compensation: Compensation;
  /** The compensations shown side by side (always includes at least one). */
  readonly compared: readonly Compensation[];
  /** A forced method, or 'auto' to let the engine choose the most exact feasible one. */
  readonly method: Method | 'auto';
  /** Monte Carlo sample count and seed (also seeds the downstream weights when weightsSeed is null). */
  readonly samples: number;
  readonly seed: number;
  /** Histogram bins of ‖y‖. */
  readonly bins: number;
  /** The mask of the single-mask view (n ≤ MAX_MASK_UNITS), or null for none chosen. */
  readonly mask: readonly (0 | 1)[] | null;
  /** Seed of the downstream weights w (and DropConnect's W). */
  readonly weightsSeed: number;
  /** An observed value of ‖y‖ to mark on the histogram (e.g. the question's measured 1.305). */
  readonly reference: number | null;
  /** The preset the state came from, while it is unchanged (shows its caption). */
  readonly preset: string | null;
  /** The section the reader has open (deep link), or null. */
  readonly section: SectionId | null;
  /** Display flag: show each figure's data table. */
  readonly showData: boolean;
  /** Embedded in course notes: show just this section (or 'all' sections) without page chrome. */
  readonly embed: SectionId | 'all' | null;
  /** Colour theme: follow the system setting, or the reader's choice. */
  readonly theme: Theme;
  /** Class link: groups of controls shown but not changeable (see classLink.ts). */
  readonly locked: readonly ControlGroup[];
  /** Class link: groups of controls not shown at all. */
  readonly hidden: readonly ControlGroup[];
  /** Class link: the number the student predicts before the page shows its numbers, or null. */
  readonly predict: PredictTarget | null;
  /** The training experiment of section "Does it matter in training?" (train.* keys). */
  readonly training: TrainingSettings;
}

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** The fields that say how to show the page, not what it computes (presets keep them as they are). */
export type DisplayFields = Pick<
  ExplorerState,
  'notation' | 'section' | 'showData' | 'embed' | 'theme' | 'locked' | 'hidden' | 'predict' | 'training'
>;

export function displayFields(state: ExplorerState): DisplayFields {
  const { notation, section, showData, embed, theme, locked, hidden, predict, training } = state;
  return { notation, section, showData, embed, theme, locked, hidden, predict, training };
}

export const MIN_KEEP = 0.05;
export const MAX_KEEP = 1;
export const KEEP_STEP = 0.01;

/** Default range of one unit's slider (it widens to show a larger value from a link). */
export const MIN_UNIT_VALUE = -10;
export const MAX_UNIT_VALUE = 10;
export const UNIT_STEP = 0.01;

/** Largest |x_i| the app accepts (keeps every ‖x‖² far from overflow). */
export const MAX_ABS_UNIT_VALUE = 1e6;
/**
 * The smallest size of a non-zero typed entry: below it (1e-310, 5e-324) the squares and fourth
 * powers the sections form underflow; such an entry is read as 0, and the reader is told.
 */
export const MIN_ABS_UNIT_VALUE = 1e-30;

/** Units an explicit vector may have (its link stays a few kilobytes). */
export const MAX_EXPLICIT_UNITS = 512;
/** Units that get one slider each, a mask table and a single-mask view. */
export const MAX_SLIDER_UNITS = 12;
export const MAX_MASK_UNITS = 12;

export const MIN_SAMPLES = 1000;
export const MAX_SAMPLES = 10_000_000;
export const DEFAULT_SAMPLES = 200_000;
export const MIN_BINS = 5;
export const MAX_BINS = 200;
export const DEFAULT_BINS = 40;
export const MAX_SEED = 4294967295;

/** The question's own example: x = (0.1, 0.1, 0.2, 5.0), half the units dropped, mask (0, 0, 1, 1). A link without state opens it. */
export const SEED_STATE: ExplorerState = {
  source: { kind: 'explicit', values: [0.1, 0.1, 0.2, 5.0] },
  keep: 0.5,
  notation: 'keep',
  model: 'bernoulli',
  kept: null,
  compensation: 'inverted',
  compared: ['inverted', 'sqrt', 'match', 'constant'],
  method: 'auto',
  samples: DEFAULT_SAMPLES,
  seed: 1,
  bins: DEFAULT_BINS,
  mask: [0, 0, 1, 1],
  weightsSeed: 1,
  reference: null,
  preset: 'question',
  section: null,
  showData: false,
  embed: null,
  theme: 'system',
  locked: [],
  hidden: [],
  predict: null,
  training: DEFAULT_TRAINING,
};

/** The base state alone, without the store's action functions (for the URL and comparisons). */
export function baseState(state: ExplorerState): ExplorerState {
  const {
    source, keep, notation, model, kept, compensation, compared, method, samples, seed, bins, mask,
    weightsSeed, reference, preset, section, showData, embed, theme, locked, hidden, predict, training,
  } = state;
  return {
    source, keep, notation, model, kept, compensation, compared, method, samples, seed, bins, mask,
    weightsSeed, reference, preset, section, showData, embed, theme, locked, hidden, predict, training,
  };
}
