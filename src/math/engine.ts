/**
 * The engine's one entry point for the page: a query names a kind of computation and its input;
 * `engineSteps(query)` runs the kind's kernel in steps of about 10 ms (workBudget.ts), yielding
 * { fraction, partial? } between them, and returns the answer. The worker and the main-thread
 * fallback run nothing else (docs/architecture.md#one-engine).
 *
 * Adding a kind: one entry in EngineKinds (its input and output types) and one in KERNELS (its
 * generator). KERNELS is a complete record over the kinds, so a kind without a kernel does not
 * compile, and answerOf narrows an answer back to its kind's output.
 */
import { analysisSteps } from './analyze.ts';
import { layersSteps, type LayersInput, type LayersOutput } from './layers.ts';
import type { AnalysisRequest, AnalysisResult } from './types.ts';
import { unitLawSteps, type UnitLaw, type UnitLawInput } from './unitLaw.ts';

/** Every kind of computation the engine does for the page: its input and its output. */
export interface EngineKinds {
  /** The law of ‖y‖ (or ‖u‖) for one model and compensation: histogram, moments, medians, E[y], z. */
  readonly norm: { readonly input: AnalysisRequest; readonly output: AnalysisResult };
  /** The layers section: moments, spread curve and percentile of a measured ‖y‖, Bernoulli masks and 1/q. */
  readonly layers: { readonly input: LayersInput; readonly output: LayersOutput };
  /** The mean section: E[y_i], sd(y_i), E[z], Var z and the binned law of z = w·y, unit masks. */
  readonly mean: { readonly input: UnitLawInput; readonly output: UnitLaw };
}

export type EngineKind = keyof EngineKinds;
export type EngineInput<K extends EngineKind> = EngineKinds[K]['input'];
export type EngineOutput<K extends EngineKind> = EngineKinds[K]['output'];

/** One computation asked of the engine. */
export type EngineQuery = { readonly [K in EngineKind]: { readonly kind: K; readonly input: EngineInput<K> } }[EngineKind];

/** What the engine answers to a query: final (complete) or the partial result of a running one. */
export type EngineAnswer = {
  readonly [K in EngineKind]: { readonly kind: K; readonly complete: boolean; readonly output: EngineOutput<K> };
}[EngineKind];

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

/** A query for one kind (typed, so a section cannot ask with the wrong input). */
export function query<K extends EngineKind>(kind: K, input: EngineInput<K>): EngineQuery {
  return { kind, input } as EngineQuery;
}

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

/** The output of an answer of the given kind, or null for no answer or another kind. */
export function answerOf<K extends EngineKind>(kind: K, answer: EngineAnswer | null | undefined): EngineOutput<K> | null {
  return answer !== null && answer !== undefined && answer.kind === kind ? (answer.output as EngineOutput<K>) : null;
}
