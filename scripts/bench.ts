/**
 * `npm run bench [-- --json]`: how fast the engine's kernels are on this machine. Prints, never
 * asserts. Each measurement is the best wall time of several runs after a warm-up.
 *
 * Times are CPU time of this process (user + system, process.cpuUsage), as in docs/architecture.md#measured-budgets: on a
 * shared machine wall time also counts other jobs; wallMs is printed next to it.
 *
 * Targets (Node): exact 128-bin histogram for n = 24 within 20 ms, n = 32 within 100 ms, n = 36
 * within 400 ms, n = 40 within 1.5 s; closed-form E‖m⊙x‖ for n = 4096 within 20 ms; sampling at
 * n = 192 at least 4 million masks per second for any q.
 * Kernels: "enumerate" = every mask by index, S from two half tables, against the bin thresholds (the
 * per-k counts and Σ √S moments, src/math/enumerateMasks.ts);
 * "split" = meet in the middle (both sorted halves + the sweep); scope "analyze" = the whole analysis
 * (histogram, medians, P(‖y‖ > ‖x‖), closed forms); "closed-form" = the quadrature for E‖m⊙x‖;
 * "sample" = helper B's sampler (histogram, moments, median sketch).
 */
import { analyze, defaultEdges } from '../src/math/analyze.ts';
import { enumerateMasks } from '../src/math/enumerateMasks.ts';
import { expectedMaskedNorm } from '../src/math/expectedNorm.ts';
import { toGridUnits, type GridUnits } from '../src/math/gridUnits.ts';
import { maskLaw } from '../src/math/maskLaw.ts';
import { normMap, sumAbove, sumAtLeast } from '../src/math/normThresholds.ts';
import { createSampler } from '../src/math/sample.ts';
import { resetMaskStreams } from '../src/math/sharedMaskStream.ts';
import { fixedCountMethod } from '../src/math/sampleKernels.ts';
import { buildSplitLaw } from '../src/math/splitHalves.ts';
import { sweepIntervals } from '../src/math/splitSweep.ts';
import { generateVector } from '../src/math/vectorSpec.ts';
import { createWorkBudget, drive } from '../src/math/workBudget.ts';

interface Measurement {
  kernel: 'enumerate' | 'split' | 'closed-form' | 'sample';
  scope: 'kernel' | 'analyze';
  n: number;
  keep: number;
  bins: number;
  /** Best CPU milliseconds of the runs. */
  ms: number;
  /** Best wall-clock milliseconds of the runs. */
  wallMs: number;
  nsPerItem: number;
  items: number;
  target?: string;
  /** The mask model and the compensation of the law measured (the exact kernels: Bernoulli(q), 1/q). */
  model: 'bernoulli' | 'fixed';
  compensation: 'inverted' | 'match';
  /** One line naming the algorithm. */
  algorithm: string;
}

const json = process.argv.includes('--json');
const results: Measurement[] = [];

function finish<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

function best(runs: number, work: () => void): { ms: number; wallMs: number } {
  let ms = Number.POSITIVE_INFINITY;
  let wallMs = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    work();
    const used = process.cpuUsage(cpu);
    ms = Math.min(ms, (used.user + used.system) / 1000);
    wallMs = Math.min(wallMs, performance.now() - start);
  }
  return { ms, wallMs };
}

function record(m: Omit<Measurement, 'nsPerItem'>): void {
  const measurement = { ...m, nsPerItem: (m.ms * 1e6) / m.items };
  results.push(measurement);
  if (!json) {
    const what = `${m.kernel}${m.scope === 'analyze' ? ' (analyze)' : ''} ${m.model} ${m.compensation}`.padEnd(38);
    const rate = m.kernel === 'closed-form' ? '' : `  ${measurement.nsPerItem.toPrecision(3)} ns/${m.kernel === 'sample' ? 'sample' : 'mask'}`;
    const perSecond = m.kernel === 'sample' ? `  (${(m.items / m.ms / 1000).toFixed(2)} M masks/s)` : '';
    const times = `${m.ms.toFixed(2).padStart(9)} ms CPU (${m.wallMs.toFixed(1)} wall)`;
    console.log(`${what} n=${String(m.n).padEnd(5)} q=${m.keep}  bins=${String(m.bins).padEnd(3)} ${times}${rate}${perSecond}${m.target ? `  [target ${m.target}]` : ''}  ${m.algorithm}`);
  }
}

/** The 128-bin thresholds of ‖y‖ = ‖m⊙x‖/q over [0, ‖x‖/q] on the grid sum. */
function histogramThresholds(grid: GridUnits, x: readonly number[], keep: number, bins: number): Float64Array {
  const edges = defaultEdges(x, keep, 'inverted', bins);
  const map = normMap(grid, 1 / keep, Math.hypot(...x));
  const slack = 1e-12 * edges[bins]!;
  const thresholds = edges.slice(0, bins).map((e) => sumAtLeast(map, e - slack));
  thresholds.push(sumAbove(map, edges[bins]! + slack));
  return Float64Array.from(thresholds.sort((a, b) => a - b));
}

/** The law of every non-sampling row: Bernoulli(q) masks, y = m⊙x/q. */
const exactLaw = { model: 'bernoulli', compensation: 'inverted' } as const;

function vector(n: number): number[] {
  return generateVector({ kind: 'uniform', units: n, seed: 42, norm: 1 });
}

function benchEnumerate(n: number, keep: number, bins: number, runs: number, target?: string): void {
  const x = vector(n);
  const grid = toGridUnits(x);
  const thresholds = histogramThresholds(grid, x, keep, bins);
  const { ms, wallMs } = best(runs, () => finish(drive(enumerateMasks(grid, thresholds), createWorkBudget(1))));
  record({ kernel: 'enumerate', scope: 'kernel', n, keep, bins, ms, wallMs, items: 2 ** n, ...exactLaw, algorithm: 'every mask from two half tables, rows with A grouped by kept count, √S cell table + scan for the bin', ...(target ? { target } : {}) });
}

function benchSplit(n: number, keep: number, bins: number, runs: number, target?: string): void {
  const x = vector(n);
  const grid = toGridUnits(x);
  const thresholds = histogramThresholds(grid, x, keep, bins);
  const law = maskLaw(n, keep, null);
  const { ms, wallMs } = best(runs, () => {
    const budget = createWorkBudget(1);
    const split = finish(buildSplitLaw(grid, law, keep, null, budget));
    finish(drive(sweepIntervals(split, thresholds), budget));
  });
  record({ kernel: 'split', scope: 'kernel', n, keep, bins, ms, wallMs, items: 2 ** n, ...exactLaw, algorithm: 'meet in the middle: halves sorted by merging + monotone two-pointer sweep, 4 thresholds per pass', ...(target ? { target } : {}) });
}

function benchAnalyze(method: 'enumerate' | 'split', n: number, keep: number, bins: number, runs: number): void {
  const x = vector(n);
  const edges = defaultEdges(x, keep, 'inverted', bins);
  const { ms, wallMs } = best(runs, () => analyze({ x, keep, model: 'bernoulli', compensation: 'inverted', edges, method }));
  record({ kernel: method, scope: 'analyze', n, keep, bins, ms, wallMs, items: 2 ** n, ...exactLaw, algorithm: 'the whole analysis (law, medians, closed forms)' });
}

function benchClosedForm(n: number, runs: number, target?: string): void {
  const x = vector(n);
  const { ms, wallMs } = best(runs, () => expectedMaskedNorm(x, 0.5));
  record({ kernel: 'closed-form', scope: 'kernel', n, keep: 0.5, bins: 0, ms, wallMs, items: n, ...exactLaw, algorithm: 'quadrature of 1 − L(t), 641 nodes', ...(target ? { target } : {}) });
}

/** One line naming what the sampler does per mask (src/math/sampleKernels.ts). */
function sampleAlgorithm({ model, compensation }: SampleVariant, keep: number, n: number): string {
  const k = Math.round(keep * n);
  const fixed = fixedCountMethod(n, k) === 'repair' ? `Bernoulli(k/n) mask repaired to k = ${k}` : `partial Fisher–Yates over min(k, n − k) = ${Math.min(k, n - k)} units`;
  const bits = model === 'fixed' ? fixed : keep === 0.5 ? 'sfc32 word = 32 keep-bits' : 'byte alias draws (5 words per 32 bits)';
  const tables = n <= 1024 ? '8-unit tables' : '4-unit tables';
  return compensation === 'match' ? `${bits}; S, Z ${tables}; per-unit Σ1/√S, Σ1/S` : `${bits}; S by ${tables}; ‖y‖ → moments, sketch, bins`;
}

type SampleVariant = { readonly model: 'bernoulli' | 'fixed'; readonly compensation: 'inverted' | 'match' };

function benchSample(
  n: number,
  keep: number,
  count: number,
  runs: number,
  target?: string,
  variant: SampleVariant = { model: 'bernoulli', compensation: 'inverted' },
): void {
  const x = vector(n);
  const { model, compensation } = variant;
  const edges = defaultEdges(x, keep, compensation, 128);
  const input = { x, keep, model, compensation, constantScale: 1, downstream: x, seed: 1, edges } as const;
  // Each run draws its masks: with the same seed a sampler would read the previous run's (sharedMaskStream.ts).
  const { ms, wallMs } = best(runs, () => {
    resetMaskStreams();
    createSampler(input).run(count);
  });
  record({ kernel: 'sample', scope: 'kernel', n, keep, bins: 128, ms, wallMs, items: count, model, compensation, algorithm: sampleAlgorithm(variant, keep, n), ...(target ? { target } : {}) });
}

// Warm-up: small inputs first, so that no kernel's first call is a long one (docs/architecture.md#v8-pitfalls, the OSR trap).
for (let n = 4; n <= 14; n += 2) {
  benchEnumerate(n, 0.5, 16, 3);
  benchSplit(n, 0.5, 16, 3);
  benchAnalyze('enumerate', n, 0.5, 16, 2);
  benchAnalyze('split', n, 0.5, 16, 2);
}
benchClosedForm(64, 5);
benchSample(192, 0.5, 20_000, 3);
results.length = 0;

benchEnumerate(20, 0.5, 128, 5);
benchEnumerate(24, 0.5, 128, 3, '20 ms');
benchEnumerate(24, 0.8, 128, 3);
benchSplit(24, 0.5, 128, 7, '20 ms');
benchSplit(28, 0.5, 128, 5);
benchSplit(32, 0.5, 128, 5, '100 ms');
benchSplit(36, 0.5, 128, 3, '400 ms');
benchSplit(36, 0.8, 128, 3, '400 ms');
benchSplit(40, 0.5, 128, 2, '1.5 s');
benchAnalyze('enumerate', 20, 0.5, 128, 3);
benchAnalyze('split', 24, 0.5, 128, 5);
benchAnalyze('split', 32, 0.5, 128, 3);
benchAnalyze('split', 36, 0.5, 128, 2);
benchAnalyze('split', 40, 0.5, 128, 1);
benchClosedForm(192, 20);
benchClosedForm(4096, 10, '20 ms');
benchSample(4096, 0.5, 50_000, 3);
// Every sampled model at n = 192 and 1024, q = ½ and 0.8 (bench/compare.sh gives the JS/C ratio of the same rows).
for (const variant of [
  { model: 'bernoulli', compensation: 'inverted' },
  { model: 'fixed', compensation: 'inverted' },
  { model: 'bernoulli', compensation: 'match' },
] as const) {
  for (const n of [192, 1024]) for (const keep of [0.5, 0.8]) benchSample(n, keep, n === 192 ? 1_000_000 : 200_000, 3, n === 192 ? '≥ 4 M masks/s' : undefined, variant);
}

if (json) console.log(JSON.stringify(results));
