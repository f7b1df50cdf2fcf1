import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING } from './settings.ts';
import { parseTrainArgs } from './trainArgs.ts';

describe('parseTrainArgs', () => {
  it('reads the issue’s command line', () => {
    expect(parseTrainArgs(['--keep', '0.5', '--scheme', 'match', '--seed', '1', '--json'])).toEqual({
      ok: true,
      command: { kind: 'run', json: true, settings: { ...DEFAULT_TRAINING, keep: 0.5, schemes: ['match'], seed: 1 } },
    });
  });

  it('reads lists, data sets, widths, epochs and seed counts; all is every scheme', () => {
    const parsed = parseTrainArgs(['--scheme', 'sqrt,none', '--data', 'moons', '--width', '16', '--epochs', '10', '--seeds', '5']);
    expect(parsed.ok && parsed.command.kind === 'run' && parsed.command.settings).toEqual({
      ...DEFAULT_TRAINING,
      schemes: ['none', 'sqrt'],
      data: 'moons',
      width: 16,
      epochs: 10,
      seeds: 5,
    });
    const all = parseTrainArgs(['--scheme', 'all']);
    expect(all.ok && all.command.kind === 'run' && all.command.settings.schemes).toEqual(DEFAULT_TRAINING.schemes);
  });

  it('says in words what it cannot read', () => {
    expect(parseTrainArgs(['--keep', '1.5'])).toEqual({ ok: false, error: '--keep 1.5 is outside 0.05–1' });
    expect(parseTrainArgs(['--width', '3.5'])).toEqual({ ok: false, error: '--width 3.5 is outside 4–128' });
    expect(parseTrainArgs(['--epochs', '2.5'])).toEqual({ ok: false, error: '--epochs 2.5 must be a whole number' });
    expect(parseTrainArgs(['--scheme', 'magic'])).toEqual({ ok: false, error: expect.stringContaining('unknown "magic"') });
    expect(parseTrainArgs(['--seeds', '3'])).toEqual({ ok: false, error: '--seeds must be 1 or 5, not "3"' });
    expect(parseTrainArgs(['--frobnicate'])).toEqual({ ok: false, error: 'unknown argument "--frobnicate"; see --help' });
    expect(parseTrainArgs(['--keep'])).toEqual({ ok: false, error: '--keep needs a value' });
  });
});
