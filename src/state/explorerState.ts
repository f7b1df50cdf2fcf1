/**
 * The base state of the explorer: only what the reader chose. Everything computed from it
 * (masks, norms, histograms, formulas) is a selector or a worker result, never stored here.
 */

/** What the reader chose. */
export interface ExplorerState {
  /** The activations x, one entry per unit (n = vector.length). */
  readonly vector: readonly number[];
  /** The keep probability q ∈ [MIN_KEEP, 1]; the drop rate is 1 − q. */
  readonly keep: number;
}

/** The question's own example: x = (0.1, 0.1, 0.2, 5.0), half the units dropped. */
export const SEED_STATE: ExplorerState = { vector: [0.1, 0.1, 0.2, 5.0], keep: 0.5 };

/** Bounds of the keep-probability control (q = 0 would divide by zero). */
export const MIN_KEEP = 0.05;
export const MAX_KEEP = 1;
export const KEEP_STEP = 0.01;

/** Default range of one unit's slider (it widens to show a larger value from a link). */
export const MIN_UNIT_VALUE = -10;
export const MAX_UNIT_VALUE = 10;

/** Largest |x_i| the app accepts (keeps every ‖x‖² far from overflow). */
export const MAX_ABS_UNIT_VALUE = 1e6;
export const UNIT_STEP = 0.01;

/** Units a vector may have in this slice (one slider each). */
export const MIN_UNITS = 1;
export const MAX_UNITS = 12;
