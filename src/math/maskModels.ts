/**
 * The mask models as data: what each masks, how its output and the test-time vector it is compared
 * with are named, and where its q comes from. Code that depends on the model reads these fields or
 * switches over MaskModel with `unreachable` in the default branch, so a new model fails to compile
 * until every place handles it (docs/architecture.md#mask-models-and-compensations-as-data).
 */
import type { MaskModel } from './types.ts';

export interface MaskModelDescriptor {
  readonly id: MaskModel;
  /** What the mask zeroes: the units x_i, or the weights W_ji of the next layer. */
  readonly masks: 'units' | 'weights';
  /** The compensated output: y = s·(m⊙x), or u = s·(M⊙W)x. Plain text and TeX. */
  readonly output: string;
  readonly outputTex: string;
  /** The test-time vector the output is compared with: x, or Wx. */
  readonly reference: string;
  readonly referenceTex: string;
  /** The masked vector before compensation: m⊙x, or (M⊙W)x. */
  readonly masked: string;
  readonly maskedTex: string;
  /** Whether q is k/n for a chosen count k (the fixed model) rather than a free probability. */
  readonly keepFromCount: boolean;
}

export const MASK_MODEL_DESCRIPTORS: { readonly [m in MaskModel]: MaskModelDescriptor } = {
  bernoulli: {
    id: 'bernoulli', masks: 'units', output: 'y', outputTex: 'y', reference: 'x', referenceTex: 'x',
    masked: 'm⊙x', maskedTex: String.raw`m\odot x`, keepFromCount: false,
  },
  fixed: {
    id: 'fixed', masks: 'units', output: 'y', outputTex: 'y', reference: 'x', referenceTex: 'x',
    masked: 'm⊙x', maskedTex: String.raw`m\odot x`, keepFromCount: true,
  },
  dropconnect: {
    id: 'dropconnect', masks: 'weights', output: 'u', outputTex: 'u', reference: 'Wx', referenceTex: 'Wx',
    masked: '(M⊙W)x', maskedTex: String.raw`(M\odot W)x`, keepFromCount: false,
  },
};

/** The descriptor of a mask model. */
export const maskModel = (model: MaskModel): MaskModelDescriptor => MASK_MODEL_DESCRIPTORS[model];

/** The default branch of an exhaustive switch: a type error when a case is missing. */
export function unreachable(value: never, what: string): never {
  throw new Error(`unhandled ${what}: ${String(value)}`);
}

/** How a model's masks are drawn for n units: exactly k kept (q = k/n), or each independently with probability q. */
export interface MaskDraw {
  /** The effective keep probability. */
  readonly q: number;
  /** k for a fixed count (the given k, else round(q·n)); null when units are kept independently. */
  readonly kept: number | null;
}

/** The effective q and the kept count of a model (exhaustive: a new model fails to compile here). */
export function maskDraw(model: MaskModel, units: number, keep: number, kept?: number): MaskDraw {
  switch (model) {
    case 'fixed': {
      const k = kept ?? Math.round(keep * units);
      return { q: k / units, kept: k };
    }
    case 'bernoulli':
    case 'dropconnect':
      return { q: keep, kept: null };
    default:
      return unreachable(model, 'mask model');
  }
}

/** True when the mask zeroes weights of the next layer (DropConnect) rather than units. */
export const masksWeights = (model: MaskModel): boolean => MASK_MODEL_DESCRIPTORS[model].masks === 'weights';

/** True when q = k/n for a chosen count k (the fixed model). */
export const keepsCount = (model: MaskModel): boolean => MASK_MODEL_DESCRIPTORS[model].keepFromCount;

/** The unit-law kind of a unit model's closed forms: a fixed count or independent units. */
export const unitLawKind = (model: MaskModel): 'fixed' | 'bernoulli' => (keepsCount(model) ? 'fixed' : 'bernoulli');
