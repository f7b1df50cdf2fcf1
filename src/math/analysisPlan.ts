/**
 * What an analysis request means: validation in plain words, the method chosen for the distribution
 * of ‖y‖, the defaults, and sensible histogram edges.
 *
 * Method choice ('auto'): every number exact where that fits in about a second in Node:
 * - unit models, scalar compensation: enumerate for n ≤ AUTO_ENUMERATE_UNITS, split (meet in the
 *   middle) for n ≤ AUTO_SPLIT_UNITS, else sample (moments with a closed form stay closed-form);
 * - 'match': ‖y‖ is ‖x‖ or 0, so its distribution is closed-form; the fixed model's E[y] then comes
 *   from enumeration (n ≤ AUTO_ENUMERATE_UNITS) or sampling;
 * - DropConnect: enumerate all 2^(d·n) weight masks when d·n ≤ MAX_ENUMERATE_WEIGHT_BITS, else sample.
 */
import { compensationScale, isPerSample } from './compensations.ts';
import { seededWeights, type DropConnectWeights } from './dropConnect.ts';
import { expectedMaskedNorm, expectedMaskedNormFixed, normalisedSquares } from './expectedNorm.ts';
import { dropConnectLargestNorm, dropConnectMeanNormLower, largestMaskedNorm, rowParts } from './largestNorm.ts';
import { keepsCount, masksWeights, unreachable } from './maskModels.ts';
import { MAX_GENERATED_UNITS } from './vectorSpec.ts';
import {
  COMPENSATIONS,
  MASK_MODELS,
  MAX_ENUMERATE_UNITS,
  MAX_ENUMERATE_WEIGHT_BITS,
  MAX_SPLIT_UNITS,
  METHODS,
  type AnalysisRequest,
  type Compensation,
  type Method,
} from './types.ts';

/** Largest n enumerated in 'auto' mode (2²⁰ masks: tens of ms). */
export const AUTO_ENUMERATE_UNITS = 20;
/** Largest n split in 'auto' mode (about 0.3 s at 128 bins). */
export const AUTO_SPLIT_UNITS = 36;
/** Largest n accepted at all. */
export const MAX_UNITS = MAX_GENERATED_UNITS;
export const MAX_EDGES = 10001;
export const DEFAULT_SAMPLES = 200_000;
/** Fewest masks drawn: one draw has no sd and no standard error. */
export const MIN_SAMPLES = 2;
export const MAX_SAMPLES = 1_000_000_000;
export const DEFAULT_SEED = 1;
/** Rows of the seeded DropConnect matrix when the request gives none. */
export const DEFAULT_DROPCONNECT_ROWS = 4;
/** The fixed-count closed forms cost O(641·n·k) (expectedNorm.ts); above this n·k, moments are sampled. */
export const FIXED_CLOSED_FORM_LIMIT = 120_000;
/** |keep − kept/n| allowed when both are given. */
const KEEP_MATCH = 1e-9;
const UINT32_MAX = 4294967295;

/** The request with every default filled in and the effective q. */
export interface ResolvedRequest {
  readonly x: readonly number[];
  readonly n: number;
  /** Effective q (k/n for the fixed model). */
  readonly keep: number;
  /** k for the fixed model, else null. */
  readonly kept: number | null;
  readonly model: AnalysisRequest['model'];
  readonly compensation: Compensation;
  readonly edges: readonly number[];
  readonly method: Method;
  readonly samples: number;
  readonly seed: number;
  readonly downstream: readonly number[];
  readonly weights: DropConnectWeights | null;
}

function isFiniteArray(values: unknown): values is readonly number[] {
  return Array.isArray(values) && values.every((v) => typeof v === 'number' && Number.isFinite(v));
}

/** k of the fixed model: the request's, or round(q·n). */
function keptOf(request: AnalysisRequest): number {
  return request.kept ?? Math.round(request.keep * request.x.length);
}

/** The method that 'auto' (or the forced one) gives, assuming a valid request. */
export function chooseMethod(request: AnalysisRequest): Method {
  const forced = request.method ?? 'auto';
  if (forced !== 'auto') return forced;
  const n = request.x.length;
  if (masksWeights(request.model)) {
    const rows = request.weights?.rows ?? DEFAULT_DROPCONNECT_ROWS;
    return rows * n <= MAX_ENUMERATE_WEIGHT_BITS ? 'enumerate' : 'sample';
  }
  if (isPerSample(request.compensation)) return 'closed-form';
  if (n <= AUTO_ENUMERATE_UNITS) return 'enumerate';
  if (n <= AUTO_SPLIT_UNITS) return 'split';
  return 'sample';
}

/** A plain-words reason why the request cannot be computed, or null. */
export function validateRequest(request: AnalysisRequest): string | null {
  const { x, keep, model, compensation, edges } = request;
  if (!Array.isArray(x) || x.length < 1) return 'x needs at least one unit';
  if (x.length > MAX_UNITS) return `x may have at most ${MAX_UNITS} units, got ${x.length}`;
  if (!isFiniteArray(x)) return 'every entry of x must be a finite number';
  const n = x.length;
  if (!(typeof keep === 'number' && keep > 0 && keep <= 1)) {
    return `the keep probability must be greater than 0 and at most 1, got ${String(keep)}`;
  }
  if (!MASK_MODELS.includes(model)) return `the mask model must be one of ${MASK_MODELS.join(', ')}, got ${String(model)}`;
  if (!COMPENSATIONS.includes(compensation)) {
    return `the compensation must be one of ${COMPENSATIONS.join(', ')}, got ${String(compensation)}`;
  }
  if (request.kept !== undefined && !keepsCount(model)) return 'kept (a number of kept units) applies only to the fixed model';
  if (keepsCount(model)) {
    const k = keptOf(request);
    if (!(Number.isInteger(k) && k >= 1 && k <= n)) {
      return `the fixed model keeps a whole number of units from 1 to ${n}, got ${String(k)}`;
    }
    if (request.kept !== undefined && Math.abs(keep - k / n) > KEEP_MATCH) {
      return `keep must equal kept/n = ${k}/${n} for the fixed model, got ${keep}`;
    }
  }
  if (!isFiniteArray(edges) || edges.length < 2) return 'the histogram needs at least two finite edges';
  if (edges.length > MAX_EDGES) return `the histogram may have at most ${MAX_EDGES - 1} bins`;
  for (let j = 1; j < edges.length; j++) {
    if (!(edges[j]! > edges[j - 1]!)) return 'histogram edges must be strictly increasing';
  }
  const { samples, seed } = request;
  if (samples !== undefined && !(Number.isInteger(samples) && samples >= MIN_SAMPLES && samples <= MAX_SAMPLES)) {
    return `samples must be a whole number from ${MIN_SAMPLES} to ${MAX_SAMPLES} (a standard deviation or standard error needs at least two draws), got ${String(samples)}`;
  }
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= UINT32_MAX)) {
    return `seed must be a whole number from 0 to ${UINT32_MAX}, got ${String(seed)}`;
  }
  if (!masksWeights(model) && request.downstream !== undefined) {
    if (!isFiniteArray(request.downstream) || request.downstream.length !== n) {
      return `downstream weights need ${n} finite numbers, one per unit`;
    }
  }
  const weights = request.weights;
  if (masksWeights(model) && weights !== undefined) {
    if (!(Number.isInteger(weights.rows) && weights.rows >= 1 && weights.rows <= MAX_UNITS)) {
      return `DropConnect weights need a whole number of rows from 1 to ${MAX_UNITS}`;
    }
    if (!isFiniteArray(weights.values) || weights.values.length !== weights.rows * n) {
      return `DropConnect weights need rows × ${n} = ${weights.rows * n} finite numbers`;
    }
  }
  return validateMethod(request);
}

function validateMethod(request: AnalysisRequest): string | null {
  const method = request.method ?? 'auto';
  if (method !== 'auto' && !METHODS.includes(method)) {
    return `the method must be auto or one of ${METHODS.join(', ')}, got ${String(method)}`;
  }
  const n = request.x.length;
  if (masksWeights(request.model)) {
    const bits = (request.weights?.rows ?? DEFAULT_DROPCONNECT_ROWS) * n;
    if (method === 'enumerate' && bits > MAX_ENUMERATE_WEIGHT_BITS) {
      return `enumerate handles DropConnect with rows × n ≤ ${MAX_ENUMERATE_WEIGHT_BITS} weights, got ${bits}; use sample`;
    }
    if (method === 'split' || method === 'closed-form') {
      return `DropConnect's distribution is computed by enumerate (rows × n ≤ ${MAX_ENUMERATE_WEIGHT_BITS}) or sample, not ${method}`;
    }
    return null;
  }
  if (method === 'enumerate' && n > MAX_ENUMERATE_UNITS) {
    return `enumerate handles n ≤ ${MAX_ENUMERATE_UNITS} units, got n = ${n}; use split (n ≤ ${MAX_SPLIT_UNITS}) or sample`;
  }
  if (method === 'split' && n > MAX_SPLIT_UNITS) {
    return `split handles n ≤ ${MAX_SPLIT_UNITS} units, got n = ${n}; use sample`;
  }
  if (method === 'closed-form' && !isPerSample(request.compensation)) {
    return `closed-form gives the distribution of ‖y‖ only for the match compensation; for ${request.compensation} use enumerate (n ≤ ${MAX_ENUMERATE_UNITS}), split (n ≤ ${MAX_SPLIT_UNITS}) or sample`;
  }
  return null;
}

/** The request with defaults filled in; throws RangeError with validateRequest's words. */
export function resolveRequest(request: AnalysisRequest): ResolvedRequest {
  const error = validateRequest(request);
  if (error !== null) throw new RangeError(error);
  const n = request.x.length;
  const kept = keepsCount(request.model) ? keptOf(request) : null;
  const seed = request.seed ?? DEFAULT_SEED;
  const weights =
    masksWeights(request.model) ? (request.weights ?? seededWeights(DEFAULT_DROPCONNECT_ROWS, n, seed)) : null;
  return {
    x: request.x,
    n,
    keep: kept === null ? request.keep : kept / n,
    kept,
    model: request.model,
    compensation: request.compensation,
    edges: request.edges,
    method: chooseMethod(request),
    samples: request.samples ?? DEFAULT_SAMPLES,
    seed,
    downstream:
      masksWeights(request.model) ? [] : (request.downstream ?? seededWeights(1, n, seed).values),
    weights,
  };
}

/** ‖Wx‖. */
function dropConnectTestNorm(x: readonly number[], weights: DropConnectWeights): number {
  let squares = 0;
  for (let j = 0; j < weights.rows; j++) {
    const { positive, negative } = rowParts(x, weights, j);
    squares += (positive - negative) ** 2;
  }
  return Math.sqrt(squares);
}

/** c* = ‖x‖/E‖m⊙x‖ when it has an affordable closed form, else its upper bound 1/q (c* ≤ 1/q). */
function constantScaleOf(x: readonly number[], keep: number, kept: number | null): number {
  const { norm } = normalisedSquares(x);
  const masked =
    kept === null ? expectedMaskedNorm(x, keep)
    : x.length * kept <= FIXED_CLOSED_FORM_LIMIT ? expectedMaskedNormFixed(x, kept)
    : 0;
  return masked > 0 && norm > 0 ? norm / masked : 1 / keep;
}

/**
 * `bins` equal-width edges over [0, max‖y‖] = [0, s·max‖m⊙x‖] (largestNorm.ts: the k largest units for
 * the fixed model with `kept` = k < n). For 'constant' s = c* itself (closed form; with DropConnect
 * weights ‖Wx‖ over a lower bound of E‖(M⊙W)x‖, which bounds c* from above); ‖x‖ (‖Wx‖) for 'match'.
 * [0, 1] when that is 0.
 */
export function defaultEdges(
  x: readonly number[],
  keep: number,
  compensation: Compensation,
  bins: number,
  weights?: DropConnectWeights,
  kept?: number,
): number[] {
  const count = Math.max(1, Math.floor(bins));
  const fixed = weights === undefined && kept !== undefined ? kept : null;
  let norm = isPerSample(compensation) ? normalisedSquares(x).norm : largestMaskedNorm(x, fixed);
  if (weights !== undefined) norm = isPerSample(compensation) ? dropConnectTestNorm(x, weights) : dropConnectLargestNorm(x, weights);
  let scale: number;
  switch (compensation) {
    case 'match':
      // The norm above is already ‖x‖ (‖Wx‖): every matched output has it.
      scale = 1;
      break;
    case 'inverted':
    case 'none':
    case 'sqrt':
      scale = compensationScale(compensation, keep, Number.NaN);
      break;
    case 'constant':
      if (weights === undefined) scale = constantScaleOf(x, keep, fixed);
      else {
        // c* = ‖Wx‖/E‖(M⊙W)x‖: exact for small d·n, else from the tightest lower bound on the mean.
        const lower = dropConnectMeanNormLower(x, weights, keep);
        const test = dropConnectTestNorm(x, weights);
        scale = lower > 0 && test > 0 ? Math.min(1 / keep, test / lower) : 1 / keep;
      }
      break;
    default:
      return unreachable(compensation, 'compensation');
  }
  const top = norm * scale > 0 && Number.isFinite(norm * scale) ? norm * scale : 1;
  const edges = Array.from({ length: count + 1 }, (_, j) => (j === count ? top : (top * j) / count));
  // Subnormal ranges have too few doubles for `bins` distinct edges: fewer, wider bins then.
  return edges.filter((edge, j) => j === 0 || edge > edges[j - 1]!);
}
