/**
 * Runs helper B's sampler (sample.ts) inside the analysis's time slices: chunks sized from the work
 * budget (one sampled unit ≈ SAMPLE_WORK_PER_UNIT), so each kernel call stays short, and the summary
 * so far offered for partial results. The summary depends only on the total count (sample.ts).
 */
import type { Sampler, SampleSummary } from './sample.ts';
import type { AnalysisProgress } from './types.ts';
import { progressReport, spend, type WorkBudget } from './workBudget.ts';

/** Work units per unit (or weight) of one sampled mask, plus a fixed cost per sample. */
export const SAMPLE_WORK_PER_UNIT = 0.22;
const SAMPLE_WORK_FIXED = 2;

/** Work units of `count` samples over `bits` mask entries. */
export function sampleWork(count: number, bits: number): number {
  return count * (bits * SAMPLE_WORK_PER_UNIT + SAMPLE_WORK_FIXED);
}

export function* runSampler(
  sampler: Sampler,
  count: number,
  bits: number,
  budget: WorkBudget,
): Generator<AnalysisProgress, SampleSummary, void> {
  const perSample = sampleWork(1, bits);
  while (sampler.samples < count) {
    if (budget.remaining <= 0) yield progressReport(budget);
    const chunk = Math.min(count - sampler.samples, Math.max(64, Math.ceil(budget.remaining / perSample)));
    sampler.run(chunk);
    spend(budget, chunk * perSample);
  }
  return sampler.summary();
}
