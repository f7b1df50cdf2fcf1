import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPENSATIONS, MASK_MODELS, MAX_GENERATED_UNITS, METHODS, VECTOR_KINDS } from '../math/index.ts';
import {
  MAX_ABS_UNIT_VALUE,
  MAX_BINS,
  MAX_EXPLICIT_UNITS,
  MAX_KEEP,
  MAX_MASK_UNITS,
  MAX_SAMPLES,
  MAX_SEED,
  MIN_BINS,
  MIN_KEEP,
  MIN_SAMPLES,
  SECTION_IDS,
  SEED_STATE,
  type ExplorerState,
} from '../state/explorerState.ts';
import { CONTROL_GROUPS, normalizeRestrictions, PREDICT_TARGETS } from '../state/classLink.ts';
import { withOneKeep } from '../state/withOneKeep.ts';
import { DATA_SETS, TRAINING_SCHEMES } from '../training/settings.ts';
import { PRESETS } from '../state/presets.ts';
import { formatUrl, hostSuffix, parseUrl, readHostOptions } from './urlCodec.ts';
import { KNOWN_KEYS, LINK_DEFAULTS, URL_KEYS } from './urlSchema.ts';

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true }).map((v) => v + 0);
const seed = fc.integer({ min: 0, max: MAX_SEED });

const source = fc.oneof(
  fc.record({
    kind: fc.constant('explicit' as const),
    // A valid entry is 0 or at least MIN_ABS_UNIT_VALUE in size (smaller ones are read as 0).
    values: fc.array(finite(-MAX_ABS_UNIT_VALUE, MAX_ABS_UNIT_VALUE).map((v) => (Math.abs(v) < 1e-30 ? 0 : v)), { minLength: 1, maxLength: 40 }),
  }),
  fc.record({
    kind: fc.constant('generated' as const),
    spec: fc.record({
      kind: fc.constantFrom(...VECTOR_KINDS),
      units: fc.integer({ min: 1, max: MAX_GENERATED_UNITS }),
      seed,
      norm: fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
    }),
  }),
);

/** Locked and hidden control groups as a link writes them: in CONTROL_GROUPS order, none in both. */
const validRestrictions = fc
  .record({ locked: fc.subarray([...CONTROL_GROUPS]), hidden: fc.subarray([...CONTROL_GROUPS]) })
  .map(({ locked, hidden }) => normalizeRestrictions(locked, hidden));

/** Every valid base state (presets are checked separately: a preset id needs its own state). */
const validState: fc.Arbitrary<ExplorerState> = source.chain((src) => {
  const units = src.kind === 'explicit' ? src.values.length : src.spec.units;
  return fc.record({
    source: fc.constant(src),
    keep: finite(MIN_KEEP, MAX_KEEP),
    notation: fc.constantFrom('keep' as const, 'drop' as const),
    model: fc.constantFrom(...MASK_MODELS),
    kept: fc.option(fc.integer({ min: 1, max: units })),
    compensation: fc.constantFrom(...COMPENSATIONS),
    compared: fc.uniqueArray(fc.constantFrom(...COMPENSATIONS), { minLength: 1 }),
    method: fc.constantFrom('auto' as const, ...METHODS),
    samples: fc.integer({ min: MIN_SAMPLES, max: MAX_SAMPLES }),
    seed,
    bins: fc.integer({ min: MIN_BINS, max: MAX_BINS }),
    mask: units <= MAX_MASK_UNITS ? fc.option(fc.array(fc.constantFrom(0 as const, 1 as const), { minLength: units, maxLength: units })) : fc.constant(null),
    weightsSeed: seed,
    reference: fc.option(finite(0, 1e12)),
    preset: fc.constant(null),
    section: fc.option(fc.constantFrom(...SECTION_IDS)),
    showData: fc.boolean(),
    embed: fc.option(fc.constantFrom('all' as const, ...SECTION_IDS)),
    theme: fc.constantFrom('system' as const, 'light' as const, 'dark' as const),
    restrictions: validRestrictions,
    predict: fc.option(fc.constantFrom(...PREDICT_TARGETS)),
    training: fc.record({
      keep: fc.constantFrom(0.05, 0.5, 0.8, 1, 0.37),
      schemes: fc.subarray([...TRAINING_SCHEMES], { minLength: 1 }),
      data: fc.constantFrom(...DATA_SETS),
      width: fc.integer({ min: 4, max: 128 }),
      epochs: fc.integer({ min: 1, max: 500 }),
      seed,
      seeds: fc.constantFrom(1 as const, 5 as const),
    }),
  }).map(({ restrictions, ...rest }) => withOneKeep({ ...rest, ...restrictions }, units));
});

/** Every way a state can be invalid, in words (empty for a valid state). */
function problems(state: ExplorerState): string[] {
  const found: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) found.push(what);
  };
  const units = state.source.kind === 'explicit' ? state.source.values.length : state.source.spec.units;
  if (state.source.kind === 'explicit') {
    check(units >= 1 && units <= MAX_EXPLICIT_UNITS, 'explicit length');
    check(state.source.values.every((v) => Number.isFinite(v) && Math.abs(v) <= MAX_ABS_UNIT_VALUE), 'values');
  } else {
    check(units >= 1 && units <= MAX_GENERATED_UNITS, 'generated units');
    check(state.source.spec.norm >= 1e-20 && state.source.spec.norm <= 1e6, 'norm');
  }
  check(state.keep >= MIN_KEEP && state.keep <= MAX_KEEP, 'keep');
  check(MASK_MODELS.includes(state.model), 'model');
  check(COMPENSATIONS.includes(state.compensation), 'compensation');
  check(state.compared.length > 0 && state.compared.every((c) => COMPENSATIONS.includes(c)), 'compared');
  check(state.kept === null || (Number.isInteger(state.kept) && state.kept >= 1 && state.kept <= units), 'kept');
  check(state.model !== 'fixed' || (state.kept !== null && state.keep === state.kept / units), 'one q under the fixed model');
  check(state.mask === null || state.mask.length === units, 'mask');
  check(Number.isInteger(state.samples) && state.samples >= MIN_SAMPLES && state.samples <= MAX_SAMPLES, 'samples');
  check(Number.isInteger(state.bins) && state.bins >= MIN_BINS && state.bins <= MAX_BINS, 'bins');
  check(Number.isInteger(state.seed) && state.seed >= 0 && state.seed <= MAX_SEED, 'seed');
  check(state.section === null || SECTION_IDS.includes(state.section), 'section');
  check([...state.locked, ...state.hidden].every((g) => CONTROL_GROUPS.includes(g)), 'control groups');
  check(!state.locked.some((g) => state.hidden.includes(g)), 'locked and hidden');
  check(state.predict === null || PREDICT_TARGETS.includes(state.predict), 'predict');
  return found;
}

describe('parseUrl(formatUrl(state))', () => {
  it('gives back every valid state exactly, with no repairs', () => {
    fc.assert(
      fc.property(validState, (state) => {
        const { state: back, repairs } = parseUrl(formatUrl(state));
        expect(repairs).toEqual([]);
        expect(back).toEqual(state);
      }),
      { numRuns: 400 },
    );
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))('keeps the preset %s with its state', (_id, preset) => {
    const { state, repairs } = parseUrl(formatUrl(preset.state));
    expect(repairs).toEqual([]);
    expect(state).toEqual(preset.state);
  });

  it('drops a preset id whose link no longer has the preset state, silently', () => {
    const edited = { ...PRESETS[1]!.state, compensation: 'sqrt' as const };
    expect(parseUrl(formatUrl(edited)).state.preset).toBeNull();
  });

  it('writes the seed state as a short readable link', () => {
    expect(formatUrl(SEED_STATE)).toBe('?v=1&x=0.1,0.1,0.2,5&keep=0.5&mask=0011&preset=question');
  });

  it('writes a generated vector as its spec', () => {
    const state: ExplorerState = { ...SEED_STATE, source: { kind: 'generated', spec: { kind: 'gauss', units: 192, seed: 7, norm: 0.885 } }, mask: null, preset: null };
    expect(formatUrl(state)).toBe('?v=1&gen=gauss:192:seed=7:norm=0.885&keep=0.5');
  });
});

describe('parseUrl(search)', () => {
  it('opens the question (the seed state) with no repairs when the link has no state', () => {
    expect(parseUrl('')).toEqual({ state: SEED_STATE, repairs: [] });
    expect(parseUrl('?v=1')).toEqual({ state: SEED_STATE, repairs: [] });
  });

  it('repairs an out-of-range keep to the nearest bound and says so', () => {
    const { state, repairs } = parseUrl('?keep=1.7');
    expect(state.keep).toBe(1);
    expect(repairs.map((r) => r.message)).toEqual(['keep="1.7" is outside 0.05–1; using 1.']);
  });

  it('repairs a rate of 0 to the smallest keep probability', () => {
    expect(parseUrl('?keep=0').state.keep).toBe(MIN_KEEP);
  });

  it('reads drop= as the drop rate when keep is absent', () => {
    expect(parseUrl('?drop=0.2').state.keep).toBe(0.8);
  });

  it('replaces a non-number in x by 0 and names its position', () => {
    const { state, repairs } = parseUrl('?x=1,abc,3');
    expect(state.source).toEqual({ kind: 'explicit', values: [1, 0, 3] });
    expect(repairs[0]?.message).toContain('value 2 ("abc") is not a number');
  });

  it('lists unknown keys and ignores them', () => {
    const { state, repairs } = parseUrl('?x=1,2&foo=3&bar=<script>');
    expect(state.source).toEqual({ kind: 'explicit', values: [1, 2] });
    expect(repairs[0]?.message).toBe('Ignored unknown keys: "foo", "bar".');
  });

  it('repairs contradictions: both x and gen, k above n, a mask of the wrong length', () => {
    const { state, repairs } = parseUrl('?x=1,2,3&gen=gauss:9&k=7&mask=01');
    expect(state.source).toEqual({ kind: 'explicit', values: [1, 2, 3] });
    expect(state.kept).toBe(3);
    expect(state.mask).toBeNull();
    expect(repairs.map((r) => r.key)).toEqual(['gen', 'k', 'mask']);
  });

  const hostile = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.constantFrom(
      '?keep=NaN', '?keep=Infinity', '?keep=-Infinity', '?keep=1e999', '?x=', '?x=,,,', '?x=NaN,1',
      `?x=${'1,'.repeat(9999)}1`, '?gen=gauss:99999', '?gen=<script>alert(1)</script>', '?x=%E2%80%AE1,2',
      '?mask=2222', '?%zz=1', '?x=1e308,1e308', '?samples=1e400', '?section=__proto__', '?compare=,',
    ),
    validState.chain((state) =>
      fc.tuple(fc.constant(formatUrl(state)), fc.nat(), fc.string({ maxLength: 12 })).map(
        ([link, at, insert]) => link.slice(0, at % (link.length + 1)) + insert + link.slice(at % (link.length + 1)),
      ),
    ),
  );

  it('never throws and always returns a valid state, whatever the text', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(problems(parseUrl(text).state)).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });

  it('reads the fixed model’s q as k/n, saying so when the link’s keep disagrees', () => {
    const { state, repairs } = parseUrl('?x=1,2,3,4&model=fixed&k=2&keep=0.8');
    expect(state).toMatchObject({ kept: 2, keep: 0.5 });
    expect(repairs.map((r) => r.key)).toEqual(['keep']);
    expect(repairs[0]?.message).toContain('q = k/n = 0.5');
    expect(parseUrl('?x=1,2,3,4&model=fixed&keep=0.8').state).toMatchObject({ kept: 3, keep: 0.75 });
  });

  it('repairs a bad k to round(q·n) but never to 0 kept units (found by the property above)', () => {
    const { state, repairs } = parseUrl('?x=1&keep=0.137&k=:1');
    expect(state.kept).toBe(1);
    expect(repairs.map((r) => r.key)).toEqual(['k']);
    expect(problems(state)).toEqual([]);
  });

  it('repairs a bad k to a valid count, names the real range 1–n, and the repaired link opens without a repair', () => {
    const { state, repairs } = parseUrl('?x=0.1,0.1,0.2,5&keep=0.05&k=abc');
    expect(state.kept).toBe(1);
    expect(repairs.map((r) => r.message)).toEqual(['k="abc" is not a number; using 1 (the kept count must be 1–4).']);
    const link = formatUrl(state);
    expect(link).toContain('k=1');
    expect(parseUrl(link)).toEqual({ state, repairs: [] });
    expect(parseUrl('?x=0.1,0.1,0.2,5&k=0').repairs.map((r) => r.message)).toEqual(['k="0" is outside 1–4; using 1.']);
    expect(parseUrl('?x=0.1,0.1,0.2,5&k=7&model=fixed').repairs.map((r) => r.message)).toEqual(['k="7" is outside 1–4; using 4.']);
    expect(parseUrl(`?gen=gauss:100&model=fixed&k=2`).repairs.map((r) => r.message)).toEqual([
      'k=2 of 100 units is a keep probability below 0.05 (k must be 5–100 here); using 5.',
    ]);
  });

  it('reads class links: locked and hidden groups in link order, hidden winning, a target to predict', () => {
    const { state, repairs } = parseUrl('?x=1,2&keep=0.5&lock=mask,keep,vector&hide=method,keep&predict=mean');
    expect(state.locked).toEqual(['vector', 'mask']);
    expect(state.hidden).toEqual(['keep', 'method']);
    expect(state.predict).toBe('mean');
    expect(repairs.map((r) => r.message)).toEqual(['lock and hide both name keep; hidden wins.']);
  });

  it('opens the question for a class link that only restricts controls', () => {
    const { state, repairs } = parseUrl('?lock=keep&predict=above&section=norm');
    expect(repairs).toEqual([]);
    expect(state).toEqual({ ...SEED_STATE, locked: ['keep'], predict: 'above', section: 'norm' });
  });

  it('names unknown control groups and keeps the known ones', () => {
    const { state, repairs } = parseUrl('?x=1&lock=keep,sliders,<b>');
    expect(state.locked).toEqual(['keep']);
    expect(repairs.map((r) => r.message)).toEqual([
      'lock: ignored "sliders", "<b>" (allowed: vector, keep, model, comp, method, mask, notation, presets).',
    ]);
  });

  const badValues: Record<string, fc.Arbitrary<string>> = {
    keep: fc.constantFrom('NaN', 'Infinity', '2', '-1', 'abc', '', '0x1'),
    model: fc.constantFrom('gaussian', '', 'BERNOULLI'),
    comp: fc.constantFrom('double', ''),
    method: fc.constantFrom('magic', ''),
    samples: fc.constantFrom('1e400', '5', '1.5e3x', '-1'),
    seed: fc.constantFrom('-1', '1.5', '99999999999'),
    bins: fc.constantFrom('0', '1000', 'ten'),
    w: fc.constantFrom('-3', 'x'),
    gen: fc.constantFrom('gauss:0', 'cube:5', 'gauss:5:norm=0'),
    notation: fc.constantFrom('both'),
    data: fc.constantFrom('yes'),
    section: fc.constantFrom('<script>', 'nowhere'),
    preset: fc.constantFrom('favourite'),
    embed: fc.constantFrom('sidebar', '<b>'),
    theme: fc.constantFrom('pink'),
    lock: fc.constantFrom('everything', 'keep,<b>', 'sliders'),
    hide: fc.constantFrom('all', 'x'),
    predict: fc.constantFrom('answer', 'E||y||', ''),
  };

  it('reports a repair naming the key for each bad value put into a valid link', () => {
    fc.assert(
      fc.property(validState, fc.constantFrom(...Object.keys(badValues)), fc.nat(), (state, key, pick) => {
        const params = new URLSearchParams(formatUrl(state));
        const bad = fc.sample(badValues[key]!, { numRuns: 1, seed: pick })[0]!;
        if (key === 'gen') params.delete('x');
        params.set(key, bad);
        const { state: parsed, repairs } = parseUrl(`?${params.toString()}`);
        expect(problems(parsed)).toEqual([]);
        expect(repairs.map((r) => r.key)).toContain(key);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the table of keys (URL_KEYS)', () => {
  it('gives every key a read and a write, and is the list of known keys', () => {
    expect(URL_KEYS.map((k) => [k.key, typeof k.read, typeof k.write])).toEqual(URL_KEYS.map((k) => [k.key, 'function', 'function']));
    expect(new Set(URL_KEYS.map((k) => k.key)).size).toBe(URL_KEYS.length);
    expect([...KNOWN_KEYS].sort()).toEqual(URL_KEYS.map((k) => k.key).sort());
  });

  it('gives every field of the state a default (the state of a link that leaves the key out)', () => {
    expect(Object.keys(LINK_DEFAULTS).sort()).toEqual(Object.keys(SEED_STATE).sort());
  });

  it('leaves a key out of the link while its field holds the default, unless the key is always written', () => {
    const always = URL_KEYS.filter((k) => k.alwaysWritten === true).map((k) => k.key);
    expect(always).toEqual(['v', 'gen', 'x', 'keep']);
    fc.assert(
      fc.property(validState, fc.constantFrom(...URL_KEYS.filter((k) => k.field !== null && k.alwaysWritten !== true)), (state, entry) => {
        const atDefault = { ...state, [entry.field!]: entry.default };
        expect(entry.write(atDefault)).toBeNull();
        expect(new URLSearchParams(formatUrl(atDefault)).has(entry.key)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  /** Valid states, and presets' states with any display fields (a preset id stays in their links). */
  const anyValidState = fc.oneof(
    validState,
    fc.tuple(fc.constantFrom(...PRESETS), validState).map(([preset, state]) => ({
      ...preset.state,
      notation: state.notation, section: state.section, showData: state.showData, embed: state.embed,
      theme: state.theme, locked: state.locked, hidden: state.hidden, predict: state.predict,
    })),
  );

  it('writes the same link again after reading its own link: formatUrl(parseUrl(formatUrl(s)).state) = formatUrl(s)', () => {
    fc.assert(
      fc.property(anyValidState, (state) => {
        const link = formatUrl(state);
        expect(formatUrl(parseUrl(link).state)).toBe(link);
      }),
      { numRuns: 400 },
    );
  });

  it('reports a key given more than once once, and reads its first value', () => {
    const { state, repairs } = parseUrl('?x=1,2&keep=0.3&keep=0.4&x=3');
    expect(state).toMatchObject({ source: { kind: 'explicit', values: [1, 2] }, keep: 0.3 });
    expect(repairs.map((r) => r.message)).toEqual(['x is given 2 times; using the first.', 'keep is given 2 times; using the first.']);
  });
});

describe('the address bar reproduces the page: parseUrl(formatUrl(parseUrl(s).state))', () => {
  /** Values that have tripped readers before, and random text. */
  const value = fc.oneof(
    fc.constantFrom(
      '', '0', '1', '-1', '0.05', '0.049', '1e-9', '1e999', 'NaN', 'abc', '2.5', '1,2', '0.1,0.1,0.2,5', '1,2,3,4,5,6,7,8,9,10,11,12,13',
      'gauss:4', 'gauss:100:seed=3:norm=2', 'equal:10000', 'gauss:0', 'fixed', 'bernoulli', 'dropconnect', 'inverted', 'none',
      '0101', '01', '1111111111111', 'keep', 'drop', 'norm', 'all', 'mean', 'dark', 'keep,mask', 'vector,keep', '9', '10000', '10001',
    ),
    fc.integer({ min: -5, max: 20_000 }).map(String),
    fc.double({ noNaN: false }).map(String),
    fc.string({ maxLength: 8 }),
  );
  const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...KNOWN_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) });
  const link = fc
    .array(fc.tuple(key, value), { maxLength: 10 })
    .map((pairs) => `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`);
  const anyText = fc.oneof(link, fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));

  /** Reopening the written link: no repair, the same link, the same state. */
  function reopens(text: string) {
    const first = parseUrl(text);
    expect(problems(first.state)).toEqual([]);
    const written = formatUrl(first.state);
    const second = parseUrl(written);
    expect(second.repairs).toEqual([]);
    expect(formatUrl(second.state)).toBe(written);
  }

  it('has no repairs the second time, for any string', () => {
    fc.assert(fc.property(anyText, reopens), { numRuns: 2000 });
  });

  it('fuzz: 20,000 random links, no exception, every result valid, no second repair', () => {
    // Seeded, so a failure names its link; about a second in Node.
    fc.assert(fc.property(link, reopens), { numRuns: 20_000, seed: 16 });
  });
});

describe('the host option poststate=1 (not state)', () => {
  it('is read by readHostOptions, neither reported nor written by the codec, and keeps a display-only link display-only', () => {
    expect(readHostOptions('?embed=norm&poststate=1')).toEqual({ postState: true });
    expect(readHostOptions('?embed=norm')).toEqual({ postState: false });
    expect(readHostOptions('?poststate=yes')).toEqual({ postState: false });
    expect(parseUrl('?keep=0.25&embed=norm&poststate=1')).toEqual(parseUrl('?keep=0.25&embed=norm'));
    expect(parseUrl('?embed=norm&poststate=1')).toEqual({ state: { ...SEED_STATE, embed: 'norm' }, repairs: [] });
    expect(formatUrl(parseUrl('?keep=0.25&embed=norm&poststate=1').state)).not.toContain('poststate');
    expect(hostSuffix({ postState: true })).toBe('&poststate=1');
    expect(hostSuffix({ postState: false })).toBe('');
  });
});

describe('extreme but valid-looking values (issue 16, item 4)', () => {
  it('reads a typed entry too small to square as 0, and says so; a generated norm outside 1e-20…1e6 is refused in words', () => {
    const tiny = parseUrl('?x=5e-324,3');
    expect(tiny.state.source).toEqual({ kind: 'explicit', values: [0, 3] });
    expect(tiny.repairs.map((r) => r.message)).toEqual(['x: value 1 ("5e-324") is smaller than 1e-30 in size, too small to square; using 0.']);
    expect(parseUrl('?x=1e-30,3').repairs).toEqual([]);
    for (const norm of ['1e-310', '1e308']) {
      const parsed = parseUrl(`?gen=gauss:4:norm=${norm}`);
      expect(parsed.state.source.kind === 'generated' && parsed.state.source.spec.norm).not.toBe(Number(norm));
      expect(parsed.repairs.map((r) => r.message).join(' ')).toContain('norm must be from 1e-20 to 1000000');
    }
  });
});
