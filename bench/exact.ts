/**
 * `node exact.mjs KERNEL N Q ROUNDS [DUMP]`: CPU ns per mask of one exact kernel of the engine on the
 * 128-bin histogram thresholds of scripts/bench.ts (uniform vector, seed 42), best of ROUNDS after a
 * warm-up of short calls. Prints `KERNEL n q ns-per-mask ms checksum`; the checksum (Σ_j (j + 1)·mass_j for
 * split, Σ_slot (slot + 1)·count_slot + Σ_k first_k for enumerate) is printed by bench/exact.c too.
 * With DUMP (a file name), first writes the input that bench/exact.c reads: n, ⌊n/2⌋, q, the squares,
 * the thresholds (%.17g, so the C kernels see the same doubles). bench/compare-exact.sh runs both.
 * KERNEL: split (buildSplitLaw + sweepIntervals, Bernoulli(q)) | enumerate (enumerateMasks, centre 0).
 */
import { writeFileSync } from 'node:fs';
import { defaultEdges } from '../src/math/analyze.ts';
import { enumerateMasks } from '../src/math/enumerateMasks.ts';
import { toGridUnits, type GridUnits } from '../src/math/gridUnits.ts';
import { maskLaw } from '../src/math/maskLaw.ts';
import { normMap, sumAbove, sumAtLeast } from '../src/math/normThresholds.ts';
import { buildSplitLaw } from '../src/math/splitHalves.ts';
import { sweepIntervals } from '../src/math/splitSweep.ts';
import { generateVector } from '../src/math/vectorSpec.ts';
import { createWorkBudget, drive } from '../src/math/workBudget.ts';

const [kernel = 'split', nText = '32', qText = '0.5', roundsText = '3', dump] = process.argv.slice(2);
const n = Number(nText);
const keep = Number(qText);
const rounds = Number(roundsText);
const BINS = 128;

function finish<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** As scripts/bench.ts: the 128-bin thresholds of ‖y‖ = ‖m⊙x‖/q over [0, ‖x‖/q] on the grid sum. */
function setup(units: number): { grid: GridUnits; thresholds: Float64Array } {
  const x = generateVector({ kind: 'uniform', units, seed: 42, norm: 1 });
  const grid = toGridUnits(x);
  const edges = defaultEdges(x, keep, 'inverted', BINS);
  const map = normMap(grid, 1 / keep, Math.hypot(...x));
  const slack = 1e-12 * edges[BINS]!;
  const thresholds = edges.slice(0, BINS).map((e) => sumAtLeast(map, e - slack));
  thresholds.push(sumAbove(map, edges[BINS]! + slack));
  return { grid, thresholds: Float64Array.from(thresholds.sort((a, b) => a - b)) };
}

/** One run; returns the checksum. */
function run({ grid, thresholds }: { grid: GridUnits; thresholds: Float64Array }): number {
  let checksum = 0;
  if (kernel === 'split') {
    const budget = createWorkBudget(1);
    const split = finish(buildSplitLaw(grid, maskLaw(grid.squares.length, keep, null), keep, null, budget));
    const sweep = sweepIntervals(split, thresholds);
    finish(drive(sweep, budget));
    sweep.masses().forEach((m, j) => (checksum += (j + 1) * m));
  } else {
    const pass = enumerateMasks(grid, thresholds);
    finish(drive(pass, createWorkBudget(1)));
    pass.counts.forEach((c, s) => (checksum += (s + 1) * c));
    for (const f of pass.deviationSums().first) checksum += f;
  }
  return checksum;
}

const input = setup(n);
if (dump !== undefined) {
  const lines = [`${n} ${input.grid.splitAt} ${keep}`, ...Array.from(input.grid.squares, String), String(input.thresholds.length), ...Array.from(input.thresholds, String)];
  writeFileSync(dump, `${lines.join('\n')}\n`);
}
// Warm-up in short calls (docs/architecture.md#v8-pitfalls, the OSR trap).
for (let units = 4; units <= 16; units += 2) {
  const small = setup(units);
  for (let r = 0; r < 3; r++) run(small);
}
// Then many whole runs of a small input: the per-chunk functions (advance, with its loop over blocks,
// and drive) run once per block or per call, so V8 compiles them only after many calls, and process
// CPU time counts its compiler threads (as bench/samplers.ts): with the warm-up above alone, the
// enumeration's advance was compiled (on-stack, then again) inside the first timed runs at n = 20,
// about 40 ms of compiler time against 7 ms of enumeration per run.
const warm = setup(16);
for (let r = 0; r < 60; r++) run(warm);
let best = Number.POSITIVE_INFINITY;
let checksum = 0;
for (let r = 0; r < rounds; r++) {
  const cpu = process.cpuUsage();
  checksum = run(input);
  const used = process.cpuUsage(cpu);
  best = Math.min(best, (used.user + used.system) / 1000);
}
console.log(`${kernel} ${n} ${keep} ${((best * 1e6) / 2 ** n).toPrecision(4)} ${best.toFixed(2)} ${checksum.toPrecision(15)}`);
