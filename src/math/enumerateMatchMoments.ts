/**
 * E[y], E[z] and Var z for per-sample norm matching, y = ‖x‖·(m⊙x)/‖m⊙x‖ (y = 0 when m⊙x = 0),
 * z = w·y, by visiting every mask with positive mass: the moments that have no closed form under
 * the fixed-count model. With a_i = (x_i/L)², L = max|x_i|, S = Σ m_i a_i and D = Σ m_i w_i x_i/L:
 *   E[y_i] = ‖x‖·(x_i/L)·E[m_i/√S; S > 0],   E[z²] = ‖x‖²·E[D²/S; S > 0].
 * S is summed directly for each mask (not along a Gray code), so tiny entries are never lost to a
 * grid; per-unit sums are added per block and the blocks Neumaier-summed.
 */
import { addCompensated } from './compensatedSum.ts';
import type { MaskLaw } from './maskLaw.ts';
import type { AnalysisProgress } from './types.ts';
import { progressReport, spend, type WorkBudget } from './workBudget.ts';

const BLOCK = 4096;

export interface MatchMoments {
  readonly meanVector: number[];
  readonly downstreamMean: number;
  readonly downstreamVariance: number;
}

/** Number of set bits of a 32-bit integer. */
function bitCount(v: number): number {
  let c = v - ((v >>> 1) & 0x55555555);
  c = (c & 0x33333333) + ((c >>> 2) & 0x33333333);
  return (Math.imul((c + (c >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function* enumerateMatchMoments(
  x: readonly number[],
  w: readonly number[],
  law: MaskLaw,
  norm: number,
  budget: WorkBudget,
): Generator<AnalysisProgress, MatchMoments, void> {
  const n = x.length;
  let largest = 0;
  for (const v of x) largest = Math.max(largest, Math.abs(v));
  const unit = largest > 0 ? largest : 1;
  const shares = Float64Array.from(x, (v) => (v / unit) ** 2);
  const products = Float64Array.from(x, (v, i) => (w[i] ?? 0) * (v / unit));
  // Slots 0 … n−1: Σ mass·m_i/√S; slot n: Σ mass·D²/S.
  const block = new Float64Array(n + 1);
  const totals = new Float64Array(n + 1);
  const errors = new Float64Array(n + 1);
  const masks = 2 ** n;
  for (let start = 0; start < masks; start += BLOCK) {
    if (budget.remaining <= 0) yield progressReport(budget);
    const end = Math.min(masks, start + BLOCK);
    let work = end - start;
    for (let r = start; r < end; r++) {
      const mass = law.maskMass[bitCount(r)]!;
      if (mass === 0) continue;
      let sum = 0;
      let dot = 0;
      for (let bits = r; bits !== 0; bits &= bits - 1) {
        const i = 31 - Math.clz32(bits & -bits);
        sum += shares[i]!;
        dot += products[i]!;
      }
      if (sum === 0) continue;
      const weight = mass / Math.sqrt(sum);
      for (let bits = r; bits !== 0; bits &= bits - 1) {
        const i = 31 - Math.clz32(bits & -bits);
        block[i] = block[i]! + weight;
      }
      block[n] = block[n]! + (mass * dot * dot) / sum;
      work += n;
    }
    for (let i = 0; i <= n; i++) {
      addCompensated(totals, errors, i, block[i]!);
      block[i] = 0;
    }
    spend(budget, work / 2);
  }
  const meanOf = (i: number): number => (totals[i]! + errors[i]!) / law.totalMass;
  const meanVector = Array.from(x, (v, i) => (v === 0 ? 0 : norm * (v / unit) * meanOf(i)));
  let downstreamMean = 0;
  for (let i = 0; i < n; i++) downstreamMean += (w[i] ?? 0) * meanVector[i]!;
  const secondMoment = norm * norm * meanOf(n);
  return { meanVector, downstreamMean, downstreamVariance: Math.max(0, secondMoment - downstreamMean * downstreamMean) };
}
