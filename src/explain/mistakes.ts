/**
 * The mistakes section (id 'mistakes'): real dropout bugs as data. Each mistake maps the reader's x and keep probability q
 * (drop rate p = 1 − q) to the right and the wrong output, by closed forms (docs/mathematics.md#bernoulli-moments):
 * for y = m⊙x·s with m_i ~ Bernoulli(k), E[y_i] = k·s·x_i, sd(y_i) = s·|x_i|·√(k(1−k)),
 * E‖y‖² = k·s²·‖x‖². Training-time bugs compare training outputs, test-time bugs test outputs.
 */
import { formatFixed, formatKeep, texNumber } from './formatNumber.ts';
import { isHalf, probabilitySymbols, safeKeep, type PageNotation } from './notationDerivation.ts';

export const MISTAKE_IDS = ['divide-by-drop', 'scale-twice', 'eval-mode', 'keep-as-rate'] as const;
export type MistakeId = (typeof MISTAKE_IDS)[number];

/** The output of one procedure, in the phase where the bug shows. */
export interface MistakeOutcome {
  /** E[y_i], unit by unit. */
  readonly mean: readonly number[];
  /** sd(y_i), unit by unit (0 when the output is deterministic). */
  readonly sd: readonly number[];
  /** E‖y‖². */
  readonly meanSquareNorm: number;
}

export interface MistakeNumbers {
  readonly id: MistakeId;
  /** Where the two procedures are compared: training outputs or test outputs. */
  readonly phase: 'training' | 'test';
  readonly right: MistakeOutcome;
  /** NaN everywhere when the wrong code divides by zero at this q (see `defined`). */
  readonly wrong: MistakeOutcome;
  /** False when the wrong procedure has no value at this q (it divides by p = 0). */
  readonly defined: boolean;
  /** The wrong mean as a multiple of x: q/p, q, 1 or 1 (NaN when undefined). */
  readonly meanFactor: number;
}

/** Words and code for one mistake; the code has the reader's numbers filled in. */
export interface MistakeStory {
  readonly id: MistakeId;
  /** The button's label. */
  readonly title: string;
  /** What the buggy code does, in one or two sentences. */
  readonly story: string;
  /** The wrong and the right line of code, for keep probability and drop rate as formatted text. */
  readonly code: (keepText: string, dropText: string) => { readonly wrong: string; readonly right: string };
}

export const MISTAKES: readonly MistakeStory[] = [
  {
    id: 'divide-by-drop',
    title: 'Dividing by the drop rate',
    story:
      'A hand-written inverted dropout divides the survivors by the drop rate p instead of the keep probability q = 1 − p (or reads the paper’s p, a keep probability, as PyTorch’s p, a drop rate). The training mean becomes (q/p)·x while inference returns x.',
    code: (q, p) => ({
      wrong: `keep = torch.rand_like(x) >= ${p}\ny = x * keep / ${p}`,
      right: `keep = torch.rand_like(x) >= ${p}\ny = x * keep / (1 - ${p})   # / ${q}`,
    }),
  },
  {
    id: 'scale-twice',
    title: 'Scaling at training and at test',
    story:
      'Inverted dropout already divides by q in training, so the test pass must be the identity. Multiplying by q at test as well (the paper’s rule, meant for a network that does not scale in training) shrinks every test output to q·x while the training mean is x.',
    code: (q) => ({
      wrong: `train: y = x * mask / ${q}\ntest:  y = x * ${q}`,
      right: `train: y = x * mask / ${q}\ntest:  y = x`,
    }),
  },
  {
    id: 'eval-mode',
    title: 'Forgetting evaluation mode',
    story:
      'Without model.eval() (or training=False, deterministic=True) dropout stays on at test. The mean of the outputs is still x, but each prediction is a random draw: unit i is 0 with probability p and xᵢ/q otherwise.',
    code: () => ({
      wrong: 'model.train()   # still, after training\nprediction = model(x)   # dropout on',
      right: 'model.eval()\nprediction = model(x)   # dropout off: y = x',
    }),
  },
  {
    id: 'keep-as-rate',
    title: 'keep_prob passed as rate',
    story:
      'Migrating from TensorFlow 1 (keep_prob) to TensorFlow 2 or Keras (rate) without converting: the keep probability is passed where the drop rate is expected, so a fraction q of the units is dropped instead of p. The mean is still x (the scale follows the rate), but the noise is that of keep probability p.',
    code: (q, p) => ({
      wrong: `# TF 1: tf.nn.dropout(x, keep_prob=${q})\ntf.nn.dropout(x, rate=${q})`,
      right: `# rate = 1 - keep_prob\ntf.nn.dropout(x, rate=${p})`,
    }),
  },
];

/** The story of a mistake (the first one for an unknown id). */
export function mistakeStory(id: MistakeId): MistakeStory {
  return MISTAKES.find((m) => m.id === id) ?? (MISTAKES[0] as MistakeStory);
}

/** Output of y = s·(m⊙x), m_i ~ Bernoulli(k): mean k·s·x_i, sd s·|x_i|·√(k(1−k)), E‖y‖² = k·s²·‖x‖². */
function scaledBernoulli(x: readonly number[], k: number, s: number): MistakeOutcome {
  const normSquared = x.reduce((sum, v) => sum + v * v, 0);
  const sdFactor = s * Math.sqrt(Math.max(0, k * (1 - k)));
  return {
    mean: x.map((v) => k * s * v),
    sd: x.map((v) => sdFactor * Math.abs(v)),
    meanSquareNorm: k * s * s * normSquared,
  };
}

const undefinedOutcome = (n: number): MistakeOutcome => ({
  mean: new Array<number>(n).fill(Number.NaN),
  sd: new Array<number>(n).fill(Number.NaN),
  meanSquareNorm: Number.NaN,
});

/** The right and the wrong output of a mistake, for activations x and keep probability q. */
export function mistakeNumbers(id: MistakeId, x: readonly number[], keep: number): MistakeNumbers {
  const values = x.map((v) => (Number.isFinite(v) ? v : 0));
  const q = safeKeep(keep);
  const p = 1 - q;
  const n = values.length;
  // Inverted dropout in training (keep q, scale 1/q), and the deterministic test pass (keep 1, scale 1).
  const training = q > 0 ? scaledBernoulli(values, q, 1 / q) : undefinedOutcome(n);
  const test = scaledBernoulli(values, 1, 1);
  switch (id) {
    case 'divide-by-drop': {
      const defined = p > 0 && q > 0;
      return {
        id,
        phase: 'training',
        right: training,
        wrong: defined ? scaledBernoulli(values, q, 1 / p) : undefinedOutcome(n),
        defined,
        meanFactor: defined ? q / p : Number.NaN,
      };
    }
    case 'scale-twice':
      return { id, phase: 'test', right: test, wrong: scaledBernoulli(values, 1, q), defined: true, meanFactor: q };
    case 'eval-mode':
      return { id, phase: 'test', right: test, wrong: training, defined: q > 0, meanFactor: q > 0 ? 1 : Number.NaN };
    case 'keep-as-rate': {
      // rate = q, so units are kept with probability 1 − q = p and scaled by 1/p.
      const defined = p > 0 && q > 0;
      return {
        id,
        phase: 'training',
        right: training,
        wrong: defined ? scaledBernoulli(values, p, 1 / p) : undefinedOutcome(n),
        defined,
        meanFactor: defined ? 1 : Number.NaN,
      };
    }
  }
}

/** Units written out in a TeX vector before it is elided. */
const MAX_TEX_UNITS = 6;

/** A vector as TeX, (a, b, …, z) when it is long. */
export function vectorTex(values: readonly number[], decimals = 4): string {
  const shown =
    values.length <= MAX_TEX_UNITS
      ? values.map((v) => texNumber(v, decimals))
      : [...values.slice(0, 3).map((v) => texNumber(v, decimals)), String.raw`\ldots`, texNumber(values.at(-1) ?? 0, decimals)];
  return String.raw`\left(${shown.join(String.raw`,\ `)}\right)`;
}

const UNDEFINED = String.raw`\text{undefined (division by } 0\text{)}`;

/** Display lines stacked and centred (a derivation too wide for one line). */
const lines = (...rows: readonly string[]) => String.raw`\begin{gathered}${rows.join(String.raw`\\ `)}\end{gathered}`;

/** The derivation of a mistake: the wrong line and the right line, with the reader's numbers. */
export function mistakeTex(
  id: MistakeId,
  x: readonly number[],
  keep: number,
  notation: PageNotation,
): { readonly wrong: string; readonly right: string } {
  const numbers = mistakeNumbers(id, x, keep);
  const s = probabilitySymbols(notation);
  const q = safeKeep(keep);
  const p = 1 - q;
  const qText = formatKeep(q);
  const pText = formatKeep(p);
  const normSquared = x.reduce((sum, v) => sum + (Number.isFinite(v) ? v * v : 0), 0);
  const a = texNumber(normSquared, 4);
  const wrongVector = numbers.defined ? ` = ${vectorTex(numbers.wrong.mean)}` : '';
  const sdRatio = (num: number, den: number) => (den > 0 ? texNumber(Math.sqrt(num / den), 4) : UNDEFINED);
  switch (id) {
    case 'divide-by-drop':
      return {
        wrong:
          String.raw`y = \frac{m\odot x}{${s.drop}} \;\Rightarrow\; \mathbb{E}[y] = \frac{${s.keep}}{${s.drop}}\,x = ` +
          String.raw`\frac{${qText}}{${pText}}\,x = ${numbers.defined ? String.raw`${texNumber(numbers.meanFactor, 4)}\,x${wrongVector}` : UNDEFINED}`,
        right:
          String.raw`y = \frac{m\odot x}{${s.keep}} \;\Rightarrow\; \mathbb{E}[y] = \frac{${s.keep}}{${s.keep}}\,x = x = ${vectorTex(x)}`,
      };
    case 'scale-twice':
      return {
        wrong:
          String.raw`y_{\text{test}} = ${s.keepFactor}\,x = ${qText}\,x${wrongVector}` +
          String.raw`\quad\text{but}\quad \mathbb{E}[y_{\text{train}}] = \mathbb{E}\Big[\frac{m\odot x}{${s.keep}}\Big] = x`,
        right: String.raw`y_{\text{test}} = x = ${vectorTex(x)} = \mathbb{E}[y_{\text{train}}]`,
      };
    case 'eval-mode':
      return {
        wrong: lines(
          String.raw`y_{\text{test}} = \frac{m\odot x}{${s.keep}}:\quad \mathbb{E}[y_i] = x_i,\quad ` +
            String.raw`\operatorname{sd}(y_i) = |x_i|\sqrt{\frac{${s.drop}}{${s.keep}}} = ${sdRatio(p, q)}\,|x_i|`,
          String.raw`\mathbb{E}\lVert y\rVert^2 = \frac{\lVert x\rVert^2}{${s.keep}} = \frac{${a}}{${qText}} = ${texNumber(numbers.wrong.meanSquareNorm, 4)}`,
        ),
        right: String.raw`y_{\text{test}} = x:\quad \operatorname{sd}(y_i) = 0,\quad \lVert y\rVert^2 = \lVert x\rVert^2 = ${a}`,
      };
    case 'keep-as-rate':
      return {
        wrong: lines(
          String.raw`\texttt{rate} = ${qText} \Rightarrow \text{keep } 1 - ${qText} = ${pText}:\quad \mathbb{E}[y] = x,\quad ` +
            String.raw`\operatorname{sd}(y_i) = |x_i|\sqrt{\frac{${s.keep}}{${s.drop}}} = ${sdRatio(q, p)}\,|x_i|`,
          String.raw`\mathbb{E}\lVert y\rVert^2 = \frac{\lVert x\rVert^2}{${s.drop}} = ` +
            (numbers.defined ? String.raw`\frac{${a}}{${pText}} = ${texNumber(numbers.wrong.meanSquareNorm, 4)}` : UNDEFINED),
        ),
        right: lines(
          String.raw`\texttt{rate} = ${pText} \Rightarrow \text{keep } ${qText}:\quad \mathbb{E}[y] = x,\quad ` +
            String.raw`\operatorname{sd}(y_i) = |x_i|\sqrt{\frac{${s.drop}}{${s.keep}}} = ${sdRatio(p, q)}\,|x_i|`,
          String.raw`\mathbb{E}\lVert y\rVert^2 = \frac{\lVert x\rVert^2}{${s.keep}} = \frac{${a}}{${qText}} = ${texNumber(numbers.right.meanSquareNorm, 4)}`,
        ),
      };
  }
}

/** One sentence with the numbers that give the bug away, for the unit with the largest |x_i|. */
export function mistakeSummary(id: MistakeId, x: readonly number[], keep: number): string {
  const numbers = mistakeNumbers(id, x, keep);
  const q = safeKeep(keep);
  const p = 1 - q;
  let unit = 0;
  x.forEach((v, i) => {
    if (Math.abs(v) > Math.abs(x[unit] ?? 0)) unit = i;
  });
  const label = `unit ${unit + 1}`;
  const value = (o: MistakeOutcome, key: 'mean' | 'sd') => formatFixed(o[key][unit] ?? Number.NaN, 4);
  if (!numbers.defined) {
    return `With q = ${formatKeep(q)} the drop rate is p = 0, and the wrong code divides by it: its output is undefined.`;
  }
  switch (id) {
    case 'divide-by-drop':
      return isHalf(q)
        ? `At q = ½, q/p = 1: the bug is invisible until q changes. Move q to see it.`
        : `The training mean is q/p = ${formatFixed(numbers.meanFactor, 4)} times x: ${label} averages ${value(numbers.wrong, 'mean')} in training but gives ${value(numbers.right, 'mean')} at inference.`;
    case 'scale-twice':
      return `Every test output is scaled by q = ${formatKeep(q)}: ${label} gives ${value(numbers.wrong, 'mean')} at test, against a training mean of ${value(numbers.right, 'mean')}.`;
    case 'eval-mode':
      return `The test mean of ${label} is still ${value(numbers.wrong, 'mean')}, but one prediction is 0 with probability ${formatKeep(p)} and ${formatFixed((x[unit] ?? 0) / q, 4)} otherwise: sd ${value(numbers.wrong, 'sd')} instead of 0.`;
    case 'keep-as-rate':
      return isHalf(q)
        ? `At q = ½, rate = keep_prob = 0.50: the bug is invisible until q changes. Move q to see it.`
        : `A fraction ${formatKeep(q)} of the units is dropped instead of ${formatKeep(p)}: the mean is still x, but sd(y) of ${label} is ${value(numbers.wrong, 'sd')} instead of ${value(numbers.right, 'sd')}, and E‖y‖² = ${formatFixed(numbers.wrong.meanSquareNorm, 4)} instead of ${formatFixed(numbers.right.meanSquareNorm, 4)}.`;
  }
}
