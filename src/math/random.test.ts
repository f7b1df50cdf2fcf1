import { describe, expect, it } from 'vitest';
import { createRandom, portableLog, sfc32State } from './random.ts';

/** Reference sfc32 seeded by splitmix32, written with BigInt arithmetic modulo 2³² (independent of the code under test). */
function referenceWords(seed: number, count: number): number[] {
  const M = 2n ** 32n;
  const u32 = (v: bigint): bigint => ((v % M) + M) % M;
  const mul = (a: bigint, b: bigint): bigint => u32(a * b);
  let weyl = u32(BigInt(seed));
  const state: bigint[] = [];
  for (let k = 0; k < 4; k++) {
    weyl = u32(weyl + 0x9e3779b9n);
    let t = weyl ^ (weyl >> 16n);
    t = mul(t, 0x21f0aaadn);
    t ^= t >> 15n;
    t = mul(t, 0x735a2d97n);
    state.push(t ^ (t >> 15n));
  }
  let [a, b, c, d] = state as [bigint, bigint, bigint, bigint];
  const next = (): number => {
    const t = u32(a + b + d);
    d = u32(d + 1n);
    a = b ^ (b >> 9n);
    b = u32(c + (c << 3n));
    c = u32(((c << 21n) | (c >> 11n)) + t);
    return Number(t);
  };
  for (let k = 0; k < 12; k++) next();
  return Array.from({ length: count }, next);
}

describe('createRandom(seed)', () => {
  it('produces the sfc32/splitmix32 stream of a BigInt reference implementation', () => {
    for (const seed of [0, 1, 7, 123456789, 4294967295]) {
      const random = createRandom(seed);
      expect(Array.from({ length: 50 }, () => random.nextUint32())).toEqual(referenceWords(seed, 50));
    }
  });

  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = Array.from({ length: 20 }, () => a.nextFloat());
    expect(Array.from({ length: 20 }, () => b.nextFloat())).toEqual(first);
    expect(Array.from({ length: 20 }, () => c.nextFloat())).not.toEqual(first);
    expect(Array.from(sfc32State(42))).toEqual(Array.from(sfc32State(42)));
  });

  it('nextFloat is in [0, 1) with 53 bits from two words, and uniform (χ² over 64 cells)', () => {
    const random = createRandom(3);
    const words = createRandom(3);
    const cells = new Array<number>(64).fill(0);
    const count = 200000;
    let outside = 0;
    const first: number[] = [];
    for (let k = 0; k < count; k++) {
      const u = random.nextFloat();
      if (k < 100) first.push(u);
      if (!(u >= 0 && u < 1)) outside++;
      cells[Math.floor(u * 64)]!++;
    }
    expect(outside).toBe(0);
    expect(first).toEqual(Array.from({ length: 100 }, () => ((words.nextUint32() >>> 5) * 2 ** 26 + (words.nextUint32() >>> 6)) / 2 ** 53));
    const e = count / 64;
    const chi2 = cells.reduce((s, c) => s + (c - e) ** 2 / e, 0);
    // χ²(63): mean 63, sd √126 ≈ 11.2; 63 + 4.5·11.2 ≈ 114.
    expect(chi2).toBeLessThan(114);
  });

  it('normal() has mean 0, variance 1, skewness 0 and kurtosis 3 within 4.5 standard errors', () => {
    const random = createRandom(11);
    const count = 200000;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    for (let k = 0; k < count; k++) {
      const z = random.normal();
      s1 += z;
      s2 += z * z;
      s3 += z ** 3;
      s4 += z ** 4;
    }
    const tolerance = (sd: number): number => 4.5 * sd / Math.sqrt(count);
    expect(Math.abs(s1 / count)).toBeLessThan(tolerance(1));
    expect(Math.abs(s2 / count - 1)).toBeLessThan(tolerance(Math.sqrt(2)));
    expect(Math.abs(s3 / count)).toBeLessThan(tolerance(Math.sqrt(15)));
    expect(Math.abs(s4 / count - 3)).toBeLessThan(tolerance(Math.sqrt(96)));
  });
});

describe('portableLog(v)', () => {
  it('agrees with Math.log to 2 ulp over the whole double range, subnormals included', () => {
    const random = createRandom(5);
    let worstInUlp = 0;
    for (let k = 0; k < 20000; k++) {
      const v = Math.exp((random.nextFloat() - 0.5) * 1400) * (1 + random.nextFloat());
      const reference = Math.log(v);
      const ulp = Math.max(Number.EPSILON * Math.abs(reference), Number.MIN_VALUE);
      worstInUlp = Math.max(worstInUlp, Math.abs(portableLog(v) - reference) / ulp);
    }
    expect(worstInUlp).toBeLessThanOrEqual(2);
    expect(portableLog(1)).toBe(0);
    expect(Math.abs(portableLog(5e-324) - Math.log(5e-324))).toBeLessThan(1e-13);
    expect(Math.abs(portableLog(1 + 2 ** -40) - 2 ** -40)).toBeLessThan(2 ** -80);
  });
});
