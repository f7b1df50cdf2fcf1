import { AxeBuilder } from '@axe-core/playwright';
import { expect, settledPage, test, type Page } from './fixtures.ts';

/** The row of one mask in the "Every mask, weighed" table, found by the mask as the question writes it. */
function maskRow(page: Page, mask: string) {
  return page
    .getByRole('region', { name: /Every mask, weighed/ })
    .getByRole('table')
    .getByRole('row')
    .filter({ hasText: mask });
}

const keepSlider = (page: Page) => page.getByRole('slider', { name: 'Keep probability q', exact: true });
const formula = (page: Page) => page.getByTestId('mean-square-norm');
const normPanel = (page: Page) => page.getByTestId('norm-panel');
const histogramBars = (page: Page) => normPanel(page).locator('svg.chart rect.bar');

async function settled(page: Page) {
  await expect(normPanel(page)).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
}

async function barHeights(page: Page): Promise<string[]> {
  await settled(page);
  return histogramBars(page).evaluateAll((bars) => bars.map((b) => `${b.getAttribute('x')}:${b.getAttribute('height')}`));
}

test('the seed state loads with 10.008 in the row of the mask (0, 0, 1, 1)', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Dropout Scaling Explorer' })).toBeVisible();
  const row = maskRow(page, '(0, 0, 1, 1)');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('5.004');
  await expect(row).toContainText('10.008');
  await expect(formula(page)).toContainText('50.1200');
  await settled(page);
  await expect(normPanel(page).getByRole('img', { name: /Histogram of ‖y‖ for q = 0.50/ })).toBeVisible();
  await expect(normPanel(page).locator('[data-marker="norm"]')).toContainText('‖x‖ = 5.006');
  await expect(normPanel(page).locator('[data-marker="mean"]')).toContainText('E‖y‖ = 5.157');
  await expect(normPanel(page).locator('[data-marker="rms"]')).toContainText('‖x‖/√q = 7.080');
});

test('moving the keep slider by keyboard changes the formula, the histogram and the URL', async ({ page }) => {
  await page.goto('/');
  const before = await barHeights(page);
  const slider = keepSlider(page);
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('0.52');
  await expect(slider).toHaveAttribute('aria-valuetext', /keep 0.52: kept values scaled by 1.92/);
  // E‖y‖² = 25.06 / 0.52 = 48.1923…
  await expect(formula(page)).toContainText('48.1923');
  await expect(page).toHaveURL(/keep=0\.52(&|$)/);
  expect(await barHeights(page)).not.toEqual(before);
  // ‖y‖ of the mask (0, 0, 1, 1) is now 5.004/0.52 = 9.623.
  await expect(maskRow(page, '(0, 0, 1, 1)')).toContainText('9.623');
});

test('dragging the keep slider with the mouse changes the formula, the histogram and the URL', async ({ page }) => {
  await page.goto('/');
  const before = await barHeights(page);
  const slider = keepSlider(page);
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  if (box === null) throw new Error('keep slider is not visible');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.48, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 40, y, { steps: 10 });
  await page.mouse.up();
  await expect(slider).toHaveValue('1');
  await expect(formula(page)).toContainText('25.0600');
  await expect(page).toHaveURL(/keep=1(&|$)/);
  await settledPage(page);
  expect(await barHeights(page)).not.toEqual(before);
  // With q = 1 every unit is kept: one bar holds all the probability.
  await expect(histogramBars(page)).toHaveCount(1);
});

test('reloading a changed link restores exactly that state', async ({ page }) => {
  await page.goto('/');
  const unit3 = page.getByRole('slider', { name: 'Unit 3 (x₃)', exact: true });
  await unit3.focus();
  await page.keyboard.press('ArrowRight');
  await keepSlider(page).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/x=0\.1,0\.1,0\.21,5&keep=0\.49/);
  // Every part of the page caught up (a part far from the viewport follows a change a moment later).
  await settledPage(page);
  // Typeset (until KaTeX's chunk is there the formula is plain text, and after the reload it may not be).
  await expect(formula(page).locator('.katex')).toBeVisible();
  const url = page.url();
  const formulaText = await formula(page).textContent();
  const row = await maskRow(page, '(0, 0, 1, 1)').textContent();
  const table = await normPanel(page).locator('.result-table').textContent();
  await page.goto('about:blank');
  await page.goto(url);
  await expect(unit3).toHaveValue('0.21');
  await expect(keepSlider(page)).toHaveValue('0.49');
  await expect(formula(page)).toHaveText(formulaText ?? '');
  await expect(maskRow(page, '(0, 0, 1, 1)')).toHaveText(row ?? '');
  await settled(page);
  await expect(normPanel(page).locator('.result-table')).toHaveText(table ?? '');
});

test('a malformed link shows what was repaired and the page keeps working', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?x=1,abc,%3Cb%3E&keep=1.7&evil=%3Cimg%20src=x%20onerror=alert(1)%3E');
  const notice = page.getByRole('status', { name: /This link had 4 problems/ });
  await expect(notice).toContainText('keep="1.7" is outside 0.05–1; using 1.');
  await expect(notice).toContainText('value 2 ("abc") is not a number; using 0.');
  await expect(notice).toContainText('Ignored unknown key: "evil".');
  await expect(page.locator('img')).toHaveCount(0);
  await expect(keepSlider(page)).toHaveValue('1');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an axe scan of the whole page finds no accessibility violations', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
