/**
 * What the page's compensation does to the mean, in words that hold for the state shown: the factor
 * s·q of a scalar compensation (1 only at q = 1, or for c* when x has one non-zero unit), or the
 * factors E[y_i]/x_i of per-sample matching (equal or not, from the engine's numbers; their common
 * value is E‖m⊙x‖/‖x‖ < 1 for q < 1, since Σ x_i² E[y_i]/x_i = ‖x‖·E‖m⊙x‖).
 */
import { formatAdaptive, type BiasInput } from '../../../explain/meanDerivation.ts';
import { formatKeep } from '../../../explain/formatNumber.ts';
import { compensationInfo, type Compensation, unreachable, type UnitLaw } from '../../../math/index.ts';

export interface CompensationNote {
  readonly text: string;
  /** E[y_i] = s·q·x_i ≠ x_i with the numbers (scalar compensations other than 1/q). */
  readonly tex: BiasInput | null;
}

export interface CompensationNoteInput {
  readonly x: readonly number[];
  readonly compensation: Compensation;
  /** The compensation's label in the page's notation. */
  readonly label: string;
  /** Whether the reader may change the compensation (a class link may lock or hide it). */
  readonly compensationFree: boolean;
  /** The 1-based index of the unit of the worked example. */
  readonly unit: number;
}

/** Relative tolerance under which two factors count as equal (rounding of exact numbers). */
const EXACT = 1e-9;

/** Whether a and b are equal within rounding and, when sampled, two standard errors. */
const same = (a: number, b: number, error = 0) => Math.abs(a - b) <= EXACT * Math.max(1, Math.abs(a), Math.abs(b)) + 2 * error;

function inverted(free: boolean): CompensationNote {
  return {
    text: free
      ? 'Pick another compensation among the controls to see what it does to the diamonds: only 1/q keeps E[y] = x for every x.'
      : 'Of the compensations, only 1/q keeps E[y] = x for every x.',
    tex: null,
  };
}

/** The 2014 paper's way with 'none'. */
const PAPER_NOTE =
  ' The 2014 paper corrects this at test time instead, multiplying by q there: the same network with q moved into the next layer’s weights.';

/**
 * One scale s for every mask: E[y] = s·q·x. s·q = 1 only at q = 1, or for c* when x has a single
 * non-zero unit (E‖m⊙x‖ ≥ ‖E[m⊙x]‖ = q‖x‖, with equality only then), so the words follow those facts.
 */
interface ScalarTraits {
  /** Words after the note. */
  readonly after: string;
  /** Whether s·q = 1 when x has a single non-zero unit (c* only). */
  readonly oneUnitUnbiased: boolean;
}

function scalar(input: CompensationNoteInput, law: UnitLaw, { after, oneUnitUnbiased }: ScalarTraits): CompensationNote {
  const { compensation, label, x, unit } = input;
  const scale = law.scale ?? { value: Number.NaN, method: 'closed-form' as const };
  const factor = scale.value * law.keep;
  const opening = `The page’s compensation is ${label}: every mean is multiplied by the same factor s·q = ${formatAdaptive(factor)}`;
  let consequence: string;
  if (law.keep === 1) consequence = ', since at q = 1 nothing is dropped; at any q < 1 the factor differs from 1 and biases the next layer’s inputs.';
  else if (oneUnitUnbiased && x.filter((v) => v !== 0).length === 1) {
    consequence = ' here, because x has a single non-zero unit (then E‖m⊙x‖ = q‖x‖); for other vectors it is below 1 and biases the next layer’s inputs.';
  } else consequence = ', so the next layer’s inputs are biased.';
  const i = unit - 1;
  return {
    text: opening + consequence + after,
    tex: {
      value: x[i] ?? 0,
      index: unit,
      keep: law.keep,
      scale: scale.value,
      scaleTex: compensationInfo(compensation).scaleTex,
      mean: law.meanY.values[i] ?? 0,
    },
  };
}

function matched(input: CompensationNoteInput, law: UnitLaw): CompensationNote {
  const opening = `With per-sample norm matching (${input.label}) the scale depends on which units survived`;
  if (law.keep === 1) {
    return { text: `${opening}; at q = 1 every unit survives, the scale is 1 and E[y] = x, but at any q < 1 the means move off x.`, tex: null };
  }
  const factors: { value: number; error: number }[] = [];
  input.x.forEach((v, i) => {
    if (v !== 0) factors.push({ value: (law.meanY.values[i] ?? 0) / v, error: (law.meanY.standardErrors?.[i] ?? 0) / Math.abs(v) });
  });
  const first = factors[0];
  if (first === undefined) return { text: `${opening}; here x = 0, so every output is 0 and E[y] = x.`, tex: null };
  const sampled = law.meanY.method === 'sample' ? ', sampled' : '';
  if (factors.every((f) => same(f.value, first.value, f.error + first.error))) {
    return {
      text: `${opening}. Here every unit’s mean is multiplied by the same factor E[y_i]/x_i = ${formatAdaptive(first.value)}${sampled}, not 1 at q = ${formatKeep(law.keep)}, so the next layer’s inputs are biased.`,
      tex: null,
    };
  }
  const low = Math.min(...factors.map((f) => f.value));
  const high = Math.max(...factors.map((f) => f.value));
  return {
    text: `${opening}, so E[y_i] is no longer proportional to x_i: the diamonds above leave their bars by a factor E[y_i]/x_i that differs from unit to unit (here from ${formatAdaptive(low)} to ${formatAdaptive(high)}${sampled}), and the next layer’s inputs are biased.`,
    tex: null,
  };
}

/** The note for the page's compensation and the engine's numbers. */
export function compensationNote(input: CompensationNoteInput, law: UnitLaw): CompensationNote {
  const { compensation } = input;
  if (input.x.every((v) => v === 0) && !compensationInfo(compensation).unbiased) {
    return { text: `The page’s compensation is ${input.label}; here x = 0, so every output is 0 and E[y] = x whatever the scale.`, tex: null };
  }
  switch (compensation) {
    case 'inverted':
      return inverted(input.compensationFree);
    case 'none':
      return scalar(input, law, { after: PAPER_NOTE, oneUnitUnbiased: false });
    case 'sqrt':
      return scalar(input, law, { after: '', oneUnitUnbiased: false });
    case 'constant':
      return scalar(input, law, { after: '', oneUnitUnbiased: true });
    case 'match':
      return matched(input, law);
    default:
      return unreachable(compensation, 'compensation');
  }
}
