/**
 * The layers section's fixed points: its largest layer and the question's 192-unit layer. Apart from
 * layers.ts (which imports the engine's kernels), so the page can use them without loading the engine.
 */

/** Largest layer the section's size control offers. */
export const MAX_LAYER_UNITS = 4096;

/** The question's 192-unit layer: ‖x‖ = 0.885 at q = ½, where the asker measured ‖y‖ = 1.305. */
export const QUESTION_LAYER = { units: 192, norm: 0.885, keep: 0.5, measured: 1.305 } as const;

/** Whether (x, q) is the question's layer: 192 units, ‖x‖ = 0.885 (to its three decimals), q = ½. */
export function isQuestionLayer(x: readonly number[], keep: number): boolean {
  if (x.length !== QUESTION_LAYER.units || keep !== QUESTION_LAYER.keep) return false;
  const norm = Math.sqrt(x.reduce((s, v) => s + v * v, 0));
  return Math.abs(norm - QUESTION_LAYER.norm) < 5e-4;
}
