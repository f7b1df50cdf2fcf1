/**
 * Section 2's derivation with the reader's numbers: the expected norm as a weighted sum over every
 * mask, E‖y‖ = Σ_m P(m)‖m⊙x‖/q (exact enumeration; docs/mathematics.md#reference-values). Bernoulli masks are grouped
 * by their kept count k, since all masks with the same k have the same probability q^k(1−q)^(n−k):
 *   E‖m⊙x‖ = Σ_k q^k (1−q)^(n−k) S_k,   S_k = Σ_{|m| = k} ‖m⊙x‖.
 * The fixed-count model weighs each of its C(n, k) masks by 1/C(n, k).
 */
import { binomial, type MaskRow } from '../math/index.ts';
import { formatKeep } from './formatNumber.ts';
import { texMagnitude, type DerivationStep } from './questionDerivation.ts';

export interface MasksInput {
  /** The masks of the model with their probabilities and ‖m⊙x‖ (maskRows of src/math/maskTable.ts). */
  readonly rows: readonly Pick<MaskRow, 'kept' | 'probability' | 'maskedNorm'>[];
  readonly model: 'bernoulli' | 'fixed';
  /** n. */
  readonly units: number;
  /** q: the Bernoulli keep probability, or k/n for the fixed model. */
  readonly keep: number;
  /** k for the fixed model. */
  readonly kept?: number;
  /** ‖x‖, what E‖y‖ is compared with. */
  readonly norm: number;
}

export interface MasksDerivation {
  /** Number of masks weighed. */
  readonly count: number;
  /** Σ P(m), 1 up to rounding. */
  readonly totalProbability: number;
  /** E‖m⊙x‖ = Σ P(m)‖m⊙x‖. */
  readonly meanMaskedNorm: number;
  /** E‖y‖ = E‖m⊙x‖/q (inverted dropout). */
  readonly meanNorm: number;
  /** The general sum, the sum with the numbers, the division by q. */
  readonly steps: readonly DerivationStep[];
}

/** Longest list of terms written out in full; longer lists show the first two and the last. */
const MAX_WRITTEN_TERMS = 6;

/** Terms per line of a long sum. */
const TERMS_PER_LINE = 3;

/** lhs = line₁ (newline) = line₂ …, aligned at "="; a line starting with "{}+ " continues the previous one. */
function aligned(lhs: string, lines: readonly string[]): string {
  const body = lines.map((line, i) => {
    const continued = line.startsWith('{}+ ');
    return `${i === 0 ? lhs : ''} &${continued ? String.raw`\quad ${line}` : `= ${line}`}`;
  });
  return String.raw`\begin{aligned}${body.join(String.raw` \\ `)}\end{aligned}`;
}

/** Appends the final value to the last line of the sum ("… + z = 2.5786"). */
function mergeLast(lines: readonly string[]): string[] {
  const result = lines.slice(0, -1);
  const last = result.pop() ?? '';
  return [...result, `${last} = ${lines.at(-1) ?? ''}`];
}

/** Neumaier's compensated sum. */
function sum(values: Iterable<number>): number {
  let total = 0;
  let error = 0;
  for (const v of values) {
    const next = total + v;
    error += Math.abs(total) >= Math.abs(v) ? total - next + v : v - next + total;
    total = next;
  }
  return total + error;
}

/** "a + b + \cdots + z" for a list of TeX terms. */
function shortSum(terms: readonly string[]): string {
  if (terms.length <= MAX_WRITTEN_TERMS) return terms.join(' + ');
  return `${terms.slice(0, 2).join(' + ')} + \\cdots + ${terms.at(-1) ?? ''}`;
}

/** A probability for TeX, to 4 significant digits (0.0625, 2.441\times 10^{-4}). */
export function texProbability(value: number): string {
  if (value === 0) return '0';
  if (value === 1) return '1';
  if (value >= 0.001) return String(Number(value.toPrecision(4)));
  const [mantissa = '0', exponent = '0'] = value.toExponential(3).split('e');
  return String.raw`${mantissa}\times 10^{${Number(exponent)}}`;
}

/** E‖m⊙x‖ and E‖y‖ over the listed masks, and the TeX of the sum with the reader's numbers. */
export function masksDerivation({ rows, model, units, keep, kept, norm }: MasksInput): MasksDerivation {
  const totalProbability = sum(rows.map((r) => r.probability));
  const meanMaskedNorm = sum(rows.map((r) => r.probability * r.maskedNorm));
  const meanNorm = meanMaskedNorm / keep;
  const q = formatKeep(keep);
  const n = units;
  const k = kept ?? 0;

  const general =
    model === 'fixed'
      ? String.raw`\mathbb{E}\lVert y\rVert = \sum_{m} P(m)\,\frac{\lVert m\odot x\rVert}{q},\qquad ` +
        String.raw`P(m) = \frac{1}{\binom{${n}}{${k}}} = \frac{1}{${binomial(n, k)}},\quad q = \frac{k}{n} = \frac{${k}}{${n}} = ${q}`
      : String.raw`\mathbb{E}\lVert y\rVert = \sum_{m} P(m)\,\frac{\lVert m\odot x\rVert}{q},\qquad ` +
        String.raw`P(m) = q^{k}(1-q)^{n-k},\quad q = ${q},\ n = ${n}`;

  let numbers: string;
  if (model === 'fixed') {
    const total = sum(rows.map((r) => r.maskedNorm));
    numbers = aligned(String.raw`\mathbb{E}\lVert m\odot x\rVert`, [
      String.raw`\frac{1}{${rows.length}}\left(${shortSum(rows.map((r) => texMagnitude(r.maskedNorm)))}\right)`,
      String.raw`\frac{${texMagnitude(total)}}{${rows.length}} = ${texMagnitude(meanMaskedNorm)}`,
    ]);
  } else {
    // Group the masks by k: S_k = Σ_{|m| = k} ‖m⊙x‖, each weighted by q^k (1−q)^(n−k).
    const groups = Array.from({ length: n + 1 }, (_, j) => {
      const members = rows.filter((r) => r.kept === j);
      return { k: j, weight: members[0]?.probability ?? 0, total: sum(members.map((r) => r.maskedNorm)) };
    });
    const terms = groups.map((g) => String.raw`${texProbability(g.weight)}\cdot ${texMagnitude(g.total)}`);
    const written = terms.length <= MAX_WRITTEN_TERMS ? terms : [...terms.slice(0, 2), String.raw`\cdots`, ...terms.slice(-1)];
    const lines = [String.raw`\sum_{k=0}^{${n}} q^{k}(1-q)^{${n}-k}\,S_k`];
    for (let i = 0; i < written.length; i += TERMS_PER_LINE) {
      lines.push((i === 0 ? '' : '{}+ ') + written.slice(i, i + TERMS_PER_LINE).join(' + '));
    }
    lines.push(texMagnitude(meanMaskedNorm));
    numbers = aligned(String.raw`\mathbb{E}\lVert m\odot x\rVert`, mergeLast(lines));
  }

  const division =
    String.raw`\mathbb{E}\lVert y\rVert = \frac{\mathbb{E}\lVert m\odot x\rVert}{q} = \frac{${texMagnitude(meanMaskedNorm)}}{${q}} = ` +
    String.raw`${texMagnitude(meanNorm)}\qquad\text{against}\quad \lVert x\rVert = ${texMagnitude(norm)}`;

  return {
    count: rows.length,
    totalProbability,
    meanMaskedNorm,
    meanNorm,
    steps: [
      { id: 'general', tex: general },
      { id: 'numbers', tex: numbers },
      { id: 'division', tex: division },
    ],
  };
}
