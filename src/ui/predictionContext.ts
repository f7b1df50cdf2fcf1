import { createContext, useContext } from 'react';
import type { EngineQuery, Estimate } from '../math/index.ts';
import type { PredictTarget } from '../state/classLink.ts';

/** A committed guess: for which target and which engine requests (the settings when it was made). */
export interface Attempt {
  readonly target: PredictTarget;
  readonly guess: number;
  readonly requests: readonly EngineQuery[];
  /** The value once the engine finished for those requests, with ‖x‖ (DropConnect: ‖Wx‖) beside it. */
  readonly answer: { readonly estimate: Estimate; readonly norm: number } | null;
}

export interface Prediction {
  /** True while a class link asks for a prediction that has not been made: the numbers stay hidden. */
  readonly pending: boolean;
  readonly attempt: Attempt | null;
  readonly setAttempt: (attempt: Attempt | null) => void;
}

/** The reader's guess lives in the page, not in the link: a shared link asks each reader afresh. */
export const PredictionContext = createContext<Prediction>({ pending: false, attempt: null, setAttempt: () => {} });

export function usePrediction(): Prediction {
  return useContext(PredictionContext);
}
