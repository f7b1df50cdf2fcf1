/**
 * Monte Carlo kernel for DropConnect: per mask M (d×n, Bernoulli(q) i.i.d.), the raw outputs
 * T_j = Σ_i M_ji c_ji with c_ji = W_ji x_i, and S = Σ_j T_j². Keep-bits come 32 at a time from
 * sampleMaskWords.ts, each row starting a new word; T_j is summed through tables of the 2^L subset
 * sums of each group of L weights of a row (L = 8 while d·n ≤ 1024, else 4), as in sampleKernels.ts.
 */
import { fillMaskWords, maskWordLaw } from './sampleMaskWords.ts';

export interface DropConnectKernel {
  /** Draws `count` masks; after each, `rows` holds T and onSample(S) is called. */
  run(count: number, onSample: (squaredNorm: number) => void): void;
  /** T_j of the last mask drawn. */
  readonly rows: Float64Array;
}

/** `contributions` = c_ji row-major (rows × units). */
export function createDropConnectKernel(
  contributions: Float64Array,
  rowCount: number,
  keep: number,
  state: Int32Array,
): DropConnectKernel {
  const units = contributions.length / rowCount;
  const law = maskWordLaw(keep);
  const wordsPerRow = Math.ceil(units / 32);
  const lanes = rowCount * units <= 1024 ? 8 : 4;
  const entriesPerWord = 32 / lanes;
  const entryMask = (1 << lanes) - 1;
  const entries = rowCount * wordsPerRow * entriesPerWord;
  const table = new Float64Array(entries << lanes);
  for (let entry = 0; entry < entries; entry++) {
    const row = Math.floor(entry / (wordsPerRow * entriesPerWord));
    const first = (entry % (wordsPerRow * entriesPerWord)) * lanes; // first unit of the group
    for (let subset = 1; subset <= entryMask; subset++) {
      let sum = 0;
      for (let lane = 0; lane < lanes; lane++) {
        const i = first + lane;
        if ((subset >> lane) & 1 && i < units) sum += contributions[row * units + i]!;
      }
      table[(entry << lanes) | subset] = sum;
    }
  }
  const maskWords = new Int32Array(rowCount * wordsPerRow);
  const rows = new Float64Array(rowCount);
  return {
    rows,
    run(count, onSample) {
      for (let t = 0; t < count; t++) {
        fillMaskWords(law, state, maskWords, maskWords.length);
        let squaredNorm = 0;
        for (let j = 0; j < rowCount; j++) {
          let sum = 0;
          for (let w = j * wordsPerRow; w < (j + 1) * wordsPerRow; w++) {
            const word = maskWords[w]!;
            for (let h = 0; h < entriesPerWord; h++) {
              sum += table[((w * entriesPerWord + h) << lanes) | ((word >>> (h * lanes)) & entryMask)]!;
            }
          }
          rows[j] = sum;
          squaredNorm += sum * sum;
        }
        onSample(squaredNorm);
      }
    },
  };
}
