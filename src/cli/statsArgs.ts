/**
 * The command line of `npm run stats`, parsed without touching Node: argument list in, an analysis
 * request (or a one-line error naming the argument and what it allows) out.
 *
 *   --x 0.1,0.1,0.2,5 | --gen gauss:192:seed=7:norm=0.885   the vector (exactly one)
 *   --keep Q | --drop P          keep probability q ∈ (0, 1], or drop probability p = 1 − q ∈ [0, 1)
 *   --model bernoulli|fixed|dropconnect   --kept K (fixed model; q = K/n)   --rows D (DropConnect)
 *   --compensation inverted|none|sqrt|match|constant   --method auto|enumerate|split|closed-form|sample
 *   --samples N   --seed S   --bins B   --range lo,hi   --json   --help
 */
import { type AnalysisRequest, type Compensation, COMPENSATIONS, DEFAULT_DROPCONNECT_ROWS, DEFAULT_SEED, defaultEdges, generateVector, isDecimalNumber, MASK_MODELS, type MaskModel, type Method, METHODS, parseVectorSpec, seededWeights, validateRequest } from '../math/index.ts';

export const USAGE = `usage: npm run -s stats -- (--x v1,v2,… | --gen kind:n[:seed=S][:norm=N]) (--keep q | --drop p)
  [--model bernoulli|fixed|dropconnect] [--kept k] [--rows d] [--compensation inverted|none|sqrt|match|constant]
  [--method auto|enumerate|split|closed-form|sample] [--samples N] [--seed S] [--bins B] [--range lo,hi] [--json]`;

export type StatsCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly request: AnalysisRequest; readonly json: boolean; readonly vectorText: string };

export type ParseOutcome = { readonly ok: true; readonly command: StatsCommand } | { readonly ok: false; readonly error: string };

const VALUE_FLAGS = ['x', 'gen', 'keep', 'drop', 'model', 'kept', 'rows', 'compensation', 'method', 'samples', 'seed', 'bins', 'range'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
const DEFAULT_BINS = 10;
const MAX_BINS = 10000;

class ArgumentError extends Error {}

function fail(message: string): never {
  throw new ArgumentError(message);
}

function parseNumber(flag: string, text: string): number {
  const value = isDecimalNumber(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) fail(`--${flag} must be a number, got "${text}"`);
  return value;
}

function parseWhole(flag: string, text: string, low: number, high: number): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(Number.isInteger(value) && value >= low && value <= high)) {
    fail(`--${flag} must be a whole number from ${low} to ${high}, got "${text}"`);
  }
  return value;
}

function parseList(flag: string, text: string): number[] {
  const parts = text.split(',');
  if (parts.some((part) => part.trim() === '')) fail(`--${flag} must be comma-separated numbers, got "${text}"`);
  return parts.map((part) => parseNumber(flag, part));
}

function oneOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === text);
  if (found === undefined) fail(`--${flag} must be one of ${allowed.join(', ')}, got "${text}"`);
  return found;
}

/** Flag → value, rejecting unknown flags, repeats and missing values. */
function collect(argv: readonly string[]): { values: Partial<Record<ValueFlag, string>>; json: boolean; help: boolean } {
  const values: Partial<Record<ValueFlag, string>> = {};
  let json = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) fail(`unexpected argument "${arg}"; flags start with --`);
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (name === 'json' || name === 'help') {
      if (inline !== undefined) fail(`--${name} takes no value`);
      if (name === 'json') json = true;
      else help = true;
      continue;
    }
    const flag = VALUE_FLAGS.find((f) => f === name);
    if (flag === undefined) fail(`unknown flag --${name}; the flags are --${VALUE_FLAGS.join(', --')}, --json, --help`);
    if (values[flag] !== undefined) fail(`--${flag} is given twice; give it once`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) fail(`--${flag} needs a value`);
    values[flag] = value;
  }
  return { values, json, help };
}

export function parseStatsArgs(argv: readonly string[]): ParseOutcome {
  try {
    return { ok: true, command: buildCommand(argv) };
  } catch (error) {
    if (error instanceof ArgumentError) return { ok: false, error: error.message };
    throw error;
  }
}

function buildCommand(argv: readonly string[]): StatsCommand {
  const { values: v, json, help } = collect(argv);
  if (help) return { kind: 'help' };
  if ((v.x === undefined) === (v.gen === undefined)) fail('give the vector with exactly one of --x v1,v2,… or --gen kind:n');
  let x: number[];
  if (v.gen !== undefined) {
    const spec = parseVectorSpec(v.gen);
    if (!spec.ok) fail(`--gen: ${spec.error}`);
    x = generateVector(spec.spec);
  } else x = parseList('x', v.x!);
  const n = x.length;
  const model: MaskModel = v.model === undefined ? 'bernoulli' : oneOf('model', v.model, MASK_MODELS);
  if (v.kept !== undefined && model !== 'fixed') fail('--kept applies only to --model fixed');
  if (v.rows !== undefined && model !== 'dropconnect') fail('--rows applies only to --model dropconnect');
  if (v.keep !== undefined && v.drop !== undefined) fail('give either --keep or --drop, not both');
  const kept = v.kept === undefined ? undefined : parseWhole('kept', v.kept, 1, n);
  let keep: number;
  if (v.keep !== undefined) {
    keep = parseNumber('keep', v.keep);
    if (!(keep > 0 && keep <= 1)) fail(`--keep must be greater than 0 and at most 1, got ${v.keep}`);
  } else if (v.drop !== undefined) {
    const drop = parseNumber('drop', v.drop);
    if (!(drop >= 0 && drop < 1)) fail(`--drop must be at least 0 and less than 1, got ${v.drop}`);
    keep = 1 - drop;
  } else if (kept !== undefined) keep = kept / n;
  else fail('give the keep probability with --keep q or --drop p');
  if (kept !== undefined && Math.abs(keep - kept / n) > 1e-9) {
    fail(`--kept ${kept} of n = ${n} means keep = ${kept / n}; --keep/--drop say ${keep}`);
  }
  if (model === 'fixed' && kept === undefined) keep = Math.round(keep * n) / n;
  const compensation: Compensation =
    v.compensation === undefined ? 'inverted' : oneOf('compensation', v.compensation, COMPENSATIONS);
  const method: Method | 'auto' = v.method === undefined ? 'auto' : oneOf('method', v.method, ['auto', ...METHODS]);
  const seed = v.seed === undefined ? DEFAULT_SEED : parseWhole('seed', v.seed, 0, 4294967295);
  const rows = v.rows === undefined ? DEFAULT_DROPCONNECT_ROWS : parseWhole('rows', v.rows, 1, 1000);
  const weights = model === 'dropconnect' ? seededWeights(rows, n, seed) : undefined;
  const bins = v.bins === undefined ? DEFAULT_BINS : parseWhole('bins', v.bins, 1, MAX_BINS);
  let edges: number[];
  if (v.range !== undefined) {
    const range = parseList('range', v.range);
    const [low, high] = range;
    if (range.length !== 2 || !(low! < high!)) fail(`--range must be two increasing numbers lo,hi, got "${v.range}"`);
    edges = Array.from({ length: bins + 1 }, (_, j) => (j === bins ? high! : low! + ((high! - low!) * j) / bins));
  } else edges = defaultEdges(x, keep, compensation, bins, weights, model === 'fixed' ? (kept ?? Math.round(keep * n)) : undefined);
  const request: AnalysisRequest = {
    x,
    keep,
    model,
    ...(kept === undefined ? {} : { kept }),
    compensation,
    edges,
    method,
    ...(v.samples === undefined ? {} : { samples: parseWhole('samples', v.samples, 2, 1_000_000_000) }),
    seed,
    ...(weights === undefined ? {} : { weights }),
  };
  const problem = validateRequest(request);
  if (problem !== null) fail(problemFlag(problem) + problem);
  return { kind: 'run', request, json, vectorText: v.gen ?? `${n} values` };
}

/** "--method: " etc. in front of the engine's message, naming the argument at fault. */
function problemFlag(problem: string): string {
  if (/^(enumerate|split|closed-form|DropConnect's distribution)/.test(problem)) return '--method: ';
  if (problem.startsWith('x ') || problem.startsWith('every entry of x')) return '--x: ';
  if (problem.startsWith('the fixed model') || problem.startsWith('keep must equal')) return '--kept: ';
  return '';
}
