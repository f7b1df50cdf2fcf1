import { describe, expect, it } from 'vitest';
import { parseStatsArgs } from './statsArgs.ts';

function request(args: string[]) {
  const parsed = parseStatsArgs(args);
  if (!parsed.ok) throw new Error(parsed.error);
  if (parsed.command.kind !== 'run') throw new Error('help');
  return parsed.command;
}

function error(args: string[]): string {
  const parsed = parseStatsArgs(args);
  if (parsed.ok) throw new Error('expected an error');
  return parsed.error;
}

describe('parseStatsArgs(argv)', () => {
  it('reads the example command line of the issue', () => {
    const c = request(['--x', '0.1,0.1,0.2,5', '--keep', '0.5', '--model', 'bernoulli', '--compensation', 'inverted', '--bins', '10', '--range', '0,12', '--json']);
    expect(c.json).toBe(true);
    expect(c.request.x).toEqual([0.1, 0.1, 0.2, 5]);
    expect(c.request.keep).toBe(0.5);
    expect(c.request.edges).toHaveLength(11);
    expect(c.request.edges[0]).toBe(0);
    expect(c.request.edges[10]).toBe(12);
    expect(c.request.edges[3]).toBeCloseTo(3.6, 14);
  });

  it('accepts --flag=value, --drop for the drop probability, --kept for the fixed model and --gen', () => {
    expect(request(['--x=1,2', '--drop=0.2']).request.keep).toBeCloseTo(0.8, 15);
    const fixed = request(['--x', '1,2,3,4', '--model', 'fixed', '--kept', '3']);
    expect(fixed.request.kept).toBe(3);
    expect(fixed.request.keep).toBe(0.75);
    const generated = request(['--gen', 'gauss:192:seed=7:norm=0.885', '--keep', '0.5']);
    expect(generated.request.x).toHaveLength(192);
    expect(Math.hypot(...generated.request.x)).toBeCloseTo(0.885, 12);
    const dc = request(['--x', '1,2', '--keep', '0.5', '--model', 'dropconnect', '--rows', '3']);
    expect(dc.request.weights?.rows).toBe(3);
    expect(parseStatsArgs(['--help'])).toEqual({ ok: true, command: { kind: 'help' } });
  });

  it('uses defaultEdges over [0, max‖y‖] without --range', () => {
    const c = request(['--x', '3,4', '--keep', '0.5', '--bins', '4']);
    expect(c.request.edges).toEqual([0, 2.5, 5, 7.5, 10]);
  });

  it.each([
    [['--x', '1,2', '--keep', '1.5'], /^--keep must be greater than 0 and at most 1/],
    [['--x', '1,2', '--keep', '0'], /^--keep/],
    [['--x', '1,2', '--drop', '1'], /^--drop must be at least 0 and less than 1/],
    [['--x', '1,2', '--keep', '0.5', '--drop', '0.5'], /either --keep or --drop/],
    [['--x', '1,a', '--keep', '0.5'], /^--x must be a number, got "a"/],
    [['--x', '1,,2', '--keep', '0.5'], /^--x must be comma-separated numbers/],
    [['--x', '1,2', '--keep', 'half'], /^--keep must be a number/],
    [['--x', '1,2', '--keep', '0.5', '--kept', '1'], /--kept applies only to --model fixed/],
    [['--x', '1,2', '--keep', '0.5', '--model', 'fixed', '--kept', '5'], /^--kept must be a whole number from 1 to 2/],
    [['--x', '1,2,3,4', '--keep', '0.5', '--model', 'fixed', '--kept', '3'], /--kept 3 of n = 4 means keep = 0.75/],
    [['--x', '1,2', '--keep', '0.5', '--model', 'gaussian'], /^--model must be one of bernoulli, fixed, dropconnect/],
    [['--x', '1,2', '--keep', '0.5', '--compensation', 'half'], /^--compensation must be one of/],
    [['--x', '1,2', '--keep', '0.5', '--method', 'magic'], /^--method must be one of auto, enumerate/],
    [['--gen', 'gauss:30', '--keep', '0.5', '--method', 'enumerate'], /^--method: enumerate handles n ≤ 24 units, got n = 30/],
    [['--gen', 'gauss:41', '--keep', '0.5', '--method', 'split'], /^--method: split handles n ≤ 40/],
    [['--x', '1,2', '--keep', '0.5', '--method', 'closed-form'], /^--method: closed-form gives the distribution/],
    [['--x', '1,2', '--keep', '0.5', '--foo', '1'], /^unknown flag --foo/],
    [['--x', '1,2', '--keep', '0.5', '--bins', '0'], /^--bins must be a whole number from 1/],
    [['--x', '1,2', '--keep', '0.5', '--range', '3,1'], /^--range must be two increasing numbers/],
    [['--x', '1,2', '--keep', '0.5', '--samples', '2.5'], /^--samples must be a whole number/],
    [['--x', '1,2', '--keep'], /^--keep needs a value/],
    [['--x', '1,2', '--keep', '0.5', '--keep', '0.6'], /given twice/],
    [['--keep', '0.5'], /exactly one of --x/],
    [['--x', '1', '--gen', 'gauss:3', '--keep', '0.5'], /exactly one of --x/],
    [['--gen', 'normal:3', '--keep', '0.5'], /^--gen: vector kind must be one of/],
    [['--x', '1,2'], /--keep q or --drop p/],
    [['x=1'], /unexpected argument/],
  ])('rejects %j with a one-line message naming the argument', (args, message) => {
    const text = error(args);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });
});
