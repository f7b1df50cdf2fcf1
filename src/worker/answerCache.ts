/**
 * The last few complete answers a worker computed, by their query: the engine is deterministic (a
 * sampler's numbers follow from its seed), so a query asked again gets the same answer without
 * computing it. The comparison's `inverted` row asks exactly what the main figure asked (a split at
 * n = 40: about 200 ms of the worker's time again), and a slider dragged back over values it has
 * passed asks what it asked a moment before (docs/architecture.md#worker-protocol).
 *
 * Only the worker keeps one: its answers are copied into every message (transfer.ts), so a cached
 * answer is never shared with the page, which may hold on to what it was sent.
 */
import type { EngineAnswer, EngineQuery } from '../math/index.ts';

/** Whole answers kept: a few states back, and every row of one comparison. */
export const ANSWER_CACHE_SIZE = 8;

/** Answers by answerKey of their query (the job computes a query's key once, for the lookup and the store). */
export interface AnswerCache {
  get(key: string): EngineAnswer | undefined;
  set(key: string, answer: EngineAnswer): void;
}

/** JSON writes NaN and ±Infinity as null and −0 as 0; these keep them apart. */
const exactNumbers = (_key: string, value: unknown): unknown =>
  typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)) ? `#${Object.is(value, -0) ? '-0' : String(value)}` : value;

/**
 * The key of a query: every input decides the answer, and a double's JSON form round-trips, so
 * equal keys mean equal queries (measured: about 1.5 ms for the 10,000 numbers of the largest
 * vector, small beside any query that long).
 */
export function answerKey(query: EngineQuery): string {
  return JSON.stringify(query, exactNumbers);
}

/** An answer cache with least-recently-used eviction. */
export function createAnswerCache(size = ANSWER_CACHE_SIZE): AnswerCache {
  const answers = new Map<string, EngineAnswer>();
  return {
    get(key) {
      const answer = answers.get(key);
      if (answer === undefined) return undefined;
      // Most recently used last: Map keeps insertion order.
      answers.delete(key);
      answers.set(key, answer);
      return answer;
    },
    set(key, answer) {
      answers.delete(key);
      answers.set(key, answer);
      while (answers.size > size) answers.delete(answers.keys().next().value as string);
    },
  };
}
