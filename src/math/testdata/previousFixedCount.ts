/**
 * The fixed-count sampler before the partial Fisher–Yates: a Bernoulli(k/n) mask repaired to k
 * units (now src/math/fixedCountRepair.ts, which the sampler uses where it is the cheaper method),
 * kept under this name so that the tests compare the two methods on the same seeds.
 */
export { fixKeptCount } from '../fixedCountRepair.ts';
