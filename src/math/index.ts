/**
 * The public API of src/math, the way d3-array's index lists its API: the rest of the app imports
 * src/math only through this file, and through engine.ts to run the engine (the worker, the command
 * line, tests; tests also through testing.ts), a rule that lint checks
 * (docs/architecture.md#folders-and-import-rules). Everything else in src/math is internal. Nothing
 * here imports the kernels, so the page's first load does not carry them
 * (docs/architecture.md#first-screen).
 */
export { DEFAULT_DROPCONNECT_ROWS, DEFAULT_SEED } from './analysisPlan.ts';
export { defaultEdges, validateRequest } from './analysisPlan.ts';
export { focusedEdges } from './focusedEdges.ts';
export { compensationInfo } from './compensations.ts';
export { isDecimalNumber, readDecimal } from './decimalNumber.ts';
export { dropConnectClosedForms, dropConnectMoments, seededWeights } from './dropConnect.ts';
export type { DownstreamBins } from './downstreamBins.ts';
export { downstreamMoments } from './downstreamMoments.ts';
export type { DownstreamMoments, DownstreamMomentsInput, UnitMaskModel } from './downstreamMoments.ts';
export type { DropConnectMoments, DropConnectWeights } from './dropConnect.ts';
export { answerOf, query } from './engineQuery.ts';
export type { EngineAnswer, EngineQuery } from './engineQuery.ts';
export { effectiveUnits, expectedMaskedNorm, expectedMaskedNormFixed, vectorNorm } from './expectedNorm.ts';
export { MAX_LAYER_UNITS, QUESTION_LAYER, isQuestionLayer } from './questionLayer.ts';
export type { LayersOutput, PercentileResult, SpreadPoint } from './layers.ts';
export { binomial } from './maskLaw.ts';
export { maskDraw, maskModel, unreachable } from './maskModels.ts';
export { MAX_LISTED_UNITS, bernoulliMaskProbability, listMasks, maskRows } from './maskTable.ts';
export type { MaskRow } from './maskTable.ts';
export { normalDistribution } from './normalApproximation.ts';
export { COMPENSATIONS, MASK_MODELS, METHODS } from './types.ts';
export type { AnalysisRequest, AnalysisResult, Compensation, Estimate, MaskModel, Method, VectorEstimate } from './types.ts';
export { MAX_UNIT_LAW_UNITS } from './enumerateUnitLaw.ts';
export type { UnitLaw, UnitLawInput } from './unitLaw.ts';
export { MAX_GENERATED_UNITS, VECTOR_KINDS, formatVectorSpec, generateVector, parseVectorSpec } from './vectorSpec.ts';
export type { VectorKind, VectorSpec } from './vectorSpec.ts';
export { createRandom } from './random.ts';
export type { Random } from './random.ts';
