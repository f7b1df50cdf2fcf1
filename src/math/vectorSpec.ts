/**
 * Generated activation vectors, written as short text for the shareable URL and the CLI (`--gen`):
 * `kind:units[:seed=S][:norm=N]`, e.g. `gauss:192:seed=7:norm=0.885`.
 */
import { isDecimalNumber } from './decimalNumber.ts';
import { createRandom } from './random.ts';

/** How the entries of a generated vector are drawn (see generateVector for the exact recipes). */
/**
 * The norms a generated vector may have. Every section squares entries and sums fourth powers of
 * them on the page; from 1e-20 to 1e6 none of that underflows or overflows (1e-310 gave empty
 * axes and 1e308 NaN coordinates), and 1e6 is also the largest entry a typed vector may have.
 */
export const MIN_SPEC_NORM = 1e-20;
export const MAX_SPEC_NORM = 1e6;

export type VectorKind = 'gauss' | 'uniform' | 'dominant' | 'equal';

export interface VectorSpec {
  readonly kind: VectorKind;
  /** n, the number of units (1 … MAX_GENERATED_UNITS). */
  readonly units: number;
  /** uint32 seed of the generator (default 1). */
  readonly seed: number;
  /** ‖x‖, the Euclidean norm the vector is scaled to (finite, > 0; default 1). */
  readonly norm: number;
}

export const VECTOR_KINDS: readonly VectorKind[] = ['gauss', 'uniform', 'dominant', 'equal'];
export const MAX_GENERATED_UNITS = 10000;
export const DEFAULT_VECTOR_SEED = 1;
export const DEFAULT_VECTOR_NORM = 1;

/** Share of ‖x‖² carried by unit 1 in a 'dominant' vector (n ≥ 2). */
export const DOMINANT_SHARE = 0.995;

const UINT32_MAX = 4294967295;
const DECIMAL_INTEGER = /^[0-9]+$/;

/** Parses `kind:units[:seed=S][:norm=N]` (options in any order). Never throws. */
export function parseVectorSpec(
  text: string,
): { ok: true; spec: VectorSpec } | { ok: false; error: string } {
  const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
  const parts = text.trim().split(':');
  const kindText = parts[0] ?? '';
  const kind = VECTOR_KINDS.find((k) => k === kindText);
  if (kind === undefined) {
    return fail(`vector kind must be one of ${VECTOR_KINDS.join(', ')}, got "${kindText}"`);
  }
  const unitsText = parts[1];
  if (unitsText === undefined) {
    return fail(`a vector needs a unit count after the kind, as in "${kind}:192"`);
  }
  const units = DECIMAL_INTEGER.test(unitsText) ? Number(unitsText) : Number.NaN;
  if (!(units >= 1 && units <= MAX_GENERATED_UNITS)) {
    return fail(`units must be a whole number from 1 to ${MAX_GENERATED_UNITS}, got ${unitsText || 'nothing'}`);
  }
  let seed: number | undefined;
  let norm: number | undefined;
  for (const option of parts.slice(2)) {
    const [name, value, ...rest] = option.split('=');
    if (value === undefined || rest.length > 0) {
      return fail(`options must look like seed=7 or norm=0.885, got "${option}"`);
    }
    if (name === 'seed') {
      if (seed !== undefined) return fail('seed is given twice; give it once');
      const parsed = DECIMAL_INTEGER.test(value) ? Number(value) : Number.NaN;
      if (!(parsed >= 0 && parsed <= UINT32_MAX)) {
        return fail(`seed must be a whole number from 0 to ${UINT32_MAX}, got ${value || 'nothing'}`);
      }
      seed = parsed;
    } else if (name === 'norm') {
      if (norm !== undefined) return fail('norm is given twice; give it once');
      const parsed = isDecimalNumber(value) ? Number(value) : Number.NaN;
      if (!(parsed >= MIN_SPEC_NORM && parsed <= MAX_SPEC_NORM)) {
        return fail(`norm must be from ${MIN_SPEC_NORM} to ${MAX_SPEC_NORM}, got ${value || 'nothing'}`);
      }
      norm = parsed;
    } else {
      return fail(`unknown option "${name ?? ''}"; the options are seed and norm`);
    }
  }
  return {
    ok: true,
    spec: { kind, units, seed: seed ?? DEFAULT_VECTOR_SEED, norm: norm ?? DEFAULT_VECTOR_NORM },
  };
}

/** Canonical text of a spec: kind:units, then seed and norm in that order, each only if not the default. */
export function formatVectorSpec(spec: VectorSpec): string {
  let text = `${spec.kind}:${spec.units}`;
  if (spec.seed !== DEFAULT_VECTOR_SEED) text += `:seed=${spec.seed}`;
  // String(number) is the shortest text that reads back to the same double.
  if (spec.norm !== DEFAULT_VECTOR_NORM) text += `:norm=${String(spec.norm)}`;
  return text;
}

/** Multiplies v in place so that ‖v‖ = norm (to rounding); ‖v‖ is computed without overflow. */
function scaleToNorm(v: number[], norm: number): number[] {
  let largest = 0;
  for (const value of v) largest = Math.max(largest, Math.abs(value));
  let sumSquares = 0;
  for (const value of v) sumSquares += (value / largest) ** 2;
  const factor = norm / (largest * Math.sqrt(sumSquares));
  for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) * factor;
  return v;
}

/**
 * The vector described by `spec`, scaled to ‖x‖ = spec.norm (to rounding). Recipes, all drawn from
 * createRandom(spec.seed) in unit order:
 * - gauss: x_i i.i.d. standard normal (polar method), then scaled.
 * - uniform: x_i = 1 − U_i with U_i = nextFloat(), i.e. i.i.d. uniform on (0, 1] (non-negative, like
 *   activations after a ReLU, and never all zero), then scaled.
 * - dominant: x_1 = √0.995·norm; for i ≥ 2, v_i = 1 − U_i as in 'uniform', rescaled so that
 *   Σ_{i≥2} x_i² = 0.005·norm². Unit 1 carries exactly 99.5 % of ‖x‖² (n = 1: x = (norm)).
 * - equal: x_i = norm/√n for every i (no randomness; the seed is ignored).
 * A gauss draw that is exactly zero everywhere (probability below 2⁻⁵⁰⁰⁰) falls back to 'equal'.
 */
export function generateVector(spec: VectorSpec): number[] {
  const n = spec.units;
  const random = createRandom(spec.seed);
  const equal = (): number[] => new Array<number>(n).fill(spec.norm / Math.sqrt(n));
  switch (spec.kind) {
    case 'gauss': {
      const v = Array.from({ length: n }, () => random.normal());
      return v.some((value) => value !== 0) ? scaleToNorm(v, spec.norm) : equal();
    }
    case 'uniform':
      return scaleToNorm(
        Array.from({ length: n }, () => 1 - random.nextFloat()),
        spec.norm,
      );
    case 'dominant': {
      if (n === 1) return [spec.norm];
      const rest = scaleToNorm(
        Array.from({ length: n - 1 }, () => 1 - random.nextFloat()),
        spec.norm * Math.sqrt(1 - DOMINANT_SHARE),
      );
      return [spec.norm * Math.sqrt(DOMINANT_SHARE), ...rest];
    }
    case 'equal':
      return equal();
  }
}
