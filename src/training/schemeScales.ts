/**
 * Every scheme's per-sample arithmetic in plain numbers (docs/mathematics.md#dropout-schemes-in-training):
 * the training output y = s·(m⊙h) with its scale s, and the test-time output t·h. The network
 * (network.ts) uses `perSampleScale` for the schemes whose scale is a constant for the gradient
 * (stopped-gradient norm matching and c*); the mismatch measurement (mismatch.ts) uses all of it.
 */
import { expectedMaskedNorm, vectorNorm } from '../math/index.ts';
import type { TrainingScheme } from './settings.ts';

/**
 * The scale s of one sample's kept values in training. `h` is the layer's activation vector and
 * `m` its keep flags (0 or 1). Norm matching: ‖h‖/‖m⊙h‖, and 0 when every non-zero unit is dropped
 * (the output is then 0, as on the rest of the page). c*: ‖h‖/E‖m⊙h‖ (the exact quadrature), 1
 * when h = 0 (the output is 0 whatever the scale). 'none' applies no mask, so its scale is 1 and
 * `trainingOutput` ignores m.
 */
export function perSampleScale(scheme: TrainingScheme, h: ArrayLike<number>, m: ArrayLike<number>, keep: number): number {
  const scalar = scalarScale(scheme, keep);
  if (scalar !== null) return scalar;
  switch (scheme) {
    case 'match':
    case 'matchStop': {
      let all = 0;
      let kept = 0;
      for (let i = 0; i < h.length; i++) {
        const v = h[i] as number;
        all += v * v;
        kept += (m[i] as number) * v * v;
      }
      return kept > 0 ? Math.sqrt(all / kept) : 0;
    }
    case 'constant': {
      const values = Array.from(h);
      const expected = expectedMaskedNorm(values, keep);
      return expected > 0 ? vectorNorm(values) / expected : 1;
    }
    default:
      throw new Error(`the scheme ${scheme} has one scale for every sample`);
  }
}

/** The factor t of the test-time output t·h: q for the 2014 paper's convention, 1 otherwise. */
export function testFactor(scheme: TrainingScheme, keep: number): number {
  return scheme === 'paper' ? keep : 1;
}

/** Whether the scheme masks at all in training ('none' trains without dropout). */
export function masks(scheme: TrainingScheme): boolean {
  return scheme !== 'none';
}

/** The scale if it is one number for every sample (the closed forms of mismatch.ts need it), else null. */
export function scalarScale(scheme: TrainingScheme, keep: number): number | null {
  switch (scheme) {
    case 'none':
    case 'paper':
      return 1;
    case 'inverted':
      return 1 / keep;
    case 'sqrt':
      return 1 / Math.sqrt(keep);
    case 'match':
    case 'matchStop':
    case 'constant':
      return null;
  }
}

/** y = s·(m⊙h) in training ('none': y = h), written into `out`. */
export function trainingOutput(scheme: TrainingScheme, h: ArrayLike<number>, m: ArrayLike<number>, keep: number, out: Float64Array): void {
  if (!masks(scheme)) {
    for (let i = 0; i < h.length; i++) out[i] = h[i] as number;
    return;
  }
  const s = perSampleScale(scheme, h, m, keep);
  for (let i = 0; i < h.length; i++) out[i] = s * (m[i] as number) * (h[i] as number);
}
