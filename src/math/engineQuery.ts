/**
 * What the page says to the engine and what it hears back (engine.ts runs the kernels): the kinds of
 * computation with their input and output types, a typed query, and an answer narrowed back to its
 * kind. Types and two small functions only, apart from engine.ts, so the page's first load does not
 * carry the kernels, which run in the worker (docs/architecture.md#first-screen).
 */
import type { LayersInput, LayersOutput } from './layers.ts';
import type { AnalysisRequest, AnalysisResult } from './types.ts';
import type { UnitLaw, UnitLawInput } from './unitLaw.ts';

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

/** A query for one kind (typed, so a section cannot ask with the wrong input). */
export function query<K extends EngineKind>(kind: K, input: EngineInput<K>): EngineQuery {
  return { kind, input } as EngineQuery;
}

/** The output of an answer of the given kind, or null for no answer or another kind. */
export function answerOf<K extends EngineKind>(kind: K, answer: EngineAnswer | null | undefined): EngineOutput<K> | null {
  return answer !== null && answer !== undefined && answer.kind === kind ? (answer.output as EngineOutput<K>) : null;
}
