/**
 * Seeded Monte Carlo of y = s·(m⊙x) (or u = s·(M⊙W)x for DropConnect), streamed in chunks, with
 * standard errors and 95% intervals. Masks come from sampleKernels.ts / sampleDropConnect.ts;
 * moments from sampleMoments.ts; the median from sampleQuantiles.ts; bins from sampleHistogram.ts.
 * Everything is a function of (input, total sample count): run(a); run(b) gives bit-identical
 * summaries to run(a + b).
 */
import { compensationScale } from './closedForms.ts';
import { dropConnectUnits, type DropConnectWeights } from './dropConnect.ts';
import { sfc32State } from './random.ts';
import { createDropConnectKernel } from './sampleDropConnect.ts';
import { createUnitMaskKernel, drawUnitMasks, KERNEL_CHUNK, unitSums } from './sampleKernels.ts';
import { createNormStreams, type NormStreams } from './sampleStreams.ts';
import type { Compensation, Estimate, MaskModel, VectorEstimate } from './types.ts';

export interface SamplerInput {
  readonly x: readonly number[];
  /** q (Bernoulli, DropConnect); the fixed model uses q = kept/n. */
  readonly keep: number;
  readonly model: MaskModel;
  /** k for the fixed model (1 … n); when absent, round(keep·n). */
  readonly kept?: number;
  readonly compensation: Compensation;
  /** c* for 'constant' (finite, > 0); ignored otherwise. */
  readonly constantScale: number;
  /** w for z = w·y (unit models, length n); ignored for DropConnect, where z = u_1. */
  readonly downstream: readonly number[];
  /** W, required for 'dropconnect'. */
  readonly weights?: DropConnectWeights;
  /** uint32 seed of the mask stream. */
  readonly seed: number;
  /** Histogram edges of ‖y‖, strictly increasing (last bin closed); fewer than two: no bins. */
  readonly edges: readonly number[];
}

export interface SampleSummary {
  readonly samples: number;
  readonly seed: number;
  readonly meanNorm: Estimate;
  readonly rmsNorm: Estimate;
  readonly sdNorm: Estimate;
  /** Smallest v with empirical P(‖y‖ ≤ v) ≥ ½; interval = order-statistic 95% CI (sampleQuantiles.ts). */
  readonly medianNorm: Estimate;
  /** P(‖y‖ > ‖x‖) (DropConnect: ‖u‖ > ‖Wx‖); within 1e-12 relative counts as equal. Wilson interval. */
  readonly pAboveNorm: Estimate;
  /** E[y] (DropConnect: E[u]). */
  readonly meanVector: VectorEstimate;
  /** E[z], z = w·y (DropConnect: z = u_1). */
  readonly downstreamMean: Estimate;
  readonly downstreamVariance: Estimate;
  readonly histogram: {
    readonly edges: readonly number[];
    readonly probabilities: readonly number[];
    readonly standardErrors: readonly number[];
  };
}

export interface Sampler {
  /** Draws `count` more masks (split long runs into short calls; the result does not depend on it). */
  run(count: number): void;
  readonly samples: number;
  summary(): SampleSummary;
}

/** Throws RangeError on invalid input. */
export function createSampler(input: SamplerInput): Sampler {
  const { x, model, compensation } = input;
  const n = x.length;
  if (n < 1 || x.some((v) => !Number.isFinite(v))) throw new RangeError('x needs at least one unit, all finite');
  const kept = model === 'fixed' ? (input.kept ?? Math.round(input.keep * n)) : 0;
  if (model === 'fixed' && !(Number.isInteger(kept) && kept >= 1 && kept <= n)) {
    throw new RangeError(`kept must be a whole number from 1 to ${n}, got ${kept}`);
  }
  const q = model === 'fixed' ? kept / n : input.keep;
  if (!(q > 0 && q <= 1)) throw new RangeError(`keep probability must be in (0, 1], got ${q}`);
  if (compensation === 'constant' && !(input.constantScale > 0 && Number.isFinite(input.constantScale))) {
    throw new RangeError(`constantScale must be finite and > 0, got ${input.constantScale}`);
  }
  // For 'match' the scale is per sample; 1 here is a placeholder that is never used.
  const scale = compensation === 'match' ? 1 : compensationScale(compensation, q, input.constantScale);
  return model === 'dropconnect' ? createDropConnectSampler(input, q, scale) : createUnitSampler(input, q, kept, scale);
}

/** y = s·(m⊙x) (or per-sample matched), z = w·y, for the Bernoulli and fixed-count models. */
function createUnitSampler(input: SamplerInput, q: number, kept: number, scale: number): Sampler {
  const { x, downstream, compensation } = input;
  const n = x.length;
  const matched = compensation === 'match';
  if (downstream.length !== n) throw new RangeError(`downstream weights need length ${n}, got ${downstream.length}`);
  // Work with x/M (M = max|x|) so that squares neither overflow nor underflow.
  let largest = 0;
  for (const v of x) largest = Math.max(largest, Math.abs(v));
  const unit = largest > 0 ? largest : 1;
  const squares = Float64Array.from(x, (v) => (v / unit) ** 2);
  const products = Float64Array.from(x, (v, i) => (downstream[i] as number) * (v / unit));
  let sumSquares = 0;
  for (const a of squares) sumSquares += a;
  const norm = unit * Math.sqrt(sumSquares);
  const state = sfc32State(input.seed);
  const kernel = createUnitMaskKernel(squares, products, q, input.model === 'fixed' ? kept : -1, state, matched);
  const streams = createNormStreams(input.seed, input.edges, matched ? norm : scale * norm, norm);
  const scaled = scale * unit; // ‖y‖ = s·M·√S, z = s·M·Z for a scalar compensation
  const draw = (count: number): void => {
    drawUnitMasks(kernel, count);
    const { squaredNorms, downstreamSums } = kernel;
    for (let t = 0; t < count; t++) {
      const squaredNorm = squaredNorms[t]!;
      if (!matched) streams.record(scaled * Math.sqrt(squaredNorm), scaled * downstreamSums[t]!);
      else if (squaredNorm > 0) streams.record(norm, (norm * downstreamSums[t]!) / Math.sqrt(squaredNorm));
      else streams.record(0, 0);
    }
  };
  const meanVector = (): VectorEstimate => {
    const samples = streams.count();
    const values: number[] = [];
    const standardErrors: number[] = [];
    if (!matched) {
      // y_i = s·x_i·m_i: a scaled proportion.
      const keptCounts = unitSums(kernel, kernel.keptTable);
      for (let i = 0; i < n; i++) {
        const p = keptCounts[i]! / samples;
        values.push(scale * (x[i] as number) * p);
        standardErrors.push(Math.abs(scale * (x[i] as number)) * sampleStandardError(p * (1 - p) * samples, samples));
      }
    } else {
      // y_i = ‖x‖·(x_i/M)·m_i/√S.
      const first = unitSums(kernel, kernel.firstTable);
      const second = unitSums(kernel, kernel.secondTable);
      for (let i = 0; i < n; i++) {
        const c = (norm * (x[i] as number)) / unit;
        values.push((c * first[i]!) / samples);
        standardErrors.push(Math.abs(c) * sampleStandardError(second[i]! - first[i]! ** 2 / samples, samples));
      }
    }
    return { method: 'sample', values, standardErrors };
  };
  return samplerFrom(draw, streams, meanVector);
}

/** √(s²/N) with s² = squaredDeviations/(N − 1); infinite below two samples. */
function sampleStandardError(squaredDeviations: number, samples: number): number {
  return samples > 1 ? Math.sqrt(Math.max(0, squaredDeviations) / (samples - 1) / samples) : Number.POSITIVE_INFINITY;
}

/** u = s·(M⊙W)x (or per-sample matched to ‖Wx‖), z = u_1. */
function createDropConnectSampler(input: SamplerInput, q: number, scale: number): Sampler {
  const { x, weights } = input;
  const matched = input.compensation === 'match';
  if (weights === undefined) throw new RangeError("the 'dropconnect' model needs weights");
  const n = dropConnectUnits(weights, x);
  const rowCount = weights.rows;
  const contributions = Float64Array.from(weights.values, (w, k) => w * (x[k % n] as number));
  let testSquares = 0;
  let largestSquares = 0; // (max ‖(M⊙W)x‖)² ≤ Σ_j (Σ_i |c_ji|)²
  for (let j = 0; j < rowCount; j++) {
    let sum = 0;
    let absolute = 0;
    for (let i = 0; i < n; i++) {
      sum += contributions[j * n + i]!;
      absolute += Math.abs(contributions[j * n + i]!);
    }
    testSquares += sum * sum;
    largestSquares += absolute * absolute;
  }
  const testNorm = Math.sqrt(testSquares);
  const kernel = createDropConnectKernel(contributions, rowCount, q, sfc32State(input.seed));
  const streams = createNormStreams(input.seed, input.edges, matched ? testNorm : scale * Math.sqrt(largestSquares), testNorm);
  // Per output: Σ(u_j − u_j⁽¹⁾) and Σ(u_j − u_j⁽¹⁾)², shifted by the first sample against cancellation.
  const shift = new Float64Array(rowCount);
  const sum1 = new Float64Array(rowCount);
  const sum2 = new Float64Array(rowCount);
  const onSample = (squaredNorm: number): void => {
    const factor = matched ? (squaredNorm > 0 ? testNorm / Math.sqrt(squaredNorm) : 0) : scale;
    const first = streams.count() === 0;
    for (let j = 0; j < rowCount; j++) {
      const u = factor * kernel.rows[j]!;
      if (first) shift[j] = u;
      const deviation = u - shift[j]!;
      sum1[j] = sum1[j]! + deviation;
      sum2[j] = sum2[j]! + deviation * deviation;
    }
    const norm = matched ? (squaredNorm > 0 ? testNorm : 0) : scale * Math.sqrt(squaredNorm);
    streams.record(norm, factor * kernel.rows[0]!);
  };
  const meanVector = (): VectorEstimate => {
    const samples = streams.count();
    return {
      method: 'sample',
      values: Array.from(shift, (s, j) => s + sum1[j]! / samples),
      standardErrors: Array.from(sum1, (s1, j) => sampleStandardError(sum2[j]! - (s1 * s1) / samples, samples)),
    };
  };
  return samplerFrom((count) => kernel.run(count, onSample), streams, meanVector);
}

/** Runs in pieces of at most KERNEL_CHUNK masks so each kernel call stays short (docs/architecture.md#v8-pitfalls, the OSR trap). */
function samplerFrom(draw: (count: number) => void, streams: NormStreams, meanVector: () => VectorEstimate): Sampler {
  return {
    run(count: number): void {
      if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
      for (let done = 0; done < count; done += KERNEL_CHUNK) draw(Math.min(KERNEL_CHUNK, count - done));
    },
    get samples() {
      return streams.count();
    },
    summary: () => streams.summary(meanVector()),
  };
}
