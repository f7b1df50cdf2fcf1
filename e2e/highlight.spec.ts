import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from './fixtures.ts';

/**
 * Linked highlighting without a mouse: the keys beside each formula–figure pair light a term in the
 * formula and its mark in the figure on focus, and Space (or a tap) pins it.
 */

const normSection = (page: Page) => page.getByRole('region', { name: /What it does not preserve: the norm/ });
const questionSection = (page: Page) => page.getByRole('region', { name: /The question/ });
const meanSection = (page: Page) => page.getByRole('region', { name: /What dividing by q preserves/ });
const keys = (section: Locator) => section.getByRole('group', { name: 'Link the formula and the figure' });
const key = (section: Locator, label: string) => keys(section).getByRole('button', { name: label, exact: true });

/** The Jensen bounds' term and the histogram's line of one id (norm, mean, rms). */
const boundTerm = (page: Page, id: string) => normSection(page).getByTestId('jensen-bounds').locator(`[data-term="${id}"]`);
const histogramLine = (page: Page, id: string) => normSection(page).getByTestId('norm-panel').locator(`[data-marker="${id}"]`);

/** The question derivation's term and the figure's bar group of one id (question-x, question-masked, question-y). */
const derivationTerm = (page: Page, id: string) => questionSection(page).locator(`.derivation [data-term="${id}"]`);
const barGroup = (page: Page, id: string) => questionSection(page).locator(`[data-group="${id}"]`);

async function settled(page: Page) {
  await expect(page.getByTestId('norm-panel')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
}

/** Tab until focus has left the keys of `section`. */
async function tabOutOf(page: Page, section: Locator) {
  for (let i = 0; i < 5 && (await keys(section).locator(':focus').count()) > 0; i++) await page.keyboard.press('Tab');
  await expect(keys(section).locator(':focus')).toHaveCount(0);
}

test('in the norm section, focusing a key lights its bound and its histogram line, and Space pins it', async ({ page }) => {
  await page.goto('/');
  await settled(page);
  const section = normSection(page);
  // Under inverted dropout the histogram's third line is the upper bound ‖x‖/√q.
  await expect(keys(section).getByRole('button')).toHaveText(['‖x‖', 'E‖y‖', '‖x‖/√q']);
  const mean = key(section, 'E‖y‖');
  await mean.focus();
  await expect(boundTerm(page, 'mean')).toContainClass('term-highlighted');
  await expect(histogramLine(page, 'mean')).toContainClass('highlighted');
  await expect(mean).toHaveAttribute('aria-pressed', 'false');

  // Focus moves on: the light follows it, and nothing is left on E‖y‖.
  await page.keyboard.press('Tab');
  await expect(key(section, '‖x‖/√q')).toBeFocused();
  await expect(boundTerm(page, 'rms')).toContainClass('term-highlighted');
  await expect(histogramLine(page, 'rms')).toContainClass('highlighted');
  await expect(boundTerm(page, 'mean')).not.toContainClass('term-highlighted');
  await expect(histogramLine(page, 'mean')).not.toContainClass('highlighted');

  // Back to E‖y‖ and Space: pinned, it stays lit once focus has left the keys.
  await page.keyboard.press('Shift+Tab');
  await expect(mean).toBeFocused();
  await page.keyboard.press('Space');
  await expect(mean).toHaveAttribute('aria-pressed', 'true');
  await tabOutOf(page, section);
  await expect(boundTerm(page, 'mean')).toContainClass('term-highlighted');
  await expect(histogramLine(page, 'mean')).toContainClass('highlighted');
  await expect(boundTerm(page, 'rms')).not.toContainClass('term-highlighted');
  await expect(histogramLine(page, 'rms')).not.toContainClass('highlighted');

  // Space again releases it: once focus leaves, nothing is lit.
  await mean.focus();
  await page.keyboard.press('Space');
  await expect(mean).toHaveAttribute('aria-pressed', 'false');
  await tabOutOf(page, section);
  await expect(section.locator('.term-highlighted')).toHaveCount(0);
  await expect(section.locator('.marker.highlighted')).toHaveCount(0);
});

test('a pointer leaving the formula brings a pinned term back', async ({ page }) => {
  await page.goto('/');
  await settled(page);
  const section = normSection(page);
  await key(section, 'E‖y‖').click();
  await expect(key(section, 'E‖y‖')).toHaveAttribute('aria-pressed', 'true');
  // Pointing at another bound previews it …
  await boundTerm(page, 'norm').hover();
  await expect(histogramLine(page, 'norm')).toContainClass('highlighted');
  await expect(histogramLine(page, 'mean')).not.toContainClass('highlighted');
  // … and leaving the formula does not clear the pin.
  await page.mouse.move(1, 1);
  await expect(histogramLine(page, 'mean')).toContainClass('highlighted');
  await expect(boundTerm(page, 'mean')).toContainClass('term-highlighted');
  await expect(histogramLine(page, 'norm')).not.toContainClass('highlighted');
});

test('in the question section, a key lights its norm in the derivation and its bar group, and Space pins it', async ({ page }) => {
  await page.goto('/#question');
  const section = questionSection(page);
  await expect(keys(section).getByRole('button')).toHaveText(['‖x‖', '‖m⊙x‖', '‖y‖']);
  const masked = key(section, '‖m⊙x‖');
  await masked.focus();
  await expect(derivationTerm(page, 'question-masked')).toContainClass('term-highlighted');
  await expect(barGroup(page, 'question-masked')).toContainClass('highlighted');

  await page.keyboard.press('Tab');
  await expect(key(section, '‖y‖')).toBeFocused();
  await expect(derivationTerm(page, 'question-y')).toContainClass('term-highlighted');
  await expect(barGroup(page, 'question-y')).toContainClass('highlighted');
  await expect(barGroup(page, 'question-masked')).not.toContainClass('highlighted');

  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await expect(masked).toHaveAttribute('aria-pressed', 'true');
  await tabOutOf(page, section);
  await expect(derivationTerm(page, 'question-masked')).toContainClass('term-highlighted');
  await expect(barGroup(page, 'question-masked')).toContainClass('highlighted');
  await expect(barGroup(page, 'question-y')).not.toContainClass('highlighted');
  await expect(section.locator('.mask-group.highlighted')).toHaveCount(1);
});

test('pressing a key of another pair moves the pin there', async ({ page }) => {
  await page.goto('/');
  await settled(page);
  const norm = key(normSection(page), 'E‖y‖');
  await norm.focus();
  await page.keyboard.press('Space');
  await expect(norm).toHaveAttribute('aria-pressed', 'true');
  const y = key(questionSection(page), '‖y‖');
  await y.focus();
  await page.keyboard.press('Space');
  await expect(y).toHaveAttribute('aria-pressed', 'true');
  await expect(norm).toHaveAttribute('aria-pressed', 'false');
  await tabOutOf(page, questionSection(page));
  await expect(barGroup(page, 'question-y')).toContainClass('highlighted');
  await expect(histogramLine(page, 'mean')).not.toContainClass('highlighted');
  await expect(boundTerm(page, 'mean')).not.toContainClass('term-highlighted');
});

test('in the mean section, the keys light E[z], w·x and sd z in the formulas and the downstream histogram', async ({ page }) => {
  await page.goto('/#mean');
  const section = meanSection(page);
  await expect(keys(section).getByRole('button')).toHaveText(['E[z]', 'w·x', 'sd z']);
  await key(section, 'E[z]').focus();
  await expect(section.getByTestId('mean-downstream').locator('[data-term="z-mean"]')).toContainClass('term-highlighted');
  await expect(section.locator('.downstream-histogram .marker.highlighted')).toHaveText(/^E\[z\] =/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(key(section, 'sd z')).toBeFocused();
  await expect(section.getByTestId('mean-downstream-variance').locator('[data-term="z-sd"]')).toContainClass('term-highlighted');
  await expect(section.locator('.downstream-spread')).toContainClass('highlighted');
});

for (const theme of ['light', 'dark'] as const) {
  test(`an axe scan of the norm and question sections with their keys (one pinned, one focused) finds no violations, ${theme} theme`, async ({ page }) => {
    await page.goto(`/?theme=${theme}`);
    await settled(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await key(normSection(page), '‖x‖').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(key(normSection(page), 'E‖y‖')).toBeFocused();
    await expect(keys(questionSection(page)).getByRole('button')).toHaveCount(3);
    const results = await new AxeBuilder({ page }).include('#norm').include('#question').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a tap on a key pins its term, and a second tap releases it', async ({ page }) => {
    await page.goto('/#question');
    const masked = key(questionSection(page), '‖m⊙x‖');
    await masked.tap();
    await expect(masked).toHaveAttribute('aria-pressed', 'true');
    await expect(barGroup(page, 'question-masked')).toContainClass('highlighted');
    await expect(derivationTerm(page, 'question-masked')).toContainClass('term-highlighted');
    await masked.tap();
    await expect(masked).toHaveAttribute('aria-pressed', 'false');
    await expect(barGroup(page, 'question-masked')).not.toContainClass('highlighted');
  });
});

test('pointing at a norm in the question’s derivation lights its bar group in the figure', async ({ page }) => {
  await page.goto('/#question');
  await derivationTerm(page, 'question-masked').first().hover();
  await expect(barGroup(page, 'question-masked')).toContainClass('highlighted');
  await page.mouse.move(0, 0);
  await expect(barGroup(page, 'question-masked')).not.toContainClass('highlighted');
});
