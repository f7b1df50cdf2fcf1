/**
 * `npx tsx bench/samplers.ts NAME N Q COUNT ROUNDS`: CPU ns per mask of one sampler of the engine
 * (createSampler(…).run(COUNT), 128 bins, seed 1; summary() not timed), best of ROUNDS after a
 * warm-up of short calls.
 * Prints one line `NAME n q ns`. bench/compare.sh runs it interleaved with bench/samplers.c.
 * NAME: bernoulli | fixed | match | dropconnect (4 rows × n).
 */
import { defaultEdges } from '../src/math/analyze.ts';
import { createSampler, type SamplerInput } from '../src/math/sample.ts';
import { resetMaskStreams } from '../src/math/sharedMaskStream.ts';
import { generateVector } from '../src/math/vectorSpec.ts';

const [name = 'bernoulli', nText = '192', qText = '0.5', countText = '1000000', roundsText = '3'] = process.argv.slice(2);
const n = Number(nText);
const keep = Number(qText);
const count = Number(countText);
const rounds = Number(roundsText);
const x = generateVector({ kind: 'uniform', units: n, seed: 42, norm: 1 });
const rows = 4;
const weights = { rows, values: generateVector({ kind: 'gauss', units: rows * n, seed: 5, norm: 1 }) };
const model = name === 'fixed' ? 'fixed' : name === 'dropconnect' ? 'dropconnect' : 'bernoulli';
const compensation = name === 'match' ? 'match' : 'inverted';
const input: SamplerInput = {
  x,
  keep,
  model,
  compensation,
  constantScale: 1,
  downstream: x,
  seed: 1,
  edges: defaultEdges(x, keep, compensation, 128),
  ...(model === 'dropconnect' ? { weights } : {}),
};

/** A sampler that draws its own masks: the same seed would otherwise read the last run's (sharedMaskStream.ts). */
const fresh = (): ReturnType<typeof createSampler> => {
  resetMaskStreams();
  return createSampler(input);
};

// Warm-up in short calls, so the kernels' first calls are short (docs/architecture.md, "OSR trap"),
// then a few runs past the quantile sketch's pilot of 4096 masks, so that the loop after the pilot is
// compiled before the clock starts too (else its first compilation is timed: up to 2x at n = 1024).
// Then many short calls past the pilot and a few summaries: the per-chunk functions (the sampler's
// draw, recordChunk, run) and the summary's are called once per 1024 masks or once per round, so
// V8 compiles them only after thousands of calls, and process CPU time counts its compiler threads:
// with the old warm-up alone, 10–20 ms of compilation (≈ 10–20 ns per mask at n = 192) fell in the
// timed rounds. The summary is left out of the timing (see below).
for (let r = 0; r < 200; r++) fresh().run(64);
for (let r = 0; r < 8; r++) fresh().run(8192);
const warm = fresh();
for (let r = 0; r < 4000; r++) {
  warm.run(64);
  if (r % 100 === 0) warm.summary();
}
let best = Number.POSITIVE_INFINITY;
for (let r = 0; r < rounds; r++) {
  const sampler = fresh();
  const cpu = process.cpuUsage();
  for (let done = 0; done < count; done += 65536) sampler.run(Math.min(65536, count - done));
  const used = process.cpuUsage(cpu);
  sampler.summary(); // not timed: once per run, not per mask (and bench/samplers.c has none)
  best = Math.min(best, ((used.user + used.system) * 1000) / count);
}
console.log(`${name} ${n} ${keep} ${best.toFixed(2)}`);
