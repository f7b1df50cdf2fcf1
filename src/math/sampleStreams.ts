/**
 * What every sampled model records per mask: ‖y‖ and the downstream unit z, turned into moments
 * (sampleMoments.ts), the median with its order-statistic interval (sampleQuantiles.ts), the tail
 * probability P(‖y‖ > reference) and the caller's histogram (sampleHistogram.ts).
 */
import { createEdgeHistogram, EDGE_TOLERANCE } from './sampleHistogram.ts';
import { addMoment, centralMoments, createMomentState, meanEstimate, rootMeanSquareEstimate, standardDeviationEstimate, varianceEstimate, Z95 } from './sampleMoments.ts';
import { createNormQuantileSketch, medianRanks } from './sampleQuantiles.ts';
import type { SampleSummary } from './sample.ts';
import type { Estimate, VectorEstimate } from './types.ts';

/** A sampled estimate with the normal 95% interval value ± 1.96·SE. */
function estimate(value: number, standardError: number): Estimate {
  return {
    value,
    method: 'sample',
    standardError,
    interval: [value - Z95 * standardError, value + Z95 * standardError],
  };
}

/** Wilson score 95% interval for a proportion of `hits` in `count`. */
function proportionEstimate(hits: number, count: number): Estimate {
  const p = count > 0 ? hits / count : Number.NaN;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * count)) / (1 + z2 / count);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / count + z2 / (4 * count * count))) / (1 + z2 / count);
  return { value: p, method: 'sample', standardError: Math.sqrt((p * (1 - p)) / count), interval: [centre - half, centre + half] };
}

/** What every model records per sample: ‖y‖ and z, with their moments, median, tail and bins. */
export interface NormStreams {
  record(norm: number, downstream: number): void;
  count(): number;
  summary(meanVector: VectorEstimate): SampleSummary;
}

/**
 * `largestNorm`: the largest possible ‖y‖ (the median grid spans [0, largestNorm]);
 * `referenceNorm`: ‖x‖ (DropConnect ‖Wx‖), the threshold of P(‖y‖ > ‖x‖).
 */
export function createNormStreams(seed: number, edges: readonly number[], largestNorm: number, referenceNorm: number): NormStreams {
  const normMoments = createMomentState();
  const downstreamMoments = createMomentState();
  const histogram = createEdgeHistogram(edges);
  const quantiles = createNormQuantileSketch(largestNorm);
  const aboveThreshold = referenceNorm * (1 + EDGE_TOLERANCE);
  let above = 0;
  let samples = 0;
  return {
    record(norm, downstream) {
      addMoment(normMoments, norm);
      addMoment(downstreamMoments, downstream);
      if (norm > aboveThreshold) above++;
      quantiles.add(norm);
      histogram.add(norm);
      samples++;
    },
    count: () => samples,
    summary(meanVector) {
      const norms = centralMoments(normMoments);
      const downs = centralMoments(downstreamMoments);
      const mean = meanEstimate(norms);
      const rms = rootMeanSquareEstimate(norms);
      const sd = standardDeviationEstimate(norms);
      const ranks = medianRanks(samples);
      const median = quantiles.orderStatistic(ranks.median);
      const low = quantiles.orderStatistic(ranks.low);
      const high = quantiles.orderStatistic(ranks.high);
      const downMean = meanEstimate(downs);
      const downVariance = varianceEstimate(downs);
      const probabilities = Array.from(histogram.counts, (c) => c / samples);
      return {
        samples,
        seed,
        meanNorm: estimate(mean.value, mean.standardError),
        rmsNorm: estimate(rms.value, rms.standardError),
        sdNorm: estimate(sd.value, sd.standardError),
        medianNorm: { value: median, method: 'sample', standardError: (high - low) / (2 * Z95), interval: [low, high] },
        pAboveNorm: proportionEstimate(above, samples),
        meanVector,
        downstreamMean: estimate(downMean.value, downMean.standardError),
        downstreamVariance: estimate(downVariance.value, downVariance.standardError),
        histogram: {
          edges: [...edges],
          probabilities,
          standardErrors: probabilities.map((p) => Math.sqrt((p * (1 - p)) / samples)),
        },
      };
    },
  };
}

