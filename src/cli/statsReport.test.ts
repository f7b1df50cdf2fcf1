import { describe, expect, it } from 'vitest';
import { analyze } from '../math/engine.ts';
import reference from '../math/testdata/seed-cases.json' with { type: 'json' };
import { parseStatsArgs } from './statsArgs.ts';
import { statsJson, statsTable } from './statsReport.ts';

const RELATIVE = 1e-10;
function near(actual: unknown, expected: number, what: string): void {
  const ok = typeof actual === 'number' && Math.abs(actual - expected) <= RELATIVE * Math.abs(expected) + 1e-15;
  expect(ok ? what : `${what}: ${String(actual)} vs ${expected}`).toBe(what);
}

function run(args: string[]) {
  const parsed = parseStatsArgs(args);
  if (!parsed.ok || parsed.command.kind !== 'run') throw new Error(parsed.ok ? 'help' : parsed.error);
  return { request: parsed.command.request, json: statsJson(analyze(parsed.command.request)) };
}

describe.each(reference.cases)('statsJson for reference case $id', (c) => {
  it('gives the same numbers through the command line JSON', () => {
    const kept = c.k === null ? [] : ['--kept', String(c.k)];
    const model = c.model === 'fixed_count' ? 'fixed' : 'bernoulli';
    const edges = c.histogram.edges;
    // The reference bins [0, ‖x‖/q] for both models; the fixed model's default range ends at its largest
    // ‖y‖ (the k largest units), so the fixed case is given the reference range.
    const range = c.k === null ? [] : ['--range', `0,${edges[edges.length - 1]!}`];
    const { request, json } = run(['--x', c.vector.values.join(','), '--keep', String(c.q), '--model', model, ...kept, '--bins', '10', ...range, '--json']);
    request.edges.forEach((e, j) => near(e, edges[j]!, `default edge ${j}`));
    const v = c.values;
    near(json.norm, v.norm_x, 'json norm');
    near(json.meanNorm, v.E_norm_y, 'json meanNorm');
    near(json.rmsNorm, v.rms_norm_y, 'json rmsNorm');
    near(json.sdNorm, v.sd_norm_y, 'json sdNorm');
    near(json.medianNorm, v.median_norm_y_lower, 'json medianNorm');
    near(json.pAboveNorm, v.P_norm_y_gt_norm_x, 'json pAboveNorm');
    near(json.constantScale, v.norm_match_scale_c, 'json constantScale');
    const histogram = json.histogram as { probabilities: number[] };
    c.histogram.probs.forEach((p, j) => near(histogram.probabilities[j], p, `json bin ${j}`));
    expect(json.keep).toBe(c.q);
    expect(json.drop).toBe(c.drop_rate);
  });
});

describe('statsJson(result)', () => {
  it('gives plain numbers, with samples, seed, standard errors and intervals keyed like the numbers for sampled results', () => {
    const { json } = run(['--gen', 'gauss:64:seed=3', '--keep', '0.5', '--method', 'sample', '--samples', '20000', '--seed', '9', '--bins', '8']);
    expect(json.samples).toBe(20000);
    expect(json.seed).toBe(9);
    expect(json.method).toBe('sample');
    const errors = json.standardErrors as Record<string, unknown>;
    expect(typeof errors.medianNorm).toBe('number');
    expect(typeof errors.pAboveNorm).toBe('number');
    expect(errors.histogram).toHaveLength(8);
    expect(errors.meanNorm).toBeUndefined(); // E‖y‖ stays closed-form
    expect((json.methods as Record<string, unknown>).meanNorm).toBe('closed-form');
    expect((json.intervals as Record<string, unknown>).medianNorm).toHaveLength(2);
    expect(typeof json.meanNorm).toBe('number');
  });

  it('has no sampling keys for exact results, and a table that names every method', () => {
    const { json, request } = run(['--x', '1,2,3', '--drop', '0.25', '--compensation', 'sqrt']);
    expect(json.samples).toBeUndefined();
    expect(json.standardErrors).toBeUndefined();
    expect(json.keep).toBe(0.75);
    expect(json.drop).toBe(0.25);
    const table = statsTable(analyze(request), '3 values');
    expect(table).toContain('(enumerate)');
    expect(table).toContain('(closed-form)');
    expect(table.split('\n').filter((line) => line.startsWith('  ['))).toHaveLength(10);
  });
});

describe('statsJson: error bounds of closed forms', () => {
  it('lists errorBounds keyed like the numbers when a closed form is not exact to rounding', () => {
    const { json } = run(['--x', '0.1,0.1,0.2,5', '--keep', '0.5', '--method', 'split', '--json']);
    const bounds = json.errorBounds as { [key: string]: number };
    expect(bounds.sdNorm).toBeGreaterThan(0);
    expect(bounds.sdNorm).toBeLessThan(1e-13);
    expect(run(['--x', '3,4', '--keep', '1', '--json']).json.errorBounds).toBeUndefined();
  });
});

describe('statsTable: numbers that are not defined', () => {
  it('reads "undefined" where JSON has null (c* and n_eff of the zero vector are 0/0), never NaN', () => {
    const { request, json } = run(['--x', '0,0,0', '--keep', '0.5', '--json']);
    expect(json.constantScale).toBeNull();
    expect(json.nEff).toBeNull();
    const table = statsTable(analyze(request), '3 values');
    expect(table).not.toContain('NaN');
    const line = (label: string) => table.split('\n').find((l) => l.startsWith(label)) ?? '';
    expect(line('c* = ')).toMatch(/^c\* = ‖x‖\/E‖m⊙x‖\s+undefined\s/);
    expect(line('n_eff')).toMatch(/^n_eff\s+undefined$/);
    expect(line('E‖y‖ ')).toMatch(/\s0\s+\(closed-form\)$/);
  });
});
