/**
 * The engine's one entry point for the page: a query names a kind of computation and its input;
 * `engineSteps(query)` runs the kind's kernel in steps of about 10 ms (workBudget.ts), yielding
 * { fraction, partial? } between them, and returns the answer. The worker and the main-thread
 * fallback run nothing else (docs/architecture.md#one-engine). Public, beside index.ts, for what
 * runs the engine: the worker, the command line and tests; the page's own code never imports it, so
 * the kernels stay out of its first load (docs/architecture.md#first-screen).
 *
 * Adding a kind: one entry in EngineKinds (engineQuery.ts: its input and output types) and one in
 * KERNELS (its generator). KERNELS is a complete record over the kinds, so a kind without a kernel
 * does not compile, and answerOf narrows an answer back to its kind's output.
 */
import { analysisSteps } from './analyze.ts';
import { query, type EngineAnswer, type EngineInput, type EngineKind, type EngineOutput, type EngineQuery } from './engineQuery.ts';
import { layersSteps } from './layers.ts';
import { unitLawSteps } from './unitLaw.ts';

// The engine's runnable half of the public API (index.ts has the rest): what runs computations.
export { analyze } from './analyze.ts';
export { unitLaw } from './unitLaw.ts';

/** One report of a running kernel: the share of its work done and, now and then, its result so far. */
export interface KernelStep<O> {
  readonly fraction: number;
  readonly partial?: O;
}

export type Kernel<K extends EngineKind> = (input: EngineInput<K>) => Generator<KernelStep<EngineOutput<K>>, EngineOutput<K>, void>;

/** A kernel for a computation that is short enough to run in one step (well under 10 ms). */
export function instant<I, O>(compute: (input: I) => O): (input: I) => Generator<never, O, void> {
  // eslint-disable-next-line require-yield -- one step: no progress to report
  return function* once(input: I) {
    return compute(input);
  };
}

const KERNELS: { readonly [K in EngineKind]: Kernel<K> } = {
  norm: analysisSteps,
  layers: layersSteps,
  mean: unitLawSteps,
};

/** Runs a query's kernel step by step; the answer carries the query's kind. */
export function* engineSteps(q: EngineQuery): Generator<{ readonly fraction: number; readonly partial?: EngineAnswer }, EngineAnswer, void> {
  // One cast: TypeScript cannot correlate q.kind with q.input through the union.
  const kernel = KERNELS[q.kind] as unknown as (input: unknown) => Generator<KernelStep<unknown>, unknown, void>;
  const steps = kernel(q.input);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return { kind: q.kind, complete: true, output: step.value } as EngineAnswer;
    const { fraction, partial } = step.value;
    yield partial === undefined ? { fraction } : { fraction, partial: { kind: q.kind, complete: false, output: partial } as EngineAnswer };
  }
}

/** Runs a query to the end (tests, the command line). */
export function runQuery<K extends EngineKind>(kind: K, input: EngineInput<K>): EngineOutput<K> {
  const steps = engineSteps(query(kind, input));
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value.output as EngineOutput<K>;
  }
}
