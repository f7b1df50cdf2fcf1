/**
 * Test support of src/math for tests elsewhere in src: brute-force reference implementations and
 * reference cases, to check figure models against (docs/architecture.md#tests-and-checks).
 */
export { bruteForceMasks, bruteMaskedNorm, brutePercentile } from './bruteForce.ts';
export { bruteUnitLaw } from './bruteUnitLaw.ts';
export type { BruteMask, BruteUnitLaw, BruteUnitLawInput } from './bruteUnitLaw.ts';
