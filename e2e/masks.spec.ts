import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures.ts';

/** The question's x = (0.1, 0.1, 0.2, 5.0). */
const X = [0.1, 0.1, 0.2, 5.0];

interface Mask {
  readonly bits: number[];
  readonly kept: number;
  readonly maskedNorm: number;
}

/** Every mask of x by brute force, in the test, independent of the app. */
function allMasks(x: readonly number[]): Mask[] {
  const n = x.length;
  return Array.from({ length: 2 ** n }, (_, r) => {
    const bits = Array.from({ length: n }, (_unit, i) => (r >> (n - 1 - i)) & 1);
    const s = x.reduce((acc, v, i) => acc + (bits[i] === 1 ? v * v : 0), 0);
    return { bits, kept: bits.reduce((a, b) => a + b, 0), maskedNorm: Math.sqrt(s) };
  });
}

/** E‖m⊙x‖ under Bernoulli(q) and under "exactly k kept" (uniform over C(n, k)). */
function bernoulliMean(x: readonly number[], q: number): number {
  return allMasks(x).reduce((s, m) => s + q ** m.kept * (1 - q) ** (x.length - m.kept) * m.maskedNorm, 0);
}
function fixedMean(x: readonly number[], k: number): number {
  const masks = allMasks(x).filter((m) => m.kept === k);
  return masks.reduce((s, m) => s + m.maskedNorm, 0) / masks.length;
}

const section = (page: Page) => page.getByRole('region', { name: /Every mask, weighed/ });
const averages = (page: Page) => section(page).getByRole('group', { name: 'Averages over the listed masks' });
const table = (page: Page) => section(page).getByRole('table');
const bodyRows = (page: Page) => table(page).locator('tbody').getByRole('row');
const columnCells = (page: Page, column: number) =>
  bodyRows(page).evaluateAll((rows, c) => rows.map((r) => r.children[c]?.textContent?.trim() ?? ''), column);

test('the table lists the 16 masks with brute-force norms, the chosen one marked', async ({ page }) => {
  await page.goto('/?section=masks&mask=0011');
  await expect(section(page)).toBeInViewport();
  await expect(bodyRows(page)).toHaveCount(16);
  const masks = allMasks(X);
  expect(await columnCells(page, 3)).toEqual(masks.map((m) => m.maskedNorm.toFixed(3)));
  expect(await columnCells(page, 4)).toEqual(masks.map((m) => (m.maskedNorm / 0.5).toFixed(3)));
  expect(await columnCells(page, 2)).toEqual(masks.map(() => '0.0625'));
  const chosen = table(page).getByRole('row', { name: /\(0, 0, 1, 1\) chosen/ });
  await expect(chosen).toHaveAttribute('aria-current', 'true');
  await expect(chosen.getByRole('cell')).toHaveText(['2', '0.0625', '5.004', '10.008']);
});

test('the fixed model with k = 2 reproduces the accepted answer; Bernoulli gives 5.1572', async ({ page }) => {
  await page.goto('/?section=masks');
  // Bernoulli first: all 16 masks.
  const bernoulli = bernoulliMean(X, 0.5);
  expect(bernoulli.toFixed(4)).toBe('2.5786');
  await expect(averages(page)).toContainText(`E‖y‖ = E‖m⊙x‖/q = ${bernoulli.toFixed(4)}/0.50 = ${(bernoulli / 0.5).toFixed(4)}`);
  await expect(averages(page)).toContainText('5.1572');
  // One provenance for E‖m⊙x‖: the engine's method (closed form), as in the preset caption.
  await expect(averages(page)).toContainText(`= ${bernoulli.toFixed(4)} (closed form)`);
  await expect(averages(page)).not.toContainText('exact enumeration');

  await section(page).getByRole('radio', { name: /^Fixed count/ }).check();
  await section(page).getByLabel('k, units each mask keeps').selectOption('2');
  await expect(bodyRows(page)).toHaveCount(6);
  const fixed = fixedMean(X, 2);
  expect([fixed.toFixed(4), (fixed / 0.5).toFixed(4)]).toEqual(['2.5991', '5.1982']);
  await expect(averages(page)).toContainText(`E‖m⊙x‖ = Σ P(m)‖m⊙x‖ = ${fixed.toFixed(4)} (closed form)`);
  await expect(averages(page)).toContainText(`= ${(fixed / 0.5).toFixed(4)}`);
  await expect(section(page).getByTestId('masks-numbers')).toContainText('2.5991');
  await expect(section(page).getByTestId('masks-division')).toContainText('5.1982');
  // The whole page follows: the sidebar's model is the fixed count too, and the link says so.
  await expect(page.getByRole('radio', { name: /Fixed count: exactly k of n kept/ })).toBeChecked();
  await expect(page).toHaveURL(/model=fixed/);

  // k = 3: four masks.
  await section(page).getByLabel('k, units each mask keeps').selectOption('3');
  await expect(bodyRows(page)).toHaveCount(4);
  await expect(averages(page)).toContainText(`= ${(fixedMean(X, 3) / 0.75).toFixed(4)}`);

  // Back to Bernoulli: one q on the page, so q stays at k/n = 0.75.
  await section(page).getByRole('radio', { name: /^Bernoulli/ }).check();
  await expect(bodyRows(page)).toHaveCount(16);
  await expect(averages(page)).toContainText(`= ${(bernoulliMean(X, 0.75) / 0.75).toFixed(4)}`);
});

test('sorting by a column orders the rows; again reverses them', async ({ page }) => {
  await page.goto('/?section=masks');
  const header = table(page).getByRole('columnheader', { name: /^‖y‖/ });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const ascending = allMasks(X)
    .map((m) => m.maskedNorm / 0.5)
    .sort((a, b) => a - b)
    .map((v) => v.toFixed(3));
  expect(await columnCells(page, 4)).toEqual(ascending);
  await header.getByRole('button').press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  expect(await columnCells(page, 4)).toEqual([...ascending].reverse());
  // Sorting by kept count keeps the natural order within equal counts.
  const kept = table(page).getByRole('columnheader', { name: /^kept k/ });
  await kept.getByRole('button').click();
  await expect(header).not.toHaveAttribute('aria-sort', /./);
  expect(await columnCells(page, 1)).toEqual(allMasks(X).map((m) => String(m.kept)).sort());
});

test('a 12-unit vector pages through its 4096 masks with the keyboard', async ({ page }) => {
  const x = Array.from({ length: 12 }, (_, i) => (i + 1) / 4);
  await page.goto(`/?section=masks&x=${x.join(',')}`);
  const masks = allMasks(x);
  const status = section(page).getByRole('navigation', { name: 'Pages of the mask table' }).getByRole('status');
  await expect(status).toHaveText('Rows 1–64 of 4,096 (page 1 of 64)');
  await expect(bodyRows(page)).toHaveCount(64);
  expect(await columnCells(page, 3)).toEqual(masks.slice(0, 64).map((m) => m.maskedNorm.toFixed(3)));

  const next = section(page).getByRole('button', { name: 'Next page' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Rows 65–128 of 4,096 (page 2 of 64)');
  expect(await columnCells(page, 3)).toEqual(masks.slice(64, 128).map((m) => m.maskedNorm.toFixed(3)));
  await expect(bodyRows(page).first()).toHaveAccessibleName(/^\(0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0\)/);

  await section(page).getByRole('button', { name: 'Last page' }).press('Enter');
  await expect(status).toHaveText('Rows 4033–4096 of 4,096 (page 64 of 64)');
  expect(await columnCells(page, 3)).toEqual(masks.slice(4032).map((m) => m.maskedNorm.toFixed(3)));
  // Next does nothing on the last page but keeps the focus.
  await next.press('Enter');
  await expect(status).toHaveText('Rows 4033–4096 of 4,096 (page 64 of 64)');

  // The Bernoulli average over all 4096 masks, against brute force.
  const mean = bernoulliMean(x, 0.5);
  await expect(averages(page)).toContainText(`= ${(mean / 0.5).toFixed(4)}`);
  await expect(averages(page)).toContainText('1');
});

test('a vector of more than 12 units points to the histogram instead', async ({ page }) => {
  await page.goto(`/?section=masks&x=${Array.from({ length: 13 }, (_, i) => i + 1).join(',')}`);
  await expect(section(page)).toContainText('Listing every mask needs n ≤ 12 units');
  await expect(section(page).getByRole('link', { name: 'histogram section' })).toHaveAttribute('href', '#norm');
  await expect(section(page).getByRole('table')).toHaveCount(0);
});

test('an axe scan of the section finds no accessibility violations, sorted and paged', async ({ page }) => {
  test.setTimeout(120_000);
  // Seven units: 128 masks on two pages, the chosen one highlighted.
  await page.goto(`/?section=masks&mask=0011000&x=${Array.from({ length: 7 }, (_, i) => i + 1).join(',')}`);
  await table(page).getByRole('columnheader', { name: /^‖m⊙x‖/ }).getByRole('button').click();
  await section(page).getByRole('button', { name: 'Next page' }).click();
  const results = await new AxeBuilder({ page }).include('#masks').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
