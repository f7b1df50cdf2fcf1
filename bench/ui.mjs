// Measures the page, not the engine: Playwright drives the built app in Chromium and prints, per
// scenario, input→next-paint latency (Event Timing API) p50/p95/max, the long tasks (count and
// longest, PerformanceObserver 'longtask') and the time until the norm panel has its final numbers.
// Usage: node bench/ui.mjs [--base http://127.0.0.1:4174/] [--json]   (serves dist/ itself without --base)
// Printed, never asserted: the numbers vary with the machine's load.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const args = process.argv.slice(2);
const json = args.includes('--json');
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

async function settled(page) {
  await page.getByTestId('norm-panel').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="norm-panel"]')?.getAttribute('aria-busy') === 'false', null, { timeout: 180_000 });
}

async function scenario(name, link, act) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(OBSERVE);
  const start = Date.now();
  await page.goto(new URL(link, base).href);
  await settled(page);
  const loadMs = Date.now() - start;
  // For an action, count only what the action costs; for a plain load, what loading cost.
  if (act !== null) {
    await page.evaluate(() => {
      window.dseLongTasks.length = 0;
      window.dseEvents.length = 0;
    });
  }
  const actStart = Date.now();
  if (act !== null) {
    await act(page);
    await settled(page);
  }
  const finalMs = Date.now() - actStart;
  await sleep(300);
  const { longTasks, events } = await page.evaluate(() => ({ longTasks: window.dseLongTasks, events: window.dseEvents }));
  await page.close();
  return {
    scenario: name,
    loadToFinalMs: loadMs,
    actionToFinalMs: act === null ? null : finalMs,
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

const rows = [];
for (const n of [4, 12, 192, 1024]) {
  const link = n === 4 ? './' : `./?gen=uniform:${n}:seed=1`;
  rows.push(await scenario(`keys ×40, n = ${n}`, link, keys(40)));
  rows.push(await scenario(`mouse drag, n = ${n}`, link, drag));
}
for (const link of ['./', './?gen=uniform:36:seed=1', './?gen=gauss:192:seed=7:norm=0.885', './?gen=gauss:1024:seed=1']) {
  rows.push(await scenario(`load ${link}`, link, null));
}
const preset = (title) => async (page) => page.getByRole('button', { name: title }).first().click();
for (const title of ['The accepted answer', 'The 192-unit layer']) rows.push(await scenario(`preset ${title}`, './', preset(title)));

await browser.close();
server?.kill();
if (json) console.log(JSON.stringify(rows, null, 2));
else {
  console.log('scenario | load→final ms | action→final ms | event p50 / p95 / max ms (n) | long tasks | longest ms');
  for (const r of rows) {
    console.log(
      `${r.scenario} | ${r.loadToFinalMs} | ${r.actionToFinalMs ?? '–'} | ${r.eventP50} / ${r.eventP95} / ${r.eventMax} (${r.events}) | ${r.longTasks} | ${r.longestTaskMs}`,
    );
  }
}
