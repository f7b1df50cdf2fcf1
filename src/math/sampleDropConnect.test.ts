import { describe, expect, it } from 'vitest';
import { sfc32State } from './random.ts';
import { createDropConnectKernel, drawDropConnectBatch } from './sampleDropConnect.ts';

describe('drawDropConnectBatch', () => {
  it('T_j has mean q·Σc_ji and variance q(1−q)·Σc_ji², rows uncorrelated, S = Σ T_j² (within 4.5 SE; n = 40 spans two words)', () => {
    const [rows, n] = [3, 40];
    const c = Float64Array.from({ length: rows * n }, (_, k) => Math.cos(1.7 * k + 0.3));
    for (const q of [0.5, 0.7]) {
      const kernel = createDropConnectKernel(c, rows, q, sfc32State(17), true);
      const sums = new Float64Array(rows);
      const squares = new Float64Array(rows);
      let cross = 0;
      let wrongNorms = 0;
      let count = 0;
      for (let batch = 0; batch < 20; batch++) {
        drawDropConnectBatch(kernel);
        for (let t = 0; t < kernel.batch; t++) {
          let s = 0;
          for (let j = 0; j < rows; j++) {
            const v = kernel.rowSums[t * rows + j]!;
            sums[j]! += v;
            squares[j]! += v * v;
            s += v * v;
          }
          cross += kernel.rowSums[t * rows]! * kernel.rowSums[t * rows + 1]!;
          if (Math.abs(s - kernel.squaredNorms[t]!) > 1e-12 * s) wrongNorms++;
          count++;
        }
      }
      expect(wrongNorms).toBe(0);
      const means: number[] = [];
      for (let j = 0; j < rows; j++) {
        let sum = 0;
        let sum2 = 0;
        for (let i = 0; i < n; i++) {
          sum += c[j * n + i]!;
          sum2 += c[j * n + i]! ** 2;
        }
        const variance = q * (1 - q) * sum2;
        means.push(q * sum);
        expect(Math.abs(sums[j]! / count - q * sum) / Math.sqrt(variance / count), `q = ${q}, mean of T_${j}`).toBeLessThan(4.5);
        const sampleVariance = squares[j]! / count - (sums[j]! / count) ** 2;
        // T_j is a sum of 40 bounded terms: SE of the variance ≈ variance·√(2/N) (normal approximation).
        expect(Math.abs(sampleVariance - variance) / (variance * Math.sqrt(2 / count)), `q = ${q}, variance of T_${j}`).toBeLessThan(4.5);
      }
      const covariance = cross / count - (sums[0]! / count) * (sums[1]! / count);
      const scale = Math.sqrt((squares[0]! / count - means[0]! ** 2) * (squares[1]! / count - means[1]! ** 2));
      expect(Math.abs(covariance) / (scale / Math.sqrt(count)), `q = ${q}, Cov(T_1, T_2)`).toBeLessThan(4.5);
    }
  });
});
