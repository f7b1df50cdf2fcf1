/** The command line's output of a training experiment: JSON (curves and final numbers) or a table. */
import type { ExperimentResult, Spread } from './experiment.ts';
import { SCHEME_LABELS } from './settings.ts';

export function experimentJson(result: ExperimentResult) {
  return {
    settings: result.settings,
    backend: 'cpu (@tensorflow/tfjs-backend-cpu 4.22, float32)',
    flippedTrainingLabels: result.flipped,
    runs: result.runs.map(({ scheme, seed, curve, mismatch, milliseconds }) => ({ scheme, seed, milliseconds, curve, mismatch })),
    summary: result.summary,
  };
}

const pm = (s: Spread, digits: number) => (s.values.length > 1 ? `${s.mean.toFixed(digits)} ± ${s.sd.toFixed(digits)}` : s.mean.toFixed(digits));

export function experimentTable(result: ExperimentResult): string {
  const { settings } = result;
  const head = `q = ${settings.keep}, ${settings.data}, width ${settings.width}, ${settings.epochs} epochs, seed ${settings.seed}` +
    `${settings.seeds > 1 ? ` (${settings.seeds} seeds: mean ± sd)` : ''}`;
  const rows = result.summary.map((s) =>
    [SCHEME_LABELS[s.scheme].padEnd(32), pm(s.testAccuracy, 3).padEnd(16), pm(s.testLoss, 3).padEnd(16), pm(s.trainLoss, 3).padEnd(16), `${Math.round(s.milliseconds)} ms`].join(' '),
  );
  return [head, `${'scheme'.padEnd(32)} ${'test accuracy'.padEnd(16)} ${'test loss'.padEnd(16)} ${'train loss'.padEnd(16)} time per run`, ...rows].join('\n');
}
