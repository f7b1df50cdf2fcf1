/**
 * What the reader chooses for the training experiment ("Does it matter in training?"): the keep
 * probability, the schemes, the data set, the hidden width, the epochs, the seed and how many seeds.
 * Pure data (no TensorFlow.js), so the state, the URL codec and the page can read it without loading
 * the network code. The schemes are defined in docs/mathematics.md#dropout-schemes-in-training.
 */

/** The dropout schemes trained side by side. */
export const TRAINING_SCHEMES = ['none', 'inverted', 'paper', 'sqrt', 'match', 'matchStop', 'constant'] as const;
export type TrainingScheme = (typeof TRAINING_SCHEMES)[number];

/** Short names for legends, tables and the command line. */
export const SCHEME_LABELS: { readonly [s in TrainingScheme]: string } = {
  none: 'no dropout',
  inverted: 'inverted ×1/q',
  paper: '2014 paper (×q at test)',
  sqrt: '×1/√q',
  match: 'norm matching',
  matchStop: 'norm matching, stopped gradient',
  constant: 'constant c*',
};

/** One sentence per scheme: what it does in training and at test time. */
export const SCHEME_DEFINITIONS: { readonly [s in TrainingScheme]: string } = {
  none: 'no mask in training; y = h at test',
  inverted: 'y = m⊙h/q in training; y = h at test',
  paper: 'y = m⊙h in training; y = q·h at test',
  sqrt: 'y = m⊙h/√q in training; y = h at test',
  match: 'y = m⊙h·‖h‖/‖m⊙h‖ in training, gradient through the scale; y = h at test',
  matchStop: 'y = m⊙h·‖h‖/‖m⊙h‖ in training, the scale a constant for the gradient; y = h at test',
  constant: 'y = c*·m⊙h with c* = ‖h‖/E‖m⊙h‖ per sample (a constant for the gradient); y = h at test',
};

export const DATA_SETS = ['spirals', 'moons'] as const;
export type DataSetKind = (typeof DATA_SETS)[number];

export interface TrainingSettings {
  /** Keep probability q of both hidden layers' dropout. */
  readonly keep: number;
  /** The schemes trained (at least one), in TRAINING_SCHEMES order. */
  readonly schemes: readonly TrainingScheme[];
  readonly data: DataSetKind;
  /** Units of each of the two hidden layers. */
  readonly width: number;
  readonly epochs: number;
  /** Seed of the data set, the initial weights, the mini-batches and the masks. */
  readonly seed: number;
  /** 1: curves of one seed; 5: also the final numbers over seeds seed … seed + 4, mean ± sd. */
  readonly seeds: 1 | 5;
}

export const TRAINING_LIMITS = {
  keep: { min: 0.05, max: 1 },
  width: { min: 4, max: 128 },
  epochs: { min: 1, max: 500 },
  seed: { min: 0, max: 4294967295 },
} as const;

export const SEED_COUNTS: readonly (1 | 5)[] = [1, 5];

/**
 * The default experiment: small enough that all seven schemes train in well under a minute in a
 * browser on a 2-core machine. q = 0.8, not the question's ½: with 32 units per layer and 60 epochs,
 * q = ½ makes every dropout scheme underfit this small data set, which hides the differences.
 */
export const DEFAULT_TRAINING: TrainingSettings = {
  keep: 0.8,
  schemes: TRAINING_SCHEMES,
  data: 'spirals',
  width: 32,
  epochs: 60,
  seed: 1,
  seeds: 1,
};

/** The schemes in canonical order, without repeats. */
export function orderedSchemes(schemes: readonly TrainingScheme[]): TrainingScheme[] {
  return TRAINING_SCHEMES.filter((s) => schemes.includes(s));
}

const within = (value: number, { min, max }: { readonly min: number; readonly max: number }) =>
  Number.isFinite(value) && value >= min && value <= max;

/** The settings if every field is valid (schemes put in order), else null. */
export function validTraining(settings: TrainingSettings): TrainingSettings | null {
  const { keep, schemes, data, width, epochs, seed, seeds } = settings;
  const ordered = orderedSchemes(schemes);
  const ok =
    within(keep, TRAINING_LIMITS.keep) &&
    ordered.length > 0 &&
    ordered.length === schemes.length &&
    DATA_SETS.includes(data) &&
    Number.isInteger(width) && within(width, TRAINING_LIMITS.width) &&
    Number.isInteger(epochs) && within(epochs, TRAINING_LIMITS.epochs) &&
    Number.isInteger(seed) && within(seed, TRAINING_LIMITS.seed) &&
    SEED_COUNTS.includes(seeds);
  return ok ? { ...settings, schemes: ordered } : null;
}

/** Side of the grid of decision-region probabilities, over [−GRID_EXTENT, GRID_EXTENT]². */
export const GRID_SIDE = 36;
export const GRID_EXTENT = 1.6;
