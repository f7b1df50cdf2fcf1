import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures.ts';

/** The question's x = (0.1, 0.1, 0.2, 5.0): n = 4 units, so exact enumeration visits 2⁴ masks. */
const X = [0.1, 0.1, 0.2, 5.0];
const MASKS = 2 ** X.length;
const NORM_X = Math.sqrt(X.reduce((s, v) => s + v * v, 0));

const normSection = (page: Page) => page.getByRole('region', { name: /What it does not preserve: the norm/ });

/** True when the page scrolls sideways (the document is wider than the viewport). */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test.describe('embed mode', () => {
  test('?embed=norm shows the norm section alone, with closed controls and no page chrome', async ({ page }) => {
    await page.goto('/?embed=norm');
    await expect(normSection(page)).toBeVisible();
    await expect(normSection(page).getByText(`Exact: all ${MASKS} masks`)).toBeVisible();
    // No page header, table of contents, preset bar, skip link or other section.
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByText(/Move the controls and watch every mask/)).toHaveCount(0);
    await expect(page.getByText('Skip to the explanation')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: /The question/ })).toHaveCount(0);
    await expect(page.getByRole('region', { name: /Every mask, weighed/ })).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'Share or embed' })).toHaveCount(0);
    // The shared controls are there, closed; opening them gives the q slider, and moving it reaches the section.
    const q = page.getByRole('slider', { name: 'Keep probability q', exact: true });
    await expect(q).toBeHidden();
    await page.getByText('Controls', { exact: true }).click();
    await expect(q).toBeVisible();
    await q.focus();
    await page.keyboard.press('Home');
    await expect(page).toHaveURL(/keep=0\.05\b.*embed=norm|embed=norm.*keep=0\.05\b/);
    // The section opens folded (figure and key numbers); unfolded, its text shows the new q.
    await normSection(page).getByRole('button', { name: 'Show the explanation and derivations' }).click();
    await expect(normSection(page).getByRole('slider', { name: /in the text/ }).first()).toHaveAttribute('aria-valuenow', '0.05');
  });

  test('fits a 320 px column without sideways scrolling, and a 640 px one', async ({ page }) => {
    for (const width of [320, 640]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto('/?embed=norm');
      await expect(normSection(page).getByText(`Exact: all ${MASKS} masks`)).toBeVisible();
      expect(await scrollsSideways(page), `sideways scroll at ${width} px`).toBe(false);
      await page.getByText('Controls', { exact: true }).click();
      await expect(page.getByRole('slider', { name: 'Keep probability q', exact: true })).toBeVisible();
      expect(await scrollsSideways(page), `sideways scroll at ${width} px with the controls open`).toBe(false);
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`an axe scan of the embedded norm section finds no violations (${theme})`, async ({ page }) => {
      await page.goto(`/?embed=norm&theme=${theme}`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(normSection(page).getByText(`Exact: all ${MASKS} masks`)).toBeVisible();
      const closed = await new AxeBuilder({ page }).analyze();
      expect(closed.violations).toEqual([]);
      await page.getByText('Controls', { exact: true }).click();
      const open = await new AxeBuilder({ page }).analyze();
      expect(open.violations).toEqual([]);
    });
  }

  test('?embed=all shows every section without the page chrome', async ({ page }) => {
    await page.goto('/?embed=all');
    await expect(page.getByRole('region', { name: /The question/ })).toBeVisible();
    await expect(normSection(page)).toBeAttached();
    await expect(page.getByRole('region', { name: /Common mistakes/ })).toBeAttached();
    await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
  });
});

test('the Share panel gives an iframe snippet for the current state and the chosen section', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?keep=0.25');
  const panel = page.getByRole('group', { name: 'Share or embed' });
  await panel.getByLabel('Section', { exact: true }).selectOption({ label: 'What it does not preserve: the norm' });
  const snippet = panel.getByLabel('HTML to paste');
  const text = await snippet.inputValue();
  const src = /<iframe src="([^"]+)"/.exec(text)?.[1]?.replaceAll('&amp;', '&');
  expect(src).toBeDefined();
  const url = new URL(src ?? '');
  expect(url.origin + url.pathname).toBe(new URL(page.url()).origin + '/');
  expect(url.searchParams.get('embed')).toBe('norm');
  expect(url.searchParams.get('keep')).toBe('0.25');
  expect(text).toContain('loading="lazy"');
  expect(text).toContain('width="100%"');
  expect(text).toMatch(/title="[^"]+"/);
  expect(text).toContain(`<script src="${new URL(page.url()).origin}/embed-host.js"`);
  await panel.getByRole('button', { name: 'Copy the HTML' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  // The snippet opens the embedded section with the same q.
  await page.goto(src ?? '');
  await expect(normSection(page)).toBeVisible();
  await page.getByText('Controls', { exact: true }).click();
  await expect(page.getByRole('slider', { name: 'Keep probability q', exact: true })).toHaveValue('0.25');
});

test('the example page embeds two sections whose iframes grow with their content', async ({ page }) => {
  await page.goto('/embed-example.html');
  const question = page.frameLocator('iframe[title$="The question"]');
  const norm = page.frameLocator('iframe[title$="the norm"]');
  await expect(question.getByRole('region', { name: /The question/ })).toBeVisible();
  await expect(question.getByRole('status').first()).toContainText(`against ‖x‖ = ${NORM_X.toFixed(3)}`);
  await expect(norm.getByText(`Exact: all ${MASKS} masks`)).toBeVisible();
  const frame = page.locator('iframe[title$="the norm"]');
  /** The iframe's height in the host page, and its content's height inside it. */
  const heights = async () => ({
    outer: await frame.evaluate((el) => el.getBoundingClientRect().height),
    inner: await norm.locator('html').evaluate((el) => el.scrollHeight),
  });
  // embed-host.js has fitted the iframe to its content (not the 640 px it was written with).
  await expect.poll(async () => Math.abs((await heights()).outer - (await heights()).inner)).toBeLessThanOrEqual(2);
  // An embedded section opens folded (figure and key numbers); unfolding it grows the iframe with it.
  const folded = await heights();
  await norm.getByRole('button', { name: 'Show the explanation and derivations' }).click();
  await expect.poll(async () => (await heights()).outer).toBeGreaterThan(folded.outer + 100);
  await expect.poll(async () => Math.abs((await heights()).outer - (await heights()).inner)).toBeLessThanOrEqual(2);
  const before = await heights();
  const table = norm.locator('details').filter({ hasText: 'Data table: Histogram of ‖y‖' });
  const closedBox = await table.boundingBox();
  await table.getByText('Data table: Histogram of ‖y‖').click();
  await expect(table.getByRole('table')).toBeVisible();
  const openBox = await table.boundingBox();
  const growth = (openBox?.height ?? 0) - (closedBox?.height ?? 0);
  expect(growth).toBeGreaterThan(50);
  // The iframe grows by what the table added, and still shows all its content without scrolling.
  await expect.poll(async () => (await heights()).outer).toBeGreaterThan(before.outer + growth - 3);
  const after = await heights();
  expect(Math.abs(after.outer - before.outer - growth)).toBeLessThanOrEqual(3);
  expect(Math.abs(after.outer - after.inner)).toBeLessThanOrEqual(2);
  // The other iframe kept its own height.
  await expect(question.getByRole('region', { name: /The question/ })).toBeVisible();
});

test.describe('hosting under a sub-path', () => {
  const PORT = 4186;
  const PREFIX = '/courses/ml/dropout/';
  const DIST = resolve(process.env.E2E_DIST ?? 'dist');
  const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.json': 'application/json',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff',
    '.ttf': 'font/ttf',
    '.png': 'image/png',
  };
  let server: Server;

  test.beforeAll(async () => {
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      if (path === PREFIX.slice(0, -1)) {
        res.writeHead(301, { location: PREFIX }).end();
        return;
      }
      if (!path.startsWith(PREFIX)) {
        res.writeHead(404).end('not under the sub-path');
        return;
      }
      const relative = path.slice(PREFIX.length) || 'index.html';
      const file = normalize(join(DIST, relative));
      if (!file.startsWith(DIST + sep) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
    await new Promise<void>((done) => server.listen(PORT, '127.0.0.1', done));
  });
  test.afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
  });

  test('the built page works from /courses/ml/dropout/, embedded and whole, with its worker', async ({ page }) => {
    const base = `http://127.0.0.1:${PORT}${PREFIX}`;
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(r.url());
    });
    await page.goto(`${base}?embed=question`);
    const question = page.getByRole('region', { name: /The question/ });
    await expect(question).toBeVisible();
    await expect(question.getByRole('status').first()).toContainText(`against ‖x‖ = ${NORM_X.toFixed(3)}`);
    await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);

    await page.goto(base);
    await expect(page.getByRole('heading', { level: 1, name: 'Dropout Scaling Explorer' })).toBeVisible();
    await expect(normSection(page).getByText(`Exact: all ${MASKS} masks`)).toBeVisible();
    // The numbers came from the Web Worker, loaded from under the sub-path.
    await expect(normSection(page).getByText('computed in the background, so the page stays responsive')).toBeVisible();
    // The Embed panel points at the sub-path.
    const snippet = await page.getByRole('group', { name: 'Share or embed' }).getByLabel('HTML to paste').inputValue();
    expect(snippet).toContain(`<iframe src="${base}?`);
    expect(snippet).toContain(`<script src="${base}embed-host.js"`);
    const host = await page.request.get(`${base}embed-host.js`);
    expect(host.ok()).toBe(true);
    expect(failed).toEqual([]);
  });
});
