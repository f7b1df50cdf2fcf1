/**
 * Section rescaling's words that are not in one engine result: the mean's factor or range of factors, the bias against the test-time output, and the words
 * for what each compensation leaks or breaks (docs/mathematics.md#norm-matching-and-the-alternatives).
 */
import { type AnalysisResult, type Compensation, compensationInfo, maskModel } from '../../../math/index.ts';
import { formatFixed, formatProbability } from '../../../explain/formatNumber.ts';

/** What the network computes at test time for this compensation: x, or q·x for 'none' (weights × q at test). */
export function testOutputFactor(compensation: Compensation, keep: number): number {
  return compensationInfo(compensation).testFactor(keep);
}

/**
 * E[y] in words: "x", "0.9707·x", or a range of per-unit factors when E[y] is not proportional to x
 * (DropConnect: E[u] against Wx).
 */
export function meanInWords(result: AnalysisResult): string {
  const ref = maskModel(result.model).reference;
  const mean = result.meanVector.values;
  const x = compensationInfo(result.compensation).kind === 'per-sample' || result.scale === null ? null : result.scale * result.keep;
  if (x !== null && mean.every(Number.isFinite)) {
    return Math.abs(x - 1) < 5e-13 ? ref : `${formatFixed(x, 4)}·${ref}`;
  }
  let low = Infinity;
  let high = -Infinity;
  result.meanVector.values.forEach((value, i) => {
    const xi = inputOf(result, i);
    if (xi !== 0 && Number.isFinite(value)) {
      low = Math.min(low, value / xi);
      high = Math.max(high, value / xi);
    }
  });
  if (!Number.isFinite(low)) return 'pending';
  const { output } = maskModel(result.model);
  if (high - low < 5e-5 * Math.max(1, Math.abs(high))) return `${formatFixed(low, 4)}·${ref}`;
  return `not ∝ ${ref}: E[${output}_i]/(${ref})_i from ${formatFixed(low, 3)} to ${formatFixed(high, 3)}`;
}

/** x_i, recovered from the result's bias (E[y] − x) and mean. */
function inputOf(result: AnalysisResult, i: number): number {
  return (result.meanVector.values[i] ?? 0) - (result.bias.values[i] ?? 0);
}

/** ‖E[y] − test output‖ and, when E[y] was sampled, the noise level √Σ SE_i² it carries. */
export function biasNorm(result: AnalysisResult): { value: number; noise: number | null } {
  const factor = testOutputFactor(result.compensation, result.keep);
  let sum = 0;
  result.meanVector.values.forEach((value, i) => {
    sum += (value - factor * inputOf(result, i)) ** 2;
  });
  const errors = result.meanVector.standardErrors;
  const noise = errors === undefined ? null : Math.sqrt(errors.reduce((s, e) => s + e * e, 0));
  return { value: Math.sqrt(sum), noise };
}

/** What each compensation leaks or breaks, with the result's numbers, in the names of its mask model (y and x, or u and Wx). */
export function leaksInWords(result: AnalysisResult): string {
  const q = result.keep;
  const d = maskModel(result.model);
  const [y, x, masked] = [d.output, d.reference, d.masked];
  const dropped = d.masks === 'units' ? 'units' : 'weights';
  switch (result.compensation) {
    case 'inverted':
      return (
        `Nothing: E[${y}] = ${x} for every x, and dropped ${dropped} get no gradient. Its price is variance: ` +
        (d.masks === 'weights'
          ? 'Var u₁ = (1−q)/q·Σᵢ W₁ᵢ²xᵢ².'
          : d.keepFromCount
            ? 'Var z, (1−q)/q·Σwᵢ²xᵢ² in the finite-population form of exactly k kept.'
            : 'Var z = (1−q)/q·Σwᵢ²xᵢ².')
      );
    case 'none':
      return `Nothing, if the weights are multiplied by q = ${formatFixed(q, 2)} at test time: the same network as 1/q, with q moved into the next layer.`;
    case 'sqrt':
      return d.masks === 'units'
        ? `Shrinks the mean by √q = ${formatFixed(Math.sqrt(q), 4)} for every x; it matches only the mean-square length, E‖y‖² = ‖x‖².`
        : `Shrinks the mean by √q = ${formatFixed(Math.sqrt(q), 4)}, and with masked weights it does not even match the mean-square length: ` +
            `E‖u‖² = ${formatFixed(result.rmsNorm.value ** 2, 4)} against ‖Wx‖² = ${formatFixed(result.norm ** 2, 4)}.`;
    case 'constant':
      return (
        `E‖${y}‖ = ‖${x}‖ exactly, but the mean shrinks by c*·q = ${formatFixed((result.scale ?? Number.NaN) * q, 4)}, a factor that ` +
        `depends on the shape of x. If c* is differentiated, gradient flows through it to every ${dropped.slice(0, -1)}, dropped ones included.`
      );
    case 'match':
      return (
        `Every ${y} has length ‖${x}‖, so the scale ‖${x}‖/‖${masked}‖ reveals the dropped mass ‖${x}‖² − ‖${masked}‖², and gradient ` +
        `reaches dropped ${dropped} through it. E[${y}] is not proportional to ${x}. The all-dropped mask (probability ${formatProbability(result.pAllDropped)}) has no scale at all; its output is taken as 0.`
      );
  }
}

