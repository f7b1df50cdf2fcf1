/**
 * The engine's entry point for the app, the worker and the command line.
 *
 * analysisSteps(request) is a generator that does the work in steps of about 10 ms (workBudget.ts),
 * yielding { fraction, partial? } between them so that a worker can check for cancellation and show
 * progress; small problems (n ≤ 16) finish in the first step. analyze(request) runs it to the end.
 * Unit models: analyzeUnits.ts; DropConnect: analyzeDropConnect.ts; the plan: analysisPlan.ts.
 */
import { masksWeights } from './maskModels.ts';
import { resolveRequest } from './analysisPlan.ts';
import { analyzeDropConnect } from './analyzeDropConnect.ts';
import { analyzeUnits } from './analyzeUnits.ts';
import { ENUMERATE_WORK_PER_MASK } from './enumerateMasks.ts';
import { sampleWork } from './sampleRun.ts';
import type { AnalysisProgress, AnalysisRequest, AnalysisResult } from './types.ts';
import { createWorkBudget } from './workBudget.ts';

export { chooseMethod, defaultEdges, validateRequest } from './analysisPlan.ts';
export { focusedEdges } from './focusedEdges.ts';
export type { AnalysisProgress, AnalysisRequest, AnalysisResult, DownstreamResult, HistogramResult } from './types.ts';

/** A rough total of work units, for the progress fraction (it never decreases). */
function estimateWork(request: ReturnType<typeof resolveRequest>): number {
  const bits = masksWeights(request.model) ? (request.weights?.rows ?? 1) * request.n : request.n;
  switch (request.method) {
    case 'enumerate':
      return 3 * ENUMERATE_WORK_PER_MASK * 2 ** bits;
    case 'split': {
      const half = 2 ** Math.ceil(request.n / 2);
      return half * 2 * (request.edges.length + 3) * 1.2 + 40 * half * 2 * 1.2 + 12 * half;
    }
    case 'closed-form':
      return 1;
    case 'sample':
      return 2 * sampleWork(request.samples, bits);
  }
}

export function* analysisSteps(request: AnalysisRequest): Generator<AnalysisProgress, AnalysisResult, void> {
  const resolved = resolveRequest(request);
  const budget = createWorkBudget(estimateWork(resolved));
  return masksWeights(resolved.model) ? yield* analyzeDropConnect(resolved, budget) : yield* analyzeUnits(resolved, budget);
}

export function analyze(request: AnalysisRequest): AnalysisResult {
  const steps = analysisSteps(request);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}
