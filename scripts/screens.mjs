// A review tool for the team (`npm run screens`, after a build): serves dist/, then writes PNG
// screenshots of every section at 1440, 768 and 390 px wide in light and dark, of every section
// embedded at 320 px, of the norm section under each mask model, and of the printed page, into
// reports/screens/, with one contact sheet (reports/screens/index.html) that shows them all.
// Look at them before resolving an issue that changes the page.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const OUT = 'reports/screens';
// The app's sections in page order (src/state/explorerState.ts SECTION_IDS; this plain script cannot import it).
const SECTIONS = ['question', 'masks', 'mean', 'norm', 'layers', 'rescaling', 'training', 'dropconnect', 'notation', 'mistakes'];
const WIDTHS = [1440, 768, 390];
const MODELS = ['bernoulli', 'fixed', 'dropconnect'];

const port = 4700 + Math.floor(Math.random() * 200);
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    await sleep(100);
  }
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});

/**
 * Waits until every number on the page is final (or 60 s): the main figure's panel, where the page
 * has one (an embed of another section has none, so it waits for that section instead), and every
 * channel and section.
 */
async function settled(page, embedded) {
  await page
    .waitForFunction(
      (id) =>
        (id === null || id === 'norm' || id === 'all'
          ? document.querySelector('[data-testid="norm-panel"]')?.getAttribute('aria-busy') === 'false'
          : document.getElementById(id) !== null) &&
        !document.documentElement.hasAttribute('data-computing') &&
        document.querySelector('[data-stale]') === null &&
        document.querySelector('.section-loading') === null,
      embedded,
      { timeout: 60_000 },
    )
    .catch(() => {});
  await sleep(300);
}

const shots = [];
async function shoot(group, name, link, { width, theme = 'light', selector = null, print = false }) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme });
  const url = new URL(link, base);
  await page.goto(url.href);
  await settled(page, url.searchParams.get('embed'));
  if (print) await page.emulateMedia({ media: 'print' });
  // A full-page capture paints what is outside the viewport, which the page skips on screen
  // (content-visibility on settled sections, docs/architecture.md#rendering-budget): render it all.
  if (selector === null) await page.addStyleTag({ content: '.section-settled { content-visibility: visible !important; }' });
  const file = `${group}-${name}.png`;
  const target = selector === null ? page : page.locator(selector).first();
  await target.screenshot({ path: `${OUT}/${file}`, ...(selector === null ? { fullPage: true } : {}) });
  shots.push({ group, name, file });
  await page.close();
}

for (const width of WIDTHS) {
  for (const theme of ['light', 'dark']) {
    for (const id of SECTIONS) await shoot(`w${width}-${theme}`, id, `./?theme=${theme}`, { width, theme, selector: `#${id}` });
  }
}
for (const id of SECTIONS) await shoot('embed320', id, `./?embed=${id}`, { width: 320 });
for (const model of MODELS) await shoot('models', `norm-${model}`, `./?model=${model}`, { width: 1440, selector: '#norm' });
await shoot('print', 'page', './', { width: 794, print: true });
await shoot('phone', 'first-screen', './', { width: 390 });

// The printed handout's length: A4 pages of the seed state (issue 14 asks for at most 8).
const printPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await printPage.goto(base);
await settled(printPage, null);
const pdf = await printPage.pdf({ format: 'A4' });
writeFileSync(`${OUT}/print.pdf`, pdf);
const printPages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
await printPage.close();

await browser.close();
server.kill();

const groups = [...new Set(shots.map((s) => s.group))];
const html = `<!doctype html><meta charset="utf-8"><title>Screens</title>
<style>body{font:14px system-ui;margin:1rem}section{margin-bottom:2rem}figure{display:inline-block;vertical-align:top;margin:.5rem}
img{max-width:360px;max-height:480px;border:1px solid #ccc}figcaption{font-size:12px}</style>
<p>Print: <a href="print.pdf">${printPages} A4 pages</a>.</p>
${groups
  .map(
    (g) =>
      `<section><h2>${g}</h2>${shots
        .filter((s) => s.group === g)
        .map((s) => `<figure><a href="${s.file}"><img src="${s.file}" alt="${s.name}"></a><figcaption>${s.name}</figcaption></figure>`)
        .join('')}</section>`,
  )
  .join('\n')}`;
writeFileSync(`${OUT}/index.html`, html);
console.log(`screens: ${shots.length} screenshots in ${OUT}/ (contact sheet ${OUT}/index.html); print: ${printPages} A4 pages`);
