/**
 * The slow, obviously correct law of y = s(m)·(m⊙x) and z = w·y, for tests only: every mask as a
 * list of bits, its probability written out (q^k (1−q)^(n−k), or 1/C(n, k) for the k-subsets),
 * the scale of each compensation from its definition. Tests check the mean kernel against this.
 */
import type { Compensation } from './types.ts';

export interface BruteUnitLawInput {
  readonly x: readonly number[];
  readonly w: readonly number[];
  readonly keep: number;
  /** null for Bernoulli masks, else exactly this many kept (q = kept/n). */
  readonly kept: number | null;
  readonly compensation: Compensation;
}

export interface BruteMask {
  readonly probability: number;
  readonly y: readonly number[];
  readonly z: number;
}

export interface BruteUnitLaw {
  readonly masks: readonly BruteMask[];
  readonly meanY: readonly number[];
  readonly sdY: readonly number[];
  readonly meanZ: number;
  readonly varZ: number;
}

/** Every mask the model can draw, with y and z, and their moments. */
export function bruteUnitLaw({ x, w, keep, kept, compensation }: BruteUnitLawInput): BruteUnitLaw {
  const n = x.length;
  const q = kept === null ? keep : kept / n;
  const all: { bits: number[]; probability: number }[] = [];
  for (let r = 0; r < 2 ** n; r++) {
    const bits = x.map((_, i) => Math.floor(r / 2 ** i) % 2);
    const count = bits.reduce((a, b) => a + b, 0);
    if (kept !== null && count !== kept) continue;
    all.push({ bits, probability: q ** count * (1 - q) ** (n - count) });
  }
  if (kept !== null) for (const m of all) m.probability = 1 / all.length;
  const lengthOf = (v: readonly number[]) => Math.sqrt(v.reduce((s, a) => s + a * a, 0));
  const norm = lengthOf(x);
  const meanMasked = all.reduce((s, m) => s + m.probability * lengthOf(x.map((v, i) => v * m.bits[i]!)), 0);
  const masks = all.map(({ bits, probability }) => {
    const masked = x.map((v, i) => v * bits[i]!);
    let s: number;
    switch (compensation) {
      case 'inverted':
        s = 1 / q;
        break;
      case 'none':
        s = 1;
        break;
      case 'sqrt':
        s = 1 / Math.sqrt(q);
        break;
      case 'constant':
        s = meanMasked > 0 ? norm / meanMasked : 1 / q;
        break;
      case 'match':
        s = lengthOf(masked) > 0 ? norm / lengthOf(masked) : 0;
        break;
    }
    const y = masked.map((v) => s * v);
    return { probability, y, z: y.reduce((sum, v, i) => sum + v * w[i]!, 0) };
  });
  const meanY = x.map((_, i) => masks.reduce((s, m) => s + m.probability * m.y[i]!, 0));
  const sdY = x.map((_, i) => Math.sqrt(masks.reduce((s, m) => s + m.probability * (m.y[i]! - meanY[i]!) ** 2, 0)));
  const meanZ = masks.reduce((s, m) => s + m.probability * m.z, 0);
  const varZ = masks.reduce((s, m) => s + m.probability * (m.z - meanZ) ** 2, 0);
  return { masks, meanY, sdY, meanZ, varZ };
}
