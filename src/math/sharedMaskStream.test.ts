import { afterEach, describe, expect, it } from 'vitest';
import { sfc32State } from './random.ts';
import { createSampler, type SamplerInput } from './sample.ts';
import { createUnitMaskKernel, drawUnitMasks, KERNEL_CHUNK } from './sampleKernels.ts';
import { MAX_SHARED_MASKS, resetMaskStreams, sharedMaskStream, sharesMasks, type MaskStreamInput } from './sharedMaskStream.ts';

const squaresOf = (x: readonly number[]): Float64Array => {
  const m = Math.max(...x.map(Math.abs));
  return Float64Array.from(x, (v) => (v / m) ** 2);
};
const x = Array.from({ length: 50 }, (_, i) => Math.sin(i * 1.7) * 3 + 0.5);

/** S of the first `total` masks, drawn by a kernel of its own (what the sampler drew before the stream was shared). */
function direct(input: MaskStreamInput, total: number): Float64Array {
  const kernel = createUnitMaskKernel(input.squares, new Float64Array(0), input.keep, input.kept, Int32Array.from(input.state), false);
  const out = new Float64Array(total);
  for (let done = 0; done < total; done += KERNEL_CHUNK) {
    const count = Math.min(KERNEL_CHUNK, total - done);
    drawUnitMasks(kernel, count);
    out.set(kernel.squaredNorms.subarray(0, count), done);
  }
  return out;
}

/** Reads `total` sums from a reader in calls of the given sizes, cycled. */
function read(next: ReturnType<typeof sharedMaskStream>, total: number, sizes: readonly number[]): Float64Array {
  const out = new Float64Array(total);
  for (let done = 0, j = 0; done < total; j++) {
    const count = Math.min(sizes[j % sizes.length]!, total - done);
    const { values, offset } = next(count);
    out.set(values.subarray(offset, offset + count), done);
    done += count;
  }
  return out;
}

const laws: readonly { name: string; keep: number; kept: number }[] = [
  { name: 'Bernoulli q = ½', keep: 0.5, kept: -1 },
  { name: 'Bernoulli q = 0.8', keep: 0.8, kept: -1 },
  { name: 'fixed count, k = 20 of 50', keep: 0.4, kept: 20 },
  { name: 'fixed count, k = 45 of 50', keep: 0.9, kept: 45 },
];

afterEach(() => resetMaskStreams());

describe('sharedMaskStream', () => {
  for (const law of laws) {
    it(`${law.name}: every reader gets the stream a kernel of its own draws, in any call sizes, before and past the kept part`, () => {
      // A small limit, so that readers go past the kept sums in the middle of a call.
      resetMaskStreams(3000);
      const input: MaskStreamInput = { squares: squaresOf(x), keep: law.keep, kept: law.kept, state: sfc32State(11), seed: 11 };
      const expected = direct(input, 7000);
      const first = sharedMaskStream(input);
      const second = sharedMaskStream(input);
      // Interleaved: the second reader starts behind, catches up and both go past the limit.
      const a1 = read(first, 2500, [700]);
      const b1 = read(second, 4000, [1024, 333]);
      const a2 = read(first, 4500, [1, 1000]);
      const b2 = read(second, 3000, [512]);
      expect(Array.from(a1)).toEqual(Array.from(expected.subarray(0, 2500)));
      expect(Array.from(a2)).toEqual(Array.from(expected.subarray(2500, 7000)));
      expect(Array.from(b1)).toEqual(Array.from(expected.subarray(0, 4000)));
      expect(Array.from(b2)).toEqual(Array.from(expected.subarray(4000, 7000)));
      // A third reader after both: the kept part, then its own draws from where the kept part ends.
      expect(Array.from(read(sharedMaskStream(input), 7000, [1024]))).toEqual(Array.from(expected));
    });
  }

  it('another seed, q or vector is another stream', () => {
    const input: MaskStreamInput = { squares: squaresOf(x), keep: 0.5, kept: -1, state: sfc32State(1), seed: 1 };
    read(sharedMaskStream(input), 2000, [1024]);
    const otherSeed = { ...input, state: sfc32State(2), seed: 2 };
    expect(Array.from(read(sharedMaskStream(otherSeed), 2000, [1024]))).toEqual(Array.from(direct(otherSeed, 2000)));
    const otherKeep = { ...input, keep: 0.3 };
    expect(Array.from(read(sharedMaskStream(otherKeep), 2000, [1024]))).toEqual(Array.from(direct(otherKeep, 2000)));
    const otherSquares = { ...input, squares: squaresOf(x.map((v, i) => (i === 3 ? v * 1.5 : v))) };
    expect(Array.from(read(sharedMaskStream(otherSquares), 2000, [1024]))).toEqual(Array.from(direct(otherSquares, 2000)));
  });

  it('refuses a call longer than a kernel chunk', () => {
    const next = sharedMaskStream({ squares: squaresOf(x), keep: 0.5, kept: -1, state: sfc32State(1), seed: 1 });
    expect(() => next(KERNEL_CHUNK + 1)).toThrow(RangeError);
  });
});

describe('samplers of scalar compensations share one seed’s masks', () => {
  const base: SamplerInput = {
    x,
    keep: 0.6,
    model: 'bernoulli',
    compensation: 'inverted',
    constantScale: 1.2,
    downstream: x.map((_, i) => (i % 3) - 1),
    seed: 5,
    edges: Array.from({ length: 31 }, (_, j) => j * 0.5),
  };
  // Masks of these 50 units are shared only with the threshold lowered.
  const share = () => resetMaskStreams(MAX_SHARED_MASKS, 1);
  const summaryAfter = (input: SamplerInput, runs: readonly number[]) => {
    const sampler = createSampler(input);
    for (const count of runs) sampler.run(count);
    return sampler.summary();
  };

  for (const model of ['bernoulli', 'fixed'] as const) {
    it(`${model}: a compensation read from another's masks has exactly the numbers it has alone`, () => {
      const input = { ...base, model, ...(model === 'fixed' ? { kept: 30 } : {}) };
      const alone = (compensation: SamplerInput['compensation']) => {
        share();
        return summaryAfter({ ...input, compensation }, [20_000]);
      };
      const expected = { sqrt: alone('sqrt'), constant: alone('constant'), none: alone('none') };
      share();
      summaryAfter(input, [7000, 13_000]);
      expect(summaryAfter({ ...input, compensation: 'sqrt' }, [20_000])).toEqual(expected.sqrt);
      expect(summaryAfter({ ...input, compensation: 'constant' }, [1, 19_999])).toEqual(expected.constant);
      // More masks than the first sampler drew: the rest are drawn on.
      const none = createSampler({ ...input, compensation: 'none' });
      none.run(20_000);
      expect(none.summary()).toEqual(expected.none);
    });
  }

  it('below the threshold a sampler draws its own masks, with the same numbers', () => {
    resetMaskStreams();
    expect(sharesMasks(x.length)).toBe(false);
    expect(sharesMasks(2048)).toBe(true);
    const own = summaryAfter({ ...base, compensation: 'sqrt' }, [3000, 9000]);
    share();
    expect(sharesMasks(x.length)).toBe(true);
    summaryAfter(base, [5000]);
    expect(summaryAfter({ ...base, compensation: 'sqrt' }, [12_000])).toEqual(own);
  });

  it('per-sample matching draws its own masks and is unchanged by a kept stream', () => {
    share();
    const alone = summaryAfter({ ...base, compensation: 'match' }, [5000]);
    summaryAfter(base, [5000]);
    expect(summaryAfter({ ...base, compensation: 'match' }, [5000])).toEqual(alone);
  });
});
