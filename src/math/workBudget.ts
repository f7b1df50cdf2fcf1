/**
 * Cooperative time slicing without a clock (src/math is deterministic): kernels report work in
 * units of roughly 5 ns of Node time (calibrated per kernel: an enumerated mask is 2 units, a step
 * of the split sweep 1.6, a sampled unit 0.22), and the analysis yields to its caller after
 * STEP_WORK units, about 10 ms. Kernels are called in short chunks (docs/architecture.md#v8-pitfalls, the OSR trap).
 */
import type { AnalysisProgress, AnalysisResult } from './types.ts';

/** Work units between two yields (≈ 10 ms). */
export const STEP_WORK = 2_000_000;
/** Smallest chunk handed to a kernel, so that a nearly spent step still makes progress. */
const MIN_CHUNK = 4096;

/** A resumable computation: advance() does at most about maxWork units and returns what it did. */
export interface ChunkedJob {
  readonly done: boolean;
  advance(maxWork: number): number;
}

export interface WorkBudget {
  /** Units left in the current step. */
  remaining: number;
  /** Units done so far, and the estimate of the total (may grow; the fraction never goes back). */
  done: number;
  estimate: number;
  /** Reported fraction so far. */
  fraction: number;
  /** Steps yielded so far. */
  steps: number;
  /** The result so far, attached to every PARTIAL_EVERY-th progress report. */
  partial: (() => AnalysisResult) | null;
}

/** Progress reports between two partial results. */
export const PARTIAL_EVERY = 4;

export function createWorkBudget(estimate: number): WorkBudget {
  return { remaining: STEP_WORK, done: 0, estimate: Math.max(1, estimate), fraction: 0, steps: 0, partial: null };
}

export function spend(budget: WorkBudget, work: number): void {
  budget.remaining -= work;
  budget.done += work;
}

/** The report at the end of a step; starts the next step. */
export function progressReport(budget: WorkBudget): AnalysisProgress {
  budget.remaining = STEP_WORK;
  budget.steps++;
  budget.fraction = Math.max(budget.fraction, Math.min(0.99, budget.done / budget.estimate));
  const partial = budget.partial !== null && budget.steps % PARTIAL_EVERY === 0 ? budget.partial() : undefined;
  return partial === undefined ? { fraction: budget.fraction } : { fraction: budget.fraction, partial };
}

/** Runs a job to its end, yielding a progress report whenever the step's work is spent. */
export function* drive(job: ChunkedJob, budget: WorkBudget): Generator<AnalysisProgress, void, void> {
  while (!job.done) {
    if (budget.remaining <= 0) yield progressReport(budget);
    spend(budget, job.advance(Math.max(budget.remaining, MIN_CHUNK)));
  }
}
