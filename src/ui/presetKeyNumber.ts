import { formatEstimateValue, formatFixed, provenance } from '../explain/formatNumber.ts';
import type { AnalysisResult, Estimate } from '../math/index.ts';

const shown = (label: string, estimate: Estimate, decimals: number) =>
  `${label} = ${formatEstimateValue(estimate, decimals)} (${provenance(estimate, decimals)})`;

/** The number each preset is about, read off the engine's result for the preset's state. */
export function presetKeyNumber(id: string, result: AnalysisResult): string | null {
  switch (id) {
    case 'question': {
      const row = result.masks?.find((r) => r.mask.join('') === '0011');
      return row === undefined
        ? null
        : `Mask (0, 0, 1, 1): ‖m⊙x‖ = ${formatFixed(row.maskedNorm, 3)} → ‖y‖ = ${formatFixed(row.compensatedNorm, 3)}, against ‖x‖ = ${formatFixed(result.norm, 3)}.`;
    }
    case 'answer':
      return `${shown('Average ‖m⊙x‖ over the six masks', result.meanMaskedNorm, 4)}; divided by ½: ${formatFixed(result.meanNorm.value, 4)}.`;
    case 'layer192':
      return `${shown('E‖y‖', result.meanNorm, 4)}, sd ${formatEstimateValue(result.sdNorm, 4)}; ‖x‖/√q = ${formatFixed(result.rmsNorm.value, 4)}.`;
    case 'dominant':
      return `${shown('E‖y‖', result.meanNorm, 4)}, close to ‖x‖ = ${formatFixed(result.norm, 4)}; ‖x‖/√q = ${formatFixed(result.rmsNorm.value, 4)}.`;
    case 'equal':
      return `${shown('E‖y‖', result.meanNorm, 4)}, close to ‖x‖/√q = ${formatFixed(result.rmsNorm.value, 4)}.`;
    case 'gauss1024':
      return `${shown('Median ‖y‖', result.medianNorm, 4)}; ${shown('E‖y‖', result.meanNorm, 4)}.`;
    default:
      return null;
  }
}
