/**
 * The command line of the training experiment (`npm run -s train -- …`): arguments → settings, with
 * a plain-words error for anything it cannot read. Pure; scripts/train.ts runs it.
 */
import { DATA_SETS, DEFAULT_TRAINING, TRAINING_LIMITS, TRAINING_SCHEMES, type DataSetKind, type TrainingScheme, type TrainingSettings } from './settings.ts';

export const TRAIN_USAGE = `usage: npm run -s train -- [--keep Q] [--scheme S[,S…]|all] [--data spirals|moons] [--width N]
                          [--epochs N] [--seed N] [--seeds 1|5] [--json]
schemes: ${TRAINING_SCHEMES.join(', ')} (default: all)
Trains 2 → N → N → 2 (ReLU, Adam) once per scheme with the same weights, batches and masks, and
prints each epoch's losses and accuracies and the final numbers (mean ± sd over the seeds).`;

export type TrainCommand = { readonly kind: 'help' } | { readonly kind: 'run'; readonly settings: TrainingSettings; readonly json: boolean };

function readNumber(name: string, text: string | undefined, min: number, max: number, integer: boolean): number | string {
  if (text === undefined) return `--${name} needs a value`;
  const value = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) return `--${name} ${JSON.stringify(text)} is not a number`;
  if (value < min || value > max) return `--${name} ${text} is outside ${min}–${max}`;
  if (integer && !Number.isInteger(value)) return `--${name} ${text} must be a whole number`;
  return value;
}

export function parseTrainArgs(args: readonly string[]): { ok: true; command: TrainCommand } | { ok: false; error: string } {
  let settings: TrainingSettings = DEFAULT_TRAINING;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = args[i + 1];
    const number = (name: keyof typeof TRAINING_LIMITS, integer: boolean) => {
      i++;
      return readNumber(name, value, TRAINING_LIMITS[name].min, TRAINING_LIMITS[name].max, integer);
    };
    let read: number | string;
    switch (arg) {
      case '--help':
      case '-h':
        return { ok: true, command: { kind: 'help' } };
      case '--json':
        json = true;
        continue;
      case '--keep':
        read = number('keep', false);
        if (typeof read === 'string') return { ok: false, error: read };
        settings = { ...settings, keep: read };
        continue;
      case '--width':
      case '--epochs':
      case '--seed':
        read = number(arg.slice(2) as 'width' | 'epochs' | 'seed', true);
        if (typeof read === 'string') return { ok: false, error: read };
        settings = { ...settings, [arg.slice(2)]: read };
        continue;
      case '--seeds':
        i++;
        if (value !== '1' && value !== '5') return { ok: false, error: `--seeds must be 1 or 5, not ${JSON.stringify(value ?? '')}` };
        settings = { ...settings, seeds: value === '1' ? 1 : 5 };
        continue;
      case '--data':
        i++;
        if (!DATA_SETS.includes(value as DataSetKind)) return { ok: false, error: `--data must be one of ${DATA_SETS.join(', ')}` };
        settings = { ...settings, data: value as DataSetKind };
        continue;
      case '--scheme': {
        i++;
        if (value === undefined) return { ok: false, error: '--scheme needs a value' };
        if (value === 'all') {
          settings = { ...settings, schemes: TRAINING_SCHEMES };
          continue;
        }
        const names = value.split(',');
        const unknown = names.filter((n) => !TRAINING_SCHEMES.includes(n as TrainingScheme));
        if (unknown.length > 0 || names.length === 0) {
          return { ok: false, error: `--scheme: unknown ${unknown.map((n) => JSON.stringify(n)).join(', ')} (allowed: ${TRAINING_SCHEMES.join(', ')}, all)` };
        }
        settings = { ...settings, schemes: TRAINING_SCHEMES.filter((s) => names.includes(s)) };
        continue;
      }
      default:
        return { ok: false, error: `unknown argument ${JSON.stringify(arg)}; see --help` };
    }
  }
  return { ok: true, command: { kind: 'run', settings, json } };
}
