// Measures the page, not the engine: Playwright drives the built app in Chromium and prints, per
// scenario, the first contentful paint of its load, input→next-paint latency (Event Timing API)
// p50/p95/max, the long tasks (count and longest, PerformanceObserver 'longtask'), the time until
// the main figure's numbers are shown, until the norm panel has its final numbers and until every
// number on the page has (no channel computing or waiting: data-computing on <html>).
// Usage: node bench/ui.mjs [--base http://127.0.0.1:4174/] [--only REGEX] [--json]   (serves dist/ itself without --base)
// Loads of generated links also print the engine's own time for the main figure's request (the
// headless CLI, `npm run stats`, minus its start-up), to compare "load → final numbers" with.
// Printed, never asserted: the numbers vary with the machine's load.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? new RegExp(args[onlyArg + 1]) : null;
const baseArg = args.indexOf('--base');
let base = baseArg >= 0 ? args[baseArg + 1] : null;
let server = null;
if (base === null) {
  const port = 4174 + Math.floor(Math.random() * 500);
  server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base)).ok) break;
    } catch {
      await sleep(100);
    }
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});

// A freshly launched Chromium loads its own omnibox popup page in a renderer of its own (about
// 1 s of CPU in its first seconds); the first scenario would pay for it. Let that happen first.
{
  const blank = await browser.newPage();
  await blank.goto('about:blank');
  await sleep(3000);
  await blank.close();
}

/** Installs the observers before the page's own scripts run. */
const OBSERVE = () => {
  const w = window;
  w.dseLongTasks = [];
  w.dseEvents = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => w.dseLongTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => w.dseEvents.push(e.duration))).observe({ type: 'event', durationThreshold: 16, buffered: true });
};

const quantile = (values, p) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};

/** The main figure's channel is done and the opening shows its E‖y‖ (what the reader first looks at). */
async function mainShown(page) {
  await page.waitForFunction(
    () =>
      document.querySelector('.opening') !== null &&
      document.querySelector('.opening .pending') === null &&
      !(document.documentElement.getAttribute('data-computing') ?? '').split(' ').includes('main'),
    null,
    { timeout: 180_000 },
  );
}

/** The main figure has its final numbers and no part of the page shows an older state (SectionGate's data-stale). */
async function settled(page) {
  await page.getByTestId('norm-panel').waitFor({ state: 'attached', timeout: 180_000 });
  await page.waitForFunction(
    () => document.querySelector('[data-testid="norm-panel"]')?.getAttribute('aria-busy') === 'false' && document.querySelector('[data-stale]') === null,
    null,
    { timeout: 180_000 },
  );
}

/** Every number on the page is final: no channel computing or waiting (data-computing), no part behind, every section mounted. */
async function allSettled(page) {
  await page.waitForFunction(
    () =>
      !document.documentElement.hasAttribute('data-computing') &&
      document.querySelector('[data-stale]') === null &&
      document.querySelector('.section-loading') === null,
    null,
    { timeout: 180_000 },
  );
}

async function scenario(name, link, act) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(OBSERVE);
  const start = Date.now();
  await page.goto(new URL(link, base).href);
  await mainShown(page);
  const loadMainMs = Date.now() - start;
  await settled(page);
  const loadMs = Date.now() - start;
  // The first paint with content (the prerendered first screen shows before the page's code runs).
  const firstPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  await allSettled(page);
  const loadAllMs = Date.now() - start;
  // For an action, count only what the action costs; for a plain load, what loading cost.
  if (act !== null) {
    await page.evaluate(() => {
      window.dseLongTasks.length = 0;
      window.dseEvents.length = 0;
    });
  }
  const actStart = Date.now();
  let mainMs = null;
  if (act !== null) {
    await act(page);
    await mainShown(page);
    mainMs = Date.now() - actStart;
    await settled(page);
  }
  const finalMs = Date.now() - actStart;
  if (act !== null) await allSettled(page);
  const allMs = Date.now() - actStart;
  await sleep(300);
  const { longTasks, events } = await page.evaluate(() => ({ longTasks: window.dseLongTasks, events: window.dseEvents }));
  await page.close();
  return {
    scenario: name,
    firstPaintMs: firstPaint === null ? null : Math.round(firstPaint),
    loadToMainMs: loadMainMs,
    loadToFinalMs: loadMs,
    loadToAllMs: loadAllMs,
    actionToMainMs: mainMs,
    actionToFinalMs: act === null ? null : finalMs,
    actionToAllMs: act === null ? null : allMs,
    eventP50: Math.round(quantile(events, 0.5)),
    eventP95: Math.round(quantile(events, 0.95)),
    eventMax: Math.round(Math.max(0, ...events)),
    events: events.length,
    longTasks: longTasks.length,
    longestTaskMs: Math.round(Math.max(0, ...longTasks)),
  };
}

const keys = (count) => async (page) => {
  const slider = page.getByRole('slider', { name: 'Keep probability q', exact: true });
  await slider.focus();
  for (let i = 0; i < count; i++) await page.keyboard.press(i < count / 2 ? 'ArrowLeft' : 'ArrowRight');
};
const drag = async (page) => {
  const slider = page.getByRole('slider', { name: 'Keep probability q', exact: true });
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  for (let i = 0; i <= 30; i++) await page.mouse.move(box.x + (box.width * i) / 30, y);
  await page.mouse.up();
};

/** The main request's time in the engine alone: the CLI on the same link's vector, minus the CLI's start-up. */
function engineMs(cliArgs) {
  const run = (extra) => {
    const start = process.hrtime.bigint();
    execFileSync('npx', ['tsx', 'scripts/stats.ts', ...extra, '--json'], { stdio: ['ignore', 'ignore', 'ignore'] });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const startUp = run(['--x', '1,2', '--keep', '0.5']);
  return Math.max(0, Math.round(run(cliArgs) - startUp));
}

const paste = (count) => async (page) => {
  const values = Array.from({ length: count }, (_, i) => ((Math.sin(i * 12.9898) * 43758.5453) % 1).toFixed(4)).join(', ');
  await page.getByText('Generate or paste a vector', { exact: true }).click();
  const box = page.getByLabel('Paste a vector');
  await box.scrollIntoViewIfNeeded();
  await box.fill(values);
  await page.getByRole('button', { name: 'Use these numbers' }).click();
};

const plan = [];
for (const n of [4, 12, 192, 1024]) {
  const link = n === 4 ? './' : `./?gen=uniform:${n}:seed=1`;
  plan.push([`keys ×40, n = ${n}`, link, keys(40)]);
  plan.push([`mouse drag, n = ${n}`, link, drag]);
}
const loads = [
  ['./', null],
  ['./?gen=uniform:36:seed=1', ['--gen', 'uniform:36:seed=1', '--keep', '0.5']],
  ['./?gen=uniform:40:seed=1&method=split', ['--gen', 'uniform:40:seed=1', '--keep', '0.5', '--method', 'split']],
  ['./?gen=gauss:192:seed=7:norm=0.885', ['--gen', 'gauss:192:seed=7:norm=0.885', '--keep', '0.5']],
  ['./?gen=gauss:1024:seed=1', ['--gen', 'gauss:1024:seed=1', '--keep', '0.5']],
  ['./?gen=gauss:10000:seed=1', ['--gen', 'gauss:10000:seed=1', '--keep', '0.5']],
];
for (const [link, cli] of loads) plan.push([`load ${link}`, link, null, cli]);
const preset = (title) => async (page) => page.getByRole('button', { name: title }).first().click();
for (const title of ['The question', 'The accepted answer', 'The 192-unit layer', 'One dominant unit', 'All units equal', 'A Gaussian layer of 1024 units']) {
  plan.push([`preset ${title}`, './', preset(title)]);
}
plan.push(['paste 4,096 values', './', paste(4096)]);

// "main": the main figure's channel done and the opening showing its numbers; "final": the norm
// panel's final numbers and no section behind; "all": every number on the page, the sections' own included.
const HEADER =
  'scenario | first paint ms | load→main / final / all ms | action→main / final / all ms | engine ms | event p50 / p95 / max ms (n) | long tasks | longest ms';
const line = (r) =>
  `${r.scenario} | ${r.firstPaintMs ?? '–'} | ${r.loadToMainMs} / ${r.loadToFinalMs} / ${r.loadToAllMs} | ${r.actionToFinalMs === null ? '–' : `${r.actionToMainMs} / ${r.actionToFinalMs} / ${r.actionToAllMs}`} | ${r.engineMs ?? '–'} | ${r.eventP50} / ${r.eventP95} / ${r.eventMax} (${r.events}) | ${r.longTasks} | ${r.longestTaskMs}`;
if (!json) console.log(HEADER);
const rows = [];
for (const [name, link, act, cli] of plan) {
  if (only !== null && !only.test(name)) continue;
  // A scenario that fails says so on its row; the others still run.
  let row;
  try {
    row = await scenario(name, link, act);
    if (cli !== undefined && cli !== null) row = { ...row, engineMs: engineMs(cli) };
  } catch (error) {
    row = { scenario: name, error: String(error).split('\n')[0] };
  }
  rows.push(row);
  if (!json) console.log(row.error === undefined ? line(row) : `${name} | failed: ${row.error}`);
}

await browser.close();
server?.kill();
if (json) console.log(JSON.stringify(rows, null, 2));

