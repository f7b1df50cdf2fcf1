/**
 * The analysis for the unit models (Bernoulli and fixed count): closed forms wherever they exist
 * (closedForms.ts), the exact law of ‖y‖ by the chosen method (unitDistribution.ts), enumeration of
 * the fixed model's per-sample-matched moments (enumerateMatchMoments.ts), and sampling (sample.ts)
 * for whatever is left. Each number keeps the method that produced it.
 */
import { unitLawKind } from './maskModels.ts';
import { AUTO_ENUMERATE_UNITS, FIXED_CLOSED_FORM_LIMIT, type ResolvedRequest } from './analysisPlan.ts';
import { closedForms, type ClosedForms } from './closedForms.ts';
import { isPerSample, scalarScale } from './compensations.ts';
import { enumerateMatchMoments, type MatchMoments } from './enumerateMatchMoments.ts';
import { normalisedSquares } from './expectedNorm.ts';
import { toGridUnits } from './gridUnits.ts';
import { maskLaw } from './maskLaw.ts';
import { normMap } from './normThresholds.ts';
import { createSampler, type SampleSummary } from './sample.ts';
import { runSampler } from './sampleRun.ts';
import { MAX_ENUMERATE_UNITS, type AnalysisProgress, type AnalysisResult, type Estimate } from './types.ts';
import { exactLaw, type ExactLaw } from './unitDistribution.ts';
import { unitResult } from './unitResult.ts';
import type { WorkBudget } from './workBudget.ts';
import { mapEstimate } from './analysisEstimates.ts';

/** What is known without masks: ‖x‖, n_eff, P0, and the closed forms when they are affordable. */
export interface UnitFacts {
  readonly closed: ClosedForms | null;
  readonly norm: number;
  readonly nEff: number;
  readonly pAllDropped: number;
}

/** C(zeros, k)/C(n, k) = Π_{j<k} (zeros − j)/(n − j). */
function fixedAllDropped(units: number, zeros: number, kept: number): number {
  let p = 1;
  for (let j = 0; j < kept && p > 0; j++) p *= Math.max(0, zeros - j) / (units - j);
  return p;
}

export function unitFacts(r: ResolvedRequest): UnitFacts {
  const model = unitLawKind(r.model);
  const affordable = r.kept === null || r.n * r.kept <= FIXED_CLOSED_FORM_LIMIT;
  if (affordable) {
    const closed = closedForms({
      x: r.x,
      keep: r.keep,
      model,
      ...(r.kept === null ? {} : { kept: r.kept }),
      compensation: r.compensation,
      downstream: r.downstream,
    });
    return { closed, norm: closed.norm, nEff: closed.nEff, pAllDropped: closed.pAllDropped };
  }
  const { norm, shares } = normalisedSquares(r.x);
  let sumShares2 = 0;
  for (const share of shares) sumShares2 += share * share;
  return {
    closed: null,
    norm,
    nEff: norm === 0 ? 0 : 1 / sumShares2,
    pAllDropped: fixedAllDropped(r.n, r.n - shares.length, r.kept ?? 0),
  };
}

/** What the sampled part produced: the summary, and c* when it had to be estimated. */
export interface SampledPart {
  readonly summary: SampleSummary;
  /** E‖m⊙x‖ and c* from a pilot run without compensation (only when no closed form was affordable). */
  readonly maskedNorm: Estimate | null;
  readonly constantScale: Estimate | null;
}

function* sampledPart(
  r: ResolvedRequest,
  facts: UnitFacts,
  budget: WorkBudget,
  onPartial: (sampled: () => SampledPart) => void,
): Generator<AnalysisProgress, SampledPart, void> {
  const base = {
    x: r.x,
    keep: r.keep,
    model: r.model,
    ...(r.kept === null ? {} : { kept: r.kept }),
    downstream: r.downstream,
    seed: r.seed,
    edges: r.edges,
  };
  let maskedNorm: Estimate | null = null;
  let constantScale: Estimate | null = null;
  let scaleForSampler = facts.closed?.constantScale ?? Number.NaN;
  if (facts.closed === null) {
    const pilot = createSampler({ ...base, compensation: 'none', constantScale: 1 });
    const pilotSummary = yield* runSampler(pilot, r.samples, r.n, budget);
    maskedNorm = pilotSummary.meanNorm;
    const m = maskedNorm.value;
    constantScale = mapEstimate(maskedNorm, (v) => (v > 0 ? facts.norm / v : 1 / r.keep), m > 0 ? facts.norm / (m * m) : 0);
    scaleForSampler = constantScale.value;
  }
  const sampler = createSampler({ ...base, compensation: r.compensation, constantScale: scaleForSampler });
  onPartial(() => ({ summary: sampler.summary(), maskedNorm, constantScale }));
  const summary = yield* runSampler(sampler, r.samples, r.n, budget);
  return { summary, maskedNorm, constantScale };
}

export function* analyzeUnits(r: ResolvedRequest, budget: WorkBudget): Generator<AnalysisProgress, AnalysisResult, void> {
  const facts = unitFacts(r);
  const method = r.method;
  // Per-sample: null; c* without a closed form: NaN until the sampler estimates it.
  const scale = isPerSample(r.compensation)
    ? null
    : facts.closed !== null
      ? facts.closed.scale
      : scalarScale(r.compensation, r.keep, Number.NaN);
  let law: ExactLaw | null = null;
  let matchMoments: MatchMoments | null = null;
  let partialHistogram: (() => number[]) | null = null;
  let partialSampled: (() => SampledPart) | null = null;
  budget.partial = () =>
    unitResult({
      r, facts, method, law, matchMoments, scale, complete: false,
      sampled: partialSampled === null ? null : partialSampled(),
      partialHistogram: partialHistogram === null ? null : partialHistogram(),
    });
  if (method !== 'sample' && (scale === null || Number.isFinite(scale))) {
    const grid = toGridUnits(r.x, scale === null);
    law = yield* exactLaw(
      {
        grid,
        law: maskLaw(r.n, r.keep, r.kept),
        map: normMap(grid, scale, facts.norm),
        norm: facts.norm,
        edges: r.edges,
        keep: r.keep,
        kept: r.kept,
        pAllDropped: facts.pAllDropped,
      },
      method,
      budget,
      (probabilities) => (partialHistogram = probabilities),
    );
    partialHistogram = null;
  }
  const matchWithoutClosedForm = isPerSample(r.compensation) && facts.closed?.meanVector == null;
  const enumerable = r.n <= (method === 'enumerate' ? MAX_ENUMERATE_UNITS : AUTO_ENUMERATE_UNITS);
  if (matchWithoutClosedForm && method !== 'sample' && enumerable) {
    matchMoments = yield* enumerateMatchMoments(r.x, r.downstream, maskLaw(r.n, r.keep, r.kept), facts.norm, budget);
  }
  const needSampling = law === null || facts.closed === null || (matchWithoutClosedForm && matchMoments === null);
  const sampled = needSampling
    ? yield* sampledPart(r, facts, budget, (get) => (partialSampled = get))
    : null;
  return unitResult({ r, facts, method, law, matchMoments, sampled, scale, complete: true, partialHistogram: null });
}
