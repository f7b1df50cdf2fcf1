/**
 * The analysis for DropConnect, u = s·(M⊙W)x (docs/mathematics.md#dropconnect): exact enumeration of the weight masks
 * when d·n ≤ MAX_ENUMERATE_WEIGHT_BITS (enumerateDropConnect.ts, dropConnectLaw.ts), else sampling
 * (sample.ts). E[u], Var u_j and E‖u‖² have closed forms for every scalar s (dropConnect.ts); E‖u‖,
 * hence c*, has none, so it is enumerated or estimated (a pilot run without compensation when
 * 'constant' needs c* before sampling). The downstream unit is z = u₁ (as in sample.ts).
 */
import { biasOf, closedForm, exactEstimate, exactVector, mapEstimate, pendingEstimate, sdFromMoments } from './analysisEstimates.ts';
import type { ResolvedRequest } from './analysisPlan.ts';
import { dropConnectLargestNorm } from './largestNorm.ts';
import { compensationInfo, isPerSample, scaleFromMean, scalarScale } from './compensations.ts';
import { dropConnectClosedForms, type DropConnectWeights } from './dropConnect.ts';
import { dropConnectLaw, type DropConnectLaw } from './dropConnectLaw.ts';
import { enumerateDropConnect } from './enumerateDropConnect.ts';
import { normalisedSquares } from './expectedNorm.ts';
import { maskLaw } from './maskLaw.ts';
import { createSampler, type SampleSummary } from './sample.ts';
import { runSampler } from './sampleRun.ts';
import type { AnalysisProgress, AnalysisResult, Estimate, HistogramResult, VectorEstimate } from './types.ts';
import { drive, type WorkBudget } from './workBudget.ts';

interface Parts {
  readonly meanMasked: Estimate;
  readonly law: DropConnectLaw | null;
  readonly summary: SampleSummary | null;
  /** Matched moments from the enumeration: E[u] and E[u₁²]. */
  readonly matched: { meanVector: number[]; firstSquare: number } | null;
}

function* enumerated(r: ResolvedRequest, weights: DropConnectWeights, budget: WorkBudget, testNorm: number): Generator<AnalysisProgress, Parts, void> {
  const job = enumerateDropConnect(r.x, weights);
  yield* drive(job, budget);
  const bits = weights.rows * r.n;
  const law = maskLaw(bits, r.keep, null);
  const roots = job.rootSums();
  let meanMasked = 0;
  roots.forEach((sum, k) => (meanMasked += law.maskMass[k]! * sum));
  const c = meanMasked > 0 ? testNorm / meanMasked : 1 / r.keep;
  const s = scalarScale(r.compensation, r.keep, c);
  const toNorm = s === null ? (v: number) => (v > 0 ? testNorm : 0) : (v: number) => s * v;
  let matched: Parts['matched'] = null;
  if (s === null) {
    const { directions, firstSquared } = job.directionSums();
    const meanVector = new Array<number>(weights.rows).fill(0);
    let firstSquare = 0;
    for (let k = 0; k <= bits; k++) {
      const m = law.maskMass[k]!;
      for (let j = 0; j < weights.rows; j++) meanVector[j] = meanVector[j]! + m * testNorm * directions[k * weights.rows + j]!;
      firstSquare += m * testNorm * testNorm * firstSquared[k]!;
    }
    matched = { meanVector, firstSquare };
  }
  return { meanMasked: exactEstimate(meanMasked, 'enumerate'), law: dropConnectLaw(job.norms, law, toNorm, testNorm, r.edges), summary: null, matched };
}

function* sampled(r: ResolvedRequest, weights: DropConnectWeights, budget: WorkBudget, testNorm: number, onPartial: (get: () => Parts) => void): Generator<AnalysisProgress, Parts, void> {
  const base = { x: r.x, keep: r.keep, model: r.model, downstream: r.downstream, weights, seed: r.seed, edges: r.edges };
  const bits = weights.rows * r.n;
  let meanMasked: Estimate | null = null;
  let c = Number.NaN;
  if (compensationInfo(r.compensation).scaleFrom !== 'keep') {
    // c* (and the matched E‖(M⊙W)x‖) need the mean norm first: a pilot run without compensation.
    const pilot = yield* runSampler(createSampler({ ...base, compensation: 'none', constantScale: 1 }), r.samples, bits, budget);
    meanMasked = pilot.meanNorm;
    c = meanMasked.value > 0 ? testNorm / meanMasked.value : 1 / r.keep;
  }
  const sampler = createSampler({ ...base, compensation: r.compensation, constantScale: c });
  const parts = (summary: SampleSummary): Parts => {
    const s = scalarScale(r.compensation, r.keep, c) ?? 1;
    return { meanMasked: meanMasked ?? mapEstimate(summary.meanNorm, (v) => v / s, 1 / s), law: null, summary, matched: null };
  };
  onPartial(() => parts(sampler.summary()));
  return parts(yield* runSampler(sampler, r.samples, bits, budget));
}

export function* analyzeDropConnect(r: ResolvedRequest, budget: WorkBudget): Generator<AnalysisProgress, AnalysisResult, void> {
  const weights = r.weights!;
  const test = dropConnectClosedForms({ x: r.x, weights, keep: r.keep, compensation: 'none' });
  const testNorm = test.testNorm;
  let partial: (() => Parts) | null = null;
  const initial: Parts = { meanMasked: pendingEstimate(r.method), law: null, summary: null, matched: null };
  budget.partial = () => dropConnectResult(r, weights, test.testOutput, partial === null ? initial : partial(), false);
  const parts =
    r.method === 'enumerate'
      ? yield* enumerated(r, weights, budget, testNorm)
      : yield* sampled(r, weights, budget, testNorm, (get) => (partial = get));
  return dropConnectResult(r, weights, test.testOutput, parts, true);
}

function dropConnectResult(
  r: ResolvedRequest,
  weights: DropConnectWeights,
  testOutput: readonly number[],
  parts: Parts,
  complete: boolean,
): AnalysisResult {
  const testNorm = Math.hypot(...testOutput);
  const { law, summary, matched } = parts;
  const method = law !== null ? 'enumerate' : 'sample';
  const c = mapEstimate(parts.meanMasked, (v) => (v > 0 ? testNorm / v : 1 / r.keep), parts.meanMasked.value > 0 ? testNorm / parts.meanMasked.value ** 2 : 0);
  const isMatch = isPerSample(r.compensation);
  const s = scalarScale(r.compensation, r.keep, c.value);
  const exactScale = !scaleFromMean(r.compensation) || law !== null;
  const closed = s === null || !exactScale ? null : dropConnectClosedForms({ x: r.x, weights, keep: r.keep, compensation: r.compensation, constantScale: s });
  const pending = pendingEstimate(method);
  const lawValue = (value: number | undefined): Estimate | null => (law !== null && value !== undefined ? exactEstimate(value, 'enumerate') : null);
  const pZero = law?.pZero ?? Number.NaN;
  const meanNorm: Estimate =
    law !== null ? exactEstimate(isMatch ? testNorm * (1 - pZero) : s! * parts.meanMasked.value, 'enumerate') : (summary?.meanNorm ?? pending);
  const meanSquare = closed?.meanSquareNorm ?? (isMatch && law !== null ? testNorm * testNorm * (1 - pZero) : null);
  const rmsNorm: Estimate =
    meanSquare !== null ? { value: Math.sqrt(meanSquare), method: isMatch ? 'enumerate' : 'closed-form' } : (summary?.rmsNorm ?? pending);
  const sdNorm = meanNorm.method !== 'sample' && meanSquare !== null ? sdFromMoments(meanNorm, meanSquare) : (summary?.sdNorm ?? pending);
  const meanVector: VectorEstimate =
    closed?.meanVector != null ? exactVector(closed.meanVector, 'closed-form')
    : matched !== null ? exactVector(matched.meanVector, 'enumerate')
    : (summary?.meanVector ?? exactVector(new Array<number>(weights.rows).fill(Number.NaN), method));
  const firstMean = meanVector.values[0] ?? Number.NaN;
  const histogram: HistogramResult =
    law !== null ? { edges: r.edges, probabilities: law.probabilities, method }
    : summary !== null ? { edges: r.edges, probabilities: summary.histogram.probabilities, method, standardErrors: summary.histogram.standardErrors }
    : { edges: r.edges, probabilities: r.edges.slice(1).map(() => Number.NaN), method };
  let nonZero = 0;
  weights.values.forEach((w, k) => (nonZero += w * (r.x[k % r.n] ?? 0) !== 0 ? 1 : 0));
  const { norm: xNorm, shares } = normalisedSquares(r.x);
  let sumShares2 = 0;
  for (const share of shares) sumShares2 += share * share;
  const pick = (exact: Estimate | null, sampledValue: Estimate | undefined): Estimate => exact ?? sampledValue ?? pending;
  return {
    complete,
    n: r.n,
    keep: r.keep,
    outputs: weights.rows,
    model: r.model,
    compensation: r.compensation,
    method,
    scale: s,
    norm: testNorm,
    maxNorm: s === null ? testNorm : s * (law?.largest ?? dropConnectLargestNorm(r.x, weights)),
    meanMaskedNorm: parts.meanMasked,
    meanNorm,
    rmsNorm,
    sdNorm,
    medianNorm: pick(lawValue(law?.medianNorm), summary?.medianNorm),
    ...(law !== null ? { medianUpperNorm: exactEstimate(law.medianUpperNorm, 'enumerate') } : {}),
    pAboveNorm: pick(lawValue(law?.pAboveNorm), summary?.pAboveNorm),
    ...(law !== null ? { pAtNorm: exactEstimate(law.pAtNorm, 'enumerate') } : {}),
    constantScale: testNorm === 0 ? { value: Number.NaN, method: c.method } : c,
    meanVector,
    bias: biasOf(meanVector, testOutput),
    downstream: {
      weights: Array.from({ length: weights.rows }, (_, j) => (j === 0 ? 1 : 0)),
      mean: closed?.meanVector != null || matched !== null ? { value: firstMean, method: meanVector.method } : pick(null, summary?.downstreamMean),
      variance:
        closed?.varianceVector != null ? closedForm(closed.varianceVector[0]!)
        : matched !== null ? exactEstimate(Math.max(0, matched.firstSquare - firstMean * firstMean), 'enumerate')
        : pick(null, summary?.downstreamVariance),
      undropped: testOutput[0]!,
    },
    pAllDropped: (1 - r.keep) ** nonZero,
    nEff: xNorm === 0 ? Number.NaN : 1 / sumShares2,
    histogram,
    ...(summary !== null ? { samples: summary.samples, seed: summary.seed } : {}),
  };
}
