/**
 * The mask sums S = ‖m⊙x‖²/M² of the masks a seeded unit sampler has drawn, kept for the next
 * sampler on the same units, mask law and seed. A scalar compensation only scales ‖y‖ = s·M·√S, so
 * the comparison's compensations (and c*'s pilot run) read the main figure's masks instead of
 * drawing them again: the same numbers as drawing them (the same seed gives the same stream, and
 * the kernels' output does not depend on how a run is cut into calls), for the cost of the moments
 * and bins alone (docs/architecture.md#worker-protocol). One stream is kept, of at most
 * MAX_SHARED_MASKS sums; a reader that gets past them draws on alone from a copy of the stream's
 * generator, which stands exactly where the kept sums end.
 */
import { createUnitMaskKernel, drawUnitMasks, KERNEL_CHUNK, type UnitMaskKernel } from './sampleKernels.ts';

/** 2²⁰ sums, 8 MB: the default 200,000 samples at n = 10,000 fit five times over. */
export const MAX_SHARED_MASKS = 2 ** 20;

interface Stream {
  readonly key: string;
  /** Stands at mask `length`: only the stream draws with it. */
  readonly kernel: UnitMaskKernel;
  values: Float64Array;
  length: number;
}

/**
 * Below this many units a sampler draws its own masks: a mask of n units costs about n/4 table
 * lookups, and keeping its sum (a store, the buffer's growth, its memory) cost the n = 192 sampler
 * about 10 % (bench/samplers.ts), more than the comparison's two extra draws cost the page there.
 */
export const SHARED_MIN_UNITS = 2048;

let last: Stream | null = null;
let limit = MAX_SHARED_MASKS;
let minUnits = SHARED_MIN_UNITS;

/**
 * Forgets the kept stream and sets how many sums a stream may keep and from how many units masks
 * are shared (tests use small numbers).
 */
export function resetMaskStreams(maxMasks: number = MAX_SHARED_MASKS, minSharedUnits: number = SHARED_MIN_UNITS): void {
  last = null;
  limit = maxMasks;
  minUnits = minSharedUnits;
}

/** Whether samplers of `units` units read their masks through sharedMaskStream. */
export function sharesMasks(units: number): boolean {
  return units >= minUnits;
}

export interface MaskStreamInput {
  /** (x_i/M)², the kernel's squares. */
  readonly squares: Float64Array;
  /** q of the mask words (Bernoulli) or k/n (fixed count). */
  readonly keep: number;
  /** k for the fixed-count model, −1 for Bernoulli. */
  readonly kept: number;
  /** The sfc32 state to start from (a copy is taken only when the stream is new). */
  readonly state: Int32Array;
  readonly seed: number;
}

/**
 * Reads S of the masks in order, from the kept stream for these inputs (started if there is none):
 * `next(count)` (count ≤ KERNEL_CHUNK) returns the array and offset holding the next `count` sums.
 * The array is valid until the next call.
 */
export function sharedMaskStream(input: MaskStreamInput): (count: number) => { readonly values: Float64Array; readonly offset: number } {
  // Every input of the stream, exactly (a double's shortest decimal form round-trips).
  const key = [input.seed, input.keep, input.kept, Array.prototype.join.call(input.squares, ',')].join('|');
  let stream = last !== null && last.key === key ? last : null;
  if (stream === null) {
    // Let the old stream go before the new one takes its memory.
    last = null;
    const kernel = createUnitMaskKernel(input.squares, new Float64Array(0), input.keep, input.kept, Int32Array.from(input.state), false);
    stream = { key, kernel, values: new Float64Array(16 * KERNEL_CHUNK), length: 0 };
    last = stream;
  }
  const shared = stream;
  let position = 0;
  // After the kept sums: a copy of the stream's kernel, drawing for this reader alone.
  let own: UnitMaskKernel | null = null;
  const scratch = new Float64Array(KERNEL_CHUNK);
  return (count) => {
    if (!(Number.isInteger(count) && count >= 0 && count <= KERNEL_CHUNK)) throw new RangeError(`count must be a whole number from 0 to ${KERNEL_CHUNK}, got ${count}`);
    if (own !== null) {
      drawUnitMasks(own, count);
      return { values: own.squaredNorms, offset: 0 };
    }
    const missing = position + count - shared.length;
    if (missing > 0 && shared.length + missing <= limit) extend(shared, missing);
    if (position + count <= shared.length) {
      position += count;
      return { values: shared.values, offset: position - count };
    }
    // Past what the stream may keep: the kept part, then this reader's own draws.
    const kept = shared.length - position;
    scratch.set(shared.values.subarray(position, shared.length));
    own = copyKernel(shared.kernel);
    drawUnitMasks(own, count - kept);
    scratch.set(own.squaredNorms.subarray(0, count - kept), kept);
    position += count;
    return { values: scratch, offset: 0 };
  };
}

function extend(stream: Stream, count: number): void {
  if (stream.length + count > stream.values.length) {
    const grown = new Float64Array(Math.min(limit, Math.max(2 * stream.values.length, stream.length + count)));
    grown.set(stream.values.subarray(0, stream.length));
    stream.values = grown;
  }
  drawUnitMasks(stream.kernel, count);
  stream.values.set(stream.kernel.squaredNorms.subarray(0, count), stream.length);
  stream.length += count;
}

/** A kernel at the same point of the same stream: its tables shared (read only), its state copied. */
function copyKernel(kernel: UnitMaskKernel): UnitMaskKernel {
  return {
    ...kernel,
    maskWords: kernel.maskWords.slice(),
    order: kernel.order.slice(),
    state: kernel.state.slice(),
    squaredNorms: new Float64Array(KERNEL_CHUNK),
    downstreamSums: new Float64Array(0),
  };
}
