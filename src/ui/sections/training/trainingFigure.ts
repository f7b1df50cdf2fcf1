/**
 * What the training section shows, as data: one panel per scheme (its curves, its decision regions
 * when finished), the table of final numbers and the table of the train/test mismatch, each number
 * with how it was obtained. Pure: from the run state and the reader's current settings, so it is
 * tested without React (trainingFigure.test.ts).
 */
import type { EpochRecord, SchemeRun, Spread } from '../../../training/experiment.ts';
import type { Mismatch, Sampled } from '../../../training/mismatch.ts';
import { SCHEME_DEFINITIONS, SCHEME_LABELS, orderedSchemes, type TrainingScheme, type TrainingSettings } from '../../../training/settings.ts';
import { formatFixed } from '../../../explain/formatNumber.ts';
import type { TrainingRunState } from './trainingRun.ts';

export interface SchemePanel {
  readonly scheme: TrainingScheme;
  readonly label: string;
  readonly definition: string;
  readonly curve: readonly EpochRecord[];
  /** P(class 1) on the grid once the run finished, else null. */
  readonly grid: readonly number[] | null;
  /** The curves in words (the chart's text alternative). */
  readonly description: string;
}

export interface FinalRow {
  readonly scheme: TrainingScheme;
  readonly label: string;
  readonly testAccuracy: string;
  readonly testLoss: string;
  readonly trainLoss: string;
  readonly milliseconds: string;
}

export interface MismatchRow {
  readonly scheme: TrainingScheme;
  readonly label: string;
  readonly normRatio: string;
  readonly meanSlope: string;
  readonly meanSlopeClosed: string;
  readonly conditionalVariance: string;
  readonly varianceShift: string;
  readonly varianceShiftClosed: string;
}

export interface TrainingFigure {
  readonly panels: readonly SchemePanel[];
  /** Largest loss on any curve (the shared vertical scale of the loss charts). */
  readonly lossMax: number;
  readonly epochs: number;
  readonly finalRows: readonly FinalRow[] | null;
  readonly seedsNote: string | null;
  readonly mismatchRows: readonly MismatchRow[] | null;
  /** The shown results are for other settings than the controls' (the reader changed them since). */
  readonly stale: boolean;
  readonly status: string;
}

const same = (a: TrainingSettings, b: TrainingSettings) => JSON.stringify(a) === JSON.stringify(b);

/** A sampled value with its standard error, to the decimals the error allows (at most 4). */
export function sampledText({ value, standardError }: Sampled): string {
  if (!Number.isFinite(value)) return 'undefined';
  const decimals = standardError > 0 ? Math.min(4, Math.max(1, 1 - Math.floor(Math.log10(standardError)))) : 4;
  return `${formatFixed(value, decimals)} ± ${formatFixed(standardError, decimals)}`;
}

export function spreadText(spread: Spread, decimals: number): string {
  return spread.values.length > 1 ? `${formatFixed(spread.mean, decimals)} ± ${formatFixed(spread.sd, decimals)}` : formatFixed(spread.mean, decimals);
}

function describe(label: string, curve: readonly EpochRecord[]): string {
  const last = curve.at(-1);
  if (last === undefined) return `${label}: not trained yet.`;
  const best = curve.reduce((a, b) => (b.testLoss < a.testLoss ? b : a));
  return (
    `${label}, after epoch ${last.epoch}: training loss ${formatFixed(last.trainLoss, 3)}, test loss ${formatFixed(last.testLoss, 3)}, ` +
    `test accuracy ${formatFixed(last.testAccuracy * 100, 1)} %; lowest test loss ${formatFixed(best.testLoss, 3)} at epoch ${best.epoch}.`
  );
}

function mismatchRow(scheme: TrainingScheme, m: Mismatch): MismatchRow {
  return {
    scheme,
    label: SCHEME_LABELS[scheme],
    normRatio: sampledText(m.normRatio),
    meanSlope: sampledText(m.meanSlope),
    meanSlopeClosed: m.meanSlopeClosed === null ? '—' : formatFixed(m.meanSlopeClosed, 4),
    conditionalVariance: m.conditionalVarianceRatio === null ? '—' : sampledText(m.conditionalVarianceRatio),
    varianceShift: sampledText(m.varianceShift),
    varianceShiftClosed: m.varianceShiftClosed === null ? '—' : formatFixed(m.varianceShiftClosed, 4),
  };
}

function statusText(run: TrainingRunState): string {
  switch (run.status) {
    case 'idle':
      return run.settings === null ? 'Not trained yet: press Train.' : 'Stopped. Press Train to run it again.';
    case 'loading':
      return 'Loading TensorFlow.js…';
    case 'running':
      return `Training: ${Math.round(run.fraction * 100)} % done.`;
    case 'done':
      return `Trained in ${formatFixed(run.elapsedMs / 1000, 1)} s.`;
    case 'error':
      return `The training stopped: ${run.error ?? 'unknown error'}.`;
  }
}

export function trainingFigure(current: TrainingSettings, run: TrainingRunState): TrainingFigure {
  const settings = run.settings ?? current;
  const schemes = orderedSchemes(settings.schemes);
  const finishedBy = new Map(run.finished.map((r): [TrainingScheme, SchemeRun] => [r.scheme, r]));
  const panels = schemes.map((scheme): SchemePanel => {
    const done = finishedBy.get(scheme);
    const curve = done?.curve ?? run.curves[scheme] ?? [];
    return {
      scheme,
      label: SCHEME_LABELS[scheme],
      definition: SCHEME_DEFINITIONS[scheme],
      curve,
      grid: done?.grid ?? null,
      description: describe(SCHEME_LABELS[scheme], curve),
    };
  });
  const lossMax = Math.max(0.1, ...panels.flatMap((p) => p.curve.flatMap((r) => [r.trainLoss, r.testLoss])).filter(Number.isFinite));
  const result = run.result;
  const finalRows =
    result === null
      ? null
      : result.summary.map((s): FinalRow => ({
          scheme: s.scheme,
          label: SCHEME_LABELS[s.scheme],
          testAccuracy: spreadText({ ...s.testAccuracy, mean: s.testAccuracy.mean * 100, sd: s.testAccuracy.sd * 100 }, 1),
          testLoss: spreadText(s.testLoss, 3),
          trainLoss: spreadText(s.trainLoss, 3),
          milliseconds: formatFixed(s.milliseconds / 1000, 1),
        }));
  const seedsNote =
    result === null
      ? null
      : result.settings.seeds > 1
        ? `Mean ± standard deviation over ${result.settings.seeds} seeds (${result.settings.seed} to ${result.settings.seed + result.settings.seeds - 1}); each seed draws its own data, weights, batches and masks. The curves and regions are seed ${result.settings.seed}'s.`
        : `One seed (${result.settings.seed}): no spread is shown, so a difference in the last digit may be noise. Choose 5 seeds to see it.`;
  const mismatchRows = result === null ? null : result.runs.map((r) => mismatchRow(r.scheme, r.mismatch));
  return {
    panels,
    lossMax,
    epochs: settings.epochs,
    finalRows,
    seedsNote,
    mismatchRows,
    stale: run.settings !== null && !same(run.settings, current),
    status: statusText(run),
  };
}
