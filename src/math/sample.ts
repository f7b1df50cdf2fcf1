/**
 * Seeded Monte Carlo of y = s·(m⊙x) (or u = s·(M⊙W)x for DropConnect), streamed in chunks, with
 * standard errors and 95% intervals. Masks come from sampleKernels.ts / sampleDropConnect.ts;
 * moments from sampleMoments.ts; the median from sampleQuantiles.ts; bins from sampleHistogram.ts.
 * Numbers with a closed form are not sampled: with a scalar compensation s, E[y], E‖y‖², E z and
 * Var z (u, ‖u‖², u₁ for DropConnect) come from their formulas (method 'closed-form'), so a mask
 * costs only S = ‖m⊙x‖²/M² and what ‖y‖ feeds (moments, median sketch, histogram, P(‖y‖ > ‖x‖)).
 * Everything is a function of (input, total sample count): run(a); run(b) gives bit-identical
 * summaries to run(a + b).
 */
import { isPerSample, scaleFromMean, scalarScale } from './compensations.ts';
import { maskDraw, keepsCount, masksWeights } from './maskModels.ts';
import { dropConnectUnits, type DropConnectWeights } from './dropConnect.ts';
import { sfc32State } from './random.ts';
import { createDropConnectKernel, drawDropConnectBatch } from './sampleDropConnect.ts';
import { createUnitMaskKernel, drawUnitMasks, KERNEL_CHUNK, matchUnitSums } from './sampleKernels.ts';
import { sharedMaskStream, sharesMasks } from './sharedMaskStream.ts';
import { createNormStreams, type ClosedSummary, type NormStreams } from './sampleStreams.ts';
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
  const draw = maskDraw(model, n, input.keep, input.kept);
  const kept = draw.kept ?? 0;
  if (draw.kept !== null && !(Number.isInteger(kept) && kept >= 1 && kept <= n)) {
    throw new RangeError(`kept must be a whole number from 1 to ${n}, got ${kept}`);
  }
  const { q } = draw;
  if (!(q > 0 && q <= 1)) throw new RangeError(`keep probability must be in (0, 1], got ${q}`);
  if (scaleFromMean(compensation) && !(input.constantScale > 0 && Number.isFinite(input.constantScale))) {
    throw new RangeError(`constantScale must be finite and > 0, got ${input.constantScale}`);
  }
  // For 'match' the scale is per sample; 1 here is a placeholder that is never used.
  const scale = scalarScale(compensation, q, input.constantScale) ?? 1;
  return masksWeights(model) ? createDropConnectSampler(input, q, scale) : createUnitSampler(input, q, kept, scale);
}

/** y = s·(m⊙x) (or per-sample matched), z = w·y, for the Bernoulli and fixed-count models. */
function createUnitSampler(input: SamplerInput, q: number, kept: number, scale: number): Sampler {
  const { x, downstream, compensation } = input;
  const n = x.length;
  const matched = isPerSample(compensation);
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
  const exactKept = keepsCount(input.model) ? kept : -1;
  const streams = createNormStreams(input.seed, input.edges, matched ? norm : scale * norm, norm);
  const norms = new Float64Array(KERNEL_CHUNK);
  // Per-sample matching draws its own masks (it needs Z and the per-unit match sums); a scalar
  // compensation needs only S of each mask: at large n it reads the masks this seed has already
  // drawn, if any, and below that it draws them itself (sharedMaskStream.ts, SHARED_MIN_UNITS).
  const kernel = matched ? createUnitMaskKernel(squares, products, q, exactKept, state, true) : null;
  let draw: (count: number) => void;
  if (kernel !== null) {
    const downs = new Float64Array(KERNEL_CHUNK);
    draw = (count) => {
      drawUnitMasks(kernel, count);
      matchedNorms(kernel.squaredNorms, kernel.downstreamSums, norms, downs, count, norm);
      streams.recordChunk(norms, downs, count);
    };
  } else if (!sharesMasks(n)) {
    const own = createUnitMaskKernel(squares, products, q, exactKept, state, false);
    draw = (count) => {
      drawUnitMasks(own, count);
      scaledNorms(own.squaredNorms, 0, norms, 0, count, scale * unit);
      streams.recordChunk(norms, null, count);
    };
  } else {
    const masks = sharedMaskStream({ squares, keep: q, kept: exactKept, state, seed: input.seed });
    draw = (count) => {
      const { values, offset } = masks(count);
      scaledNorms(values, offset, norms, 0, count, scale * unit);
      streams.recordChunk(norms, null, count);
    };
  }
  const closed = matched ? NOTHING_CLOSED : unitClosedSummary(products, unit, norm, q, scale, keepsCount(input.model));
  const meanVector = (): VectorEstimate => {
    // Scalar compensations: E[y] = s·q·x (docs/mathematics.md, "Bernoulli model: moments").
    if (kernel === null) return { method: 'closed-form', values: x.map((v) => scale * q * v) };
    // y_i = ‖x‖·(x_i/M)·m_i/√S.
    const samples = streams.count();
    const { first, second } = matchUnitSums(kernel);
    const values: number[] = [];
    const standardErrors: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = (norm * (x[i] as number)) / unit;
      values.push((c * first[i]!) / samples);
      standardErrors.push(Math.abs(c) * sampleStandardError(second[i]! - first[i]! ** 2 / samples, samples));
    }
    return { method: 'sample', values, standardErrors };
  };
  return samplerFrom(draw, streams, meanVector, closed);
}

const NOTHING_CLOSED: ClosedSummary = { meanSquareNorm: null, downstreamMean: null, downstreamVariance: null };

/** ‖y‖ = s·M·√S for a scalar compensation: norms[to + t] from squaredNorms[from + t], t < count. */
function scaledNorms(squaredNorms: Float64Array, from: number, norms: Float64Array, to: number, count: number, factor: number): void {
  for (let t = 0; t < count; t++) norms[to + t] = factor * Math.sqrt(squaredNorms[from + t]!);
}

/** Per-sample matching: ‖y‖ = ‖x‖ (0 when every unit is dropped) and z = ‖x‖·Z/√S. */
function matchedNorms(squaredNorms: Float64Array, sums: Float64Array, norms: Float64Array, downs: Float64Array, count: number, norm: number): void {
  for (let t = 0; t < count; t++) {
    const squaredNorm = squaredNorms[t]!;
    norms[t] = squaredNorm > 0 ? norm : 0;
    downs[t] = squaredNorm > 0 ? (norm * sums[t]!) / Math.sqrt(squaredNorm) : 0;
  }
}

/**
 * E‖y‖² = s²·q·‖x‖², E z = s·q·Σ b_i and Var z = s²·q(1−q)·Σ b_i² (Bernoulli) or
 * s²·q(1−q)·n/(n−1)·Σ (b_i − b̄)² (fixed count), b_i = w_i x_i = M·products_i
 * (docs/mathematics.md, "Bernoulli model: moments" and "Fixed-count model").
 */
function unitClosedSummary(products: Float64Array, unit: number, norm: number, q: number, scale: number, fixed: boolean): ClosedSummary {
  const n = products.length;
  let sum = 0;
  for (const b of products) sum += b;
  const mean = sum / n;
  let squares = 0;
  for (const b of products) squares += fixed ? (b - mean) ** 2 : b * b;
  const correction = fixed ? (n > 1 ? n / (n - 1) : 0) : 1;
  const s = scale * unit;
  return {
    meanSquareNorm: scale * norm * (scale * norm) * q,
    downstreamMean: s * q * sum,
    downstreamVariance: s * s * q * (1 - q) * correction * squares,
  };
}

/** √(s²/N) with s² = squaredDeviations/(N − 1); infinite below two samples. */
function sampleStandardError(squaredDeviations: number, samples: number): number {
  return samples > 1 ? Math.sqrt(Math.max(0, squaredDeviations) / (samples - 1) / samples) : Number.POSITIVE_INFINITY;
}

/** u = s·(M⊙W)x (or per-sample matched to ‖Wx‖), z = u_1. */
function createDropConnectSampler(input: SamplerInput, q: number, scale: number): Sampler {
  const { x, weights } = input;
  const matched = isPerSample(input.compensation);
  if (weights === undefined) throw new RangeError("the 'dropconnect' model needs weights");
  const n = dropConnectUnits(weights, x);
  const rowCount = weights.rows;
  const contributions = Float64Array.from(weights.values, (w, k) => w * (x[k % n] as number));
  const test = new Float64Array(rowCount);
  let testSquares = 0;
  let spread = 0; // Σ_ji c_ji²
  let firstSpread = 0; // Σ_i c_1i²
  let largestSquares = 0; // (max ‖(M⊙W)x‖)² ≤ Σ_j (Σ_i |c_ji|)²
  for (let j = 0; j < rowCount; j++) {
    let sum = 0;
    let absolute = 0;
    for (let i = 0; i < n; i++) {
      const c = contributions[j * n + i]!;
      sum += c;
      absolute += Math.abs(c);
      spread += c * c;
      if (j === 0) firstSpread += c * c;
    }
    test[j] = sum;
    testSquares += sum * sum;
    largestSquares += absolute * absolute;
  }
  const testNorm = Math.sqrt(testSquares);
  const kernel = createDropConnectKernel(contributions, rowCount, q, sfc32State(input.seed), matched);
  const streams = createNormStreams(input.seed, input.edges, matched ? testNorm : scale * Math.sqrt(largestSquares), testNorm);
  const norms = new Float64Array(KERNEL_CHUNK);
  const downs = matched ? new Float64Array(KERNEL_CHUNK) : null;
  // Matching: per output Σ(u_j − u_j⁽¹⁾) and Σ(u_j − u_j⁽¹⁾)², shifted by the first sample against cancellation.
  const shift = new Float64Array(rowCount);
  const sum1 = new Float64Array(rowCount);
  const sum2 = new Float64Array(rowCount);
  let position = kernel.batch; // next unread mask of the kernel's batch
  const draw = (count: number): void => {
    for (let filled = 0; filled < count; ) {
      if (position === kernel.batch) {
        drawDropConnectBatch(kernel);
        position = 0;
      }
      const take = Math.min(count - filled, kernel.batch - position);
      if (downs === null) scaledNorms(kernel.squaredNorms, position, norms, filled, take, scale);
      else {
        const first = streams.count() + filled === 0;
        for (let t = 0; t < take; t++) {
          const squaredNorm = kernel.squaredNorms[position + t]!;
          const factor = squaredNorm > 0 ? testNorm / Math.sqrt(squaredNorm) : 0;
          norms[filled + t] = squaredNorm > 0 ? testNorm : 0;
          downs[filled + t] = factor * kernel.rowSums[(position + t) * rowCount]!;
          for (let j = 0; j < rowCount; j++) {
            const u = factor * kernel.rowSums[(position + t) * rowCount + j]!;
            if (first && t === 0) shift[j] = u;
            const deviation = u - shift[j]!;
            sum1[j] = sum1[j]! + deviation;
            sum2[j] = sum2[j]! + deviation * deviation;
          }
        }
      }
      position += take;
      filled += take;
    }
    streams.recordChunk(norms, downs, count);
  };
  // Scalar s: E u = s·q·Wx, Var u_j = s²·q(1−q)·Σ_i c_ji², E‖u‖² = s²·(q²‖Wx‖² + q(1−q)·Σ c²) (docs/mathematics.md, "DropConnect").
  const closed: ClosedSummary = matched
    ? NOTHING_CLOSED
    : { meanSquareNorm: scale * scale * (q * q * testSquares + q * (1 - q) * spread), downstreamMean: scale * q * test[0]!, downstreamVariance: scale * scale * q * (1 - q) * firstSpread };
  const meanVector = (): VectorEstimate => {
    if (!matched) return { method: 'closed-form', values: Array.from(test, (t) => scale * q * t) };
    const samples = streams.count();
    return {
      method: 'sample',
      values: Array.from(shift, (s, j) => s + sum1[j]! / samples),
      standardErrors: Array.from(sum1, (s1, j) => sampleStandardError(sum2[j]! - (s1 * s1) / samples, samples)),
    };
  };
  return samplerFrom(draw, streams, meanVector, closed);
}

/** Runs in pieces of at most KERNEL_CHUNK masks so each kernel call stays short (docs/architecture.md#v8-pitfalls, the OSR trap). */
function samplerFrom(draw: (count: number) => void, streams: NormStreams, meanVector: () => VectorEstimate, closed: ClosedSummary): Sampler {
  return {
    run(count: number): void {
      if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
      for (let done = 0; done < count; done += KERNEL_CHUNK) draw(Math.min(KERNEL_CHUNK, count - done));
    },
    get samples() {
      return streams.count();
    },
    summary: () => streams.summary(meanVector(), closed),
  };
}
