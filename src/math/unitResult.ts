/**
 * Assembles the AnalysisResult of a unit model from its parts, taking each number from the best
 * source that has it: closed form (or exact enumeration where it visited every mask), then the exact
 * law of ‖y‖, then sampling; numbers not known yet (partial results) are NaN.
 */
import { unitLawKind } from './maskModels.ts';
import { isPerSample } from './compensations.ts';
import { biasOf, closedForm, closedSd, exactEstimate, exactVector, pendingEstimate } from './analysisEstimates.ts';
import type { ResolvedRequest } from './analysisPlan.ts';
import type { SampledPart, UnitFacts } from './analyzeUnits.ts';
import type { MatchMoments } from './enumerateMatchMoments.ts';
import { largestMaskedNorm } from './largestNorm.ts';
import { MAX_LISTED_UNITS, maskRows } from './maskTable.ts';
import { squareNormVariance } from './squareNormVariance.ts';
import type { AnalysisResult, Estimate, HistogramResult, Method, VectorEstimate } from './types.ts';
import type { ExactLaw } from './unitDistribution.ts';

export interface UnitParts {
  readonly r: ResolvedRequest;
  readonly facts: UnitFacts;
  readonly method: Method;
  readonly law: ExactLaw | null;
  readonly matchMoments: MatchMoments | null;
  readonly sampled: SampledPart | null;
  /** s (null for 'match'; NaN for 'constant' while c* is being estimated). */
  readonly scale: number | null;
  readonly complete: boolean;
  /** The histogram so far, while the exact law is being computed. */
  readonly partialHistogram: number[] | null;
}

export function unitResult(p: UnitParts): AnalysisResult {
  const { r, facts, law, matchMoments } = p;
  const closed = facts.closed;
  const summary = p.sampled?.summary ?? null;
  const { norm, pAllDropped } = facts;
  const constantScale = closed !== null ? closedForm(closed.constantScale) : (p.sampled?.constantScale ?? pendingEstimate('sample'));
  // x = 0: every scale gives y = 0, so c* = ‖x‖/E‖m⊙x‖ = 0/0 and n_eff = 0/0 are undefined (NaN).
  const reportedConstant = norm === 0 ? { value: Number.NaN, method: constantScale.method } : constantScale;
  const scale = p.scale !== null && Number.isNaN(p.scale) ? constantScale.value : p.scale;
  const pick = (exact: Estimate | null, sampled: Estimate | undefined, method: Method): Estimate =>
    exact ?? sampled ?? pendingEstimate(method);

  const meanMaskedNorm =
    closed !== null ? closedForm(closed.expectedMaskedNorm) : (p.sampled?.maskedNorm ?? pendingEstimate('sample'));
  const matched = isPerSample(r.compensation);
  const meanNorm = matched
    ? closedForm(norm * (1 - pAllDropped))
    : pick(closed?.meanNorm != null ? closedForm(closed.meanNorm) : null, summary?.meanNorm, 'sample');
  const rmsNorm = pick(
    matched ? closedForm(norm * Math.sqrt(1 - pAllDropped)) : closed !== null ? closedForm(closed.rmsNorm) : null,
    summary?.rmsNorm,
    'sample',
  );
  // sd: the enumerated law's central moment, else the closed form (with its error bound), else sampled.
  const sdNorm: Estimate =
    law?.sdNorm != null && !matched ? exactEstimate(law.sdNorm, law.method)
    : closed !== null ? closedSd(closed.sdNorm, closed.sdNormBound)
    : (summary?.sdNorm ?? pendingEstimate('sample'));

  let histogram: HistogramResult;
  if (law !== null) histogram = { edges: r.edges, probabilities: law.probabilities, method: law.method };
  else if (p.partialHistogram !== null) histogram = { edges: r.edges, probabilities: p.partialHistogram, method: p.method };
  else if (summary !== null) {
    histogram = { edges: r.edges, probabilities: summary.histogram.probabilities, method: 'sample', standardErrors: summary.histogram.standardErrors };
  } else histogram = { edges: r.edges, probabilities: r.edges.slice(1).map(() => Number.NaN), method: p.method };
  const lawEstimate = (value: number | undefined): Estimate | null =>
    law !== null && value !== undefined ? exactEstimate(value, law.method) : null;

  const meanVector: VectorEstimate =
    closed?.meanVector != null ? exactVector(closed.meanVector, 'closed-form')
    : matchMoments !== null ? exactVector(matchMoments.meanVector, 'enumerate')
    : (summary?.meanVector ?? exactVector(r.x.map(() => Number.NaN), 'sample'));
  const downstreamMean =
    closed?.downstreamMean != null ? closedForm(closed.downstreamMean)
    : matchMoments !== null ? exactEstimate(matchMoments.downstreamMean, 'enumerate') : null;
  const downstreamVariance =
    closed?.downstreamVariance != null ? closedForm(closed.downstreamVariance)
    : matchMoments !== null ? exactEstimate(matchMoments.downstreamVariance, 'enumerate') : null;
  let undropped = 0;
  r.x.forEach((v, i) => (undropped += (r.downstream[i] ?? 0) * v));
  const model = unitLawKind(r.model);
  const scaleKnown = scale === null || Number.isFinite(scale);

  return {
    complete: p.complete,
    n: r.n,
    keep: r.keep,
    ...(r.kept === null ? {} : { kept: r.kept }),
    model: r.model,
    compensation: r.compensation,
    method: law?.method ?? (summary !== null || p.method === 'sample' ? 'sample' : p.method),
    scale,
    norm,
    maxNorm: scale === null ? norm : scale * largestMaskedNorm(r.x, r.kept),
    meanMaskedNorm,
    meanNorm,
    rmsNorm,
    sdNorm,
    ...(scaleKnown ? { varianceSquareNorm: closedForm(squareNormVariance(r.x, r.keep, model, scale, pAllDropped)) } : {}),
    medianNorm: pick(lawEstimate(law?.medianNorm), summary?.medianNorm, p.method),
    ...(law !== null ? { medianUpperNorm: exactEstimate(law.medianUpperNorm, law.method) } : {}),
    pAboveNorm: pick(lawEstimate(law?.pAboveNorm), summary?.pAboveNorm, p.method),
    ...(law !== null ? { pAtNorm: exactEstimate(law.pAtNorm, law.method) } : {}),
    constantScale: reportedConstant,
    meanVector,
    bias: closed?.bias != null ? exactVector(closed.bias, 'closed-form') : biasOf(meanVector, r.x),
    downstream: {
      weights: r.downstream,
      mean: pick(downstreamMean, summary?.downstreamMean, 'sample'),
      variance: pick(downstreamVariance, summary?.downstreamVariance, 'sample'),
      undropped: closed?.undroppedDownstream ?? undropped,
    },
    pAllDropped,
    nEff: norm === 0 ? Number.NaN : facts.nEff,
    histogram,
    ...(r.n <= MAX_LISTED_UNITS
      ? { masks: maskRows({ x: r.x, keep: r.keep, model, ...(r.kept === null ? {} : { kept: r.kept }), compensation: r.compensation, constantScale: constantScale.value }) }
      : {}),
    ...(summary !== null ? { samples: summary.samples, seed: summary.seed } : {}),
  };
}
