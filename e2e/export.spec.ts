import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from './fixtures.ts';

/** The question's x = (0.1, 0.1, 0.2, 5.0) at q = ½ (the page's default state). */
const X = [0.1, 0.1, 0.2, 5.0];
const Q = 0.5;

/** All 2ⁿ Bernoulli(q) masks with their probability and ‖y‖ = ‖m⊙x‖/q, by brute force. */
function law(x: readonly number[], q: number): { p: number; norm: number }[] {
  const out: { p: number; norm: number }[] = [];
  for (let bits = 0; bits < 2 ** x.length; bits += 1) {
    let p = 1;
    let squares = 0;
    x.forEach((v, i) => {
      const kept = (bits >> i) & 1;
      p *= kept === 1 ? q : 1 - q;
      squares += kept === 1 ? v * v : 0;
    });
    out.push({ p, norm: Math.sqrt(squares) / q });
  }
  return out;
}

const normOf = (x: readonly number[]) => Math.hypot(...x);
const meanNorm = law(X, Q).reduce((s, m) => s + m.p * m.norm, 0);

const normSection = (page: Page) => page.getByRole('region', { name: /What it does not preserve: the norm/ });
const questionSection = (page: Page) => page.getByRole('region', { name: /The question/ });
const histogram = (page: Page) => normSection(page).getByRole('img', { name: /Histogram of ‖y‖/ });

/** A figure's "Save figure" menu (a named <details> group), opened; its downloads inside. */
async function openSaveMenu(menu: Locator): Promise<Locator> {
  await menu.scrollIntoViewIfNeeded();
  const summary = menu.locator('summary', { hasText: 'Save figure' });
  await expect(summary).toBeVisible();
  if ((await menu.getAttribute('open')) === null) await summary.click();
  await expect(menu.getByRole('button', { name: 'Download SVG' })).toBeVisible();
  return menu;
}
const histogramMenu = (page: Page) => openSaveMenu(normSection(page).getByRole('group', { name: 'Download the histogram of ‖y‖' }));

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('the histogram downloads as an SVG that looks like the page and as a PNG at twice its size', async ({ page }) => {
  await page.goto('/#norm');
  await expect(histogram(page)).toBeVisible();
  // Closed, the menu shows one quiet summary and no download buttons.
  const closed = normSection(page).getByRole('group', { name: 'Download the histogram of ‖y‖' });
  await expect(closed.getByRole('button', { name: 'Download SVG' })).toBeHidden();
  const menu = await histogramMenu(page);
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: 'Download SVG' }).click()]);
  expect(svgDownload.suggestedFilename()).toBe('norm-histogram.svg');
  const svg = await readFile(await svgDownload.path(), 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toContain('<rect');
  // The bars carry their colour inline (the page styles them with classes and CSS variables).
  expect(svg).toMatch(/class="bar"[^>]*style="[^"]*fill: rgb\(/);
  // The markers' labels, with numbers computed here: ‖x‖ = 5.006, E‖y‖ = 5.157 (docs/mathematics.md#reference-values: 5.157196642).
  expect(svg).toContain(`‖x‖ = ${normOf(X).toFixed(3)}`);
  expect(svg).toContain(`E‖y‖ = ${meanNorm.toFixed(3)}`);
  expect(meanNorm.toFixed(3)).toBe('5.157');

  const box = await histogram(page).boundingBox();
  if (box === null) throw new Error('the histogram is not rendered');
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('button', { name: 'Download PNG (2×)' }).click(),
  ]);
  expect(pngDownload.suggestedFilename()).toBe('norm-histogram.png');
  const png = await readFile(await pngDownload.path());
  // PNG signature, then the IHDR chunk: width and height as big-endian uint32 at bytes 16 and 20.
  expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(Math.abs(width - 2 * box.width)).toBeLessThanOrEqual(2);
  expect(Math.abs(height - 2 * box.height)).toBeLessThanOrEqual(2);
  expect(png.length).toBeGreaterThan(2000);
});

/** The figures of the later sections, their download names and the on-page SVG (CSS, inside the section). */
const SECTION_FIGURES = [
  { section: '#mean', group: /chart of each xᵢ/, svg: 'svg.unit-means', fileName: 'mean-units' },
  { section: '#mean', group: /histogram of z = w·y/, svg: 'svg.downstream-histogram', fileName: 'mean-downstream' },
  { section: '#layers', group: /histogram of ‖y‖ in the layer/, svg: 'svg.sm-chart', fileName: 'layers-distribution' },
  { section: '#layers', group: /sd‖y‖\/E‖y‖ against the layer size/, svg: 'svg.spread-chart', fileName: 'layers-spread' },
  { section: '#rescaling', group: /line of c\*/, svg: 'svg.scale-line', fileName: 'rescaling-constant-scale' },
  { section: '#dropconnect', group: /bars of \(Wx\)ⱼ/, svg: 'svg.dropconnect-bars', fileName: 'dropconnect-outputs' },
  { section: '#mistakes', group: /right and wrong E\[y\]/, svg: 'svg.mistake-bars', fileName: 'mistake-divide-by-drop' },
] as const;

/** The marks a chart is drawn with. */
const MARKS = ['rect', 'line', 'path', 'circle', 'text'] as const;

/** How many of each mark an SVG's markup holds, leaving out the background rectangle the export adds. */
function markCounts(markup: string): Record<(typeof MARKS)[number], number> {
  const without = markup.replace(/<rect[^>]*data-export="background"[^>]*\/?>/, '');
  return Object.fromEntries(MARKS.map((m) => [m, (without.match(new RegExp(`<${m}\\b`, 'g')) ?? []).length])) as Record<(typeof MARKS)[number], number>;
}

test('every figure of the later sections downloads as an SVG with the page’s marks, and as a PNG at twice its size', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByTestId('norm-panel')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  for (const figure of SECTION_FIGURES) {
    const section = page.locator(figure.section);
    const chart = section.locator(figure.svg);
    await expect(chart, figure.fileName).toHaveCount(1);
    await expect(chart).toBeVisible();
    const buttons = await openSaveMenu(section.getByRole('group', { name: figure.group }));
    const [download] = await Promise.all([page.waitForEvent('download'), buttons.getByRole('button', { name: 'Download SVG' }).click()]);
    expect(download.suggestedFilename()).toBe(`${figure.fileName}.svg`);
    const svg = await readFile(await download.path(), 'utf8');
    expect(svg.startsWith('<svg'), figure.fileName).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('data-export="background"');
    // The same marks as on the page, one for one, with their styles inlined.
    const onPage = await chart.evaluate(
      (element, marks) => Object.fromEntries(marks.map((m) => [m, element.querySelectorAll(m).length])),
      [...MARKS],
    );
    const exported = markCounts(svg);
    expect(exported, figure.fileName).toEqual(onPage);
    expect(exported.rect + exported.path + exported.circle, `${figure.fileName} draws something`).toBeGreaterThan(0);
    expect(svg).toMatch(/style="[^"]*(fill|stroke): rgb\(/);
  }

  // One PNG: the histogram of z, at twice the size it has on the page.
  const chart = page.locator('#mean svg.downstream-histogram');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (box === null) throw new Error('the histogram of z is not rendered');
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    (await openSaveMenu(page.locator('#mean').getByRole('group', { name: /histogram of z = w·y/ }))).getByRole('button', { name: 'Download PNG (2×)' }).click(),
  ]);
  expect(pngDownload.suggestedFilename()).toBe('mean-downstream.png');
  const png = await readFile(await pngDownload.path());
  expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  expect(Math.abs(png.readUInt32BE(16) - 2 * box.width)).toBeLessThanOrEqual(2);
  expect(Math.abs(png.readUInt32BE(20) - 2 * box.height)).toBeLessThanOrEqual(2);
  expect(png.length).toBeGreaterThan(2000);
});

test('the histogram’s CSV holds the exact law: probabilities add to 1 and ½ sits on [10.000, 10.012]', async ({ page }) => {
  await page.goto('/#norm');
  await expect(histogram(page)).toBeVisible();
  const menu = await histogramMenu(page);
  const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('norm-histogram.csv');
  const text = await readFile(await download.path(), 'utf8');
  const [comment = '', header = '', ...lines] = text.trimEnd().split('\n');
  expect(comment).toMatch(/^# .*state: http:\/\/127\.0\.0\.1:\d+\/.*method: .*exact enumeration/);
  expect(header).toBe('edge_from,edge_to,probability');
  const rows = lines.map((l) => l.split(',').map(Number)).map(([from = 0, to = 0, p = 0]) => ({ from, to, p }));
  expect(rows.length).toBeGreaterThan(3);
  expect(rows.reduce((s, r) => s + r.p, 0)).toBeCloseTo(1, 12);
  // The bin holding the question's 10.008 carries ½ (every mask keeping unit 4 gives ‖y‖ in [10, 10.012]).
  const bin = rows.find((r) => r.from <= 10.008 && 10.008 < r.to);
  expect(bin?.p).toBeCloseTo(0.5, 12);
  // Every bin against the brute-force law of the 16 masks (last bin closed).
  const masks = law(X, Q);
  rows.forEach((r, j) => {
    const last = j === rows.length - 1;
    const expected = masks.filter((m) => m.norm >= r.from && (m.norm < r.to || (last && m.norm <= r.to))).reduce((s, m) => s + m.p, 0);
    expect(r.p, `bin [${r.from}, ${r.to})`).toBeCloseTo(expected, 12);
  });
});

test('the question’s example copies as NumPy and PyTorch code with the mask', async ({ page }) => {
  await page.goto('/#question');
  const section = questionSection(page);
  await section.getByRole('button', { name: 'Copy NumPy code' }).click();
  await expect(section.getByText('Copied')).toBeVisible();
  const numpy = await page.evaluate(() => navigator.clipboard.readText());
  expect(numpy).toContain(`x = np.array([${X.map((v) => (Number.isInteger(v) ? v.toFixed(1) : String(v))).join(', ')}])`);
  expect(numpy).toContain('m = np.array([0, 0, 1, 1])');
  expect(numpy).toContain('y = m * x / q');
  // ‖y‖ = ‖(0, 0, 0.2, 5)‖/½ = 10.0079968… (docs/mathematics.md#reference-values: 10.00799680).
  expect(numpy).toContain(`‖y‖ = ${String(normOf([0, 0, 0.2, 5.0]) / Q).slice(0, 10)}`);

  // Toggle unit 1 on: the code follows the mask.
  await section.getByRole('checkbox', { name: /^Keep unit 1\b/ }).check();
  await section.getByRole('button', { name: 'Copy PyTorch code' }).click();
  const torch = await page.evaluate(() => navigator.clipboard.readText());
  expect(torch).toContain('torch.tensor([0.1, 0.1, 0.2, 5.0], dtype=torch.float64)');
  expect(torch).toContain('m = torch.tensor([1, 0, 1, 1], dtype=torch.float64)');
  expect(torch).toContain(`‖m⊙x‖ = ${String(normOf([0.1, 0, 0.2, 5.0])).slice(0, 10)}`);
});

test('the mean-square-norm formula copies as LaTeX with the numbers substituted', async ({ page }) => {
  await page.goto('/#norm');
  const button = normSection(page).getByRole('button', { name: 'Copy LaTeX: mean square norm' });
  await button.click();
  const tex = await page.evaluate(() => navigator.clipboard.readText());
  // E‖y‖² = ‖x‖²/q = 25.06/0.5 = 50.12 (docs/mathematics.md#bernoulli-moments).
  const expected = (X.reduce((s, v) => s + v * v, 0) / Q).toFixed(4);
  expect(expected).toBe('50.1200');
  expect(tex).toContain(expected);
  expect(tex).toContain('\\frac{\\lVert x\\rVert^2}{q}');
  // Keyboard works too.
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(normSection(page).getByText('Copied').first()).toBeVisible();
});

test('the export controls keep the norm and question sections accessible', async ({ page }) => {
  await page.goto('/#norm');
  await expect(histogram(page)).toBeVisible();
  for (const id of ['#norm', '#question']) {
    const scan = await new AxeBuilder({ page }).include(id).analyze();
    expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('a figure’s save menu opens from the keyboard and Escape closes it again', async ({ page }) => {
  await page.goto('/#norm');
  await expect(histogram(page)).toBeVisible();
  const menu = normSection(page).getByRole('group', { name: 'Download the histogram of ‖y‖' });
  const summary = menu.locator('summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('button', { name: 'Download SVG' })).toBeVisible();
  await expect(menu.getByRole('button', { name: 'Download CSV' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(menu.getByRole('button', { name: 'Download SVG' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu.getByRole('button', { name: 'Download SVG' })).toBeHidden();
  await expect(summary).toBeFocused();
});
