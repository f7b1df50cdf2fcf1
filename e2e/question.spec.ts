import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures.ts';

/** The question's x = (0.1, 0.1, 0.2, 5.0) at q = ½. */
const X = [0.1, 0.1, 0.2, 5.0];
const Q = 0.5;

/** ‖m⊙x‖ by brute force, independent of the app. */
const maskedNorm = (x: readonly number[], mask: readonly number[]) =>
  Math.sqrt(x.reduce((s, v, i) => s + (mask[i] === 1 ? v * v : 0), 0));

const section = (page: Page) => page.getByRole('region', { name: /The question/ });
const unit = (page: Page, i: number) => section(page).getByRole('checkbox', { name: new RegExp(`^Keep unit ${i}\\b`) });
const readout = (page: Page) => section(page).getByRole('status');
const figure = (page: Page) => section(page).getByRole('img', { name: /x, m⊙x and y = m⊙x\/q/ });

test('the question’s mask (0, 0, 1, 1) reads 5.004 becoming 10.008 against ‖x‖ = 5.006', async ({ page }) => {
  await page.goto('/#question');
  await expect(section(page)).toBeInViewport();
  await expect(unit(page, 1)).not.toBeChecked();
  await expect(unit(page, 2)).not.toBeChecked();
  await expect(unit(page, 3)).toBeChecked();
  await expect(unit(page, 4)).toBeChecked();
  const m = [0, 0, 1, 1];
  const expected = [maskedNorm(X, m), maskedNorm(X, m) / Q, maskedNorm(X, [1, 1, 1, 1])].map((v) => v.toFixed(3));
  expect(expected).toEqual(['5.004', '10.008', '5.006']);
  await expect(readout(page)).toContainText(`‖m⊙x‖ = ${expected[0]}`);
  await expect(readout(page)).toContainText(`‖y‖ = ‖m⊙x‖/q = ${expected[1]}`);
  await expect(readout(page)).toContainText(`against ‖x‖ = ${expected[2]}`);
  // The figure says the same in its text alternative, and the derivation substitutes the numbers.
  await expect(figure(page)).toBeVisible();
  await expect(section(page).getByTestId('question-masked')).toContainText('25.0400');
  await expect(section(page).getByTestId('question-compensated')).toContainText('10.0080');
  await expect(section(page).getByTestId('question-original')).toContainText('5.0060');
});

test('toggling units by keyboard and by clicking a bar gives every other mask’s numbers', async ({ page }) => {
  await page.goto('/#question');
  const mask = [0, 0, 1, 1];
  // Keyboard: focus unit 1 and press Space to keep it.
  await unit(page, 1).focus();
  await page.keyboard.press('Space');
  mask[0] = 1;
  await expect(unit(page, 1)).toBeChecked();
  await expect(readout(page)).toContainText(`m = (${mask.join(', ')})`);
  await expect(readout(page)).toContainText(`‖m⊙x‖ = ${maskedNorm(X, mask).toFixed(3)}`);
  await expect(readout(page)).toContainText(`= ${(maskedNorm(X, mask) / Q).toFixed(3)}`);
  // Click: drop unit 4 (the large one) with the mouse.
  await unit(page, 4).click();
  mask[3] = 0;
  await expect(readout(page)).toContainText(`m = (${mask.join(', ')})`);
  await expect(readout(page)).toContainText(`‖m⊙x‖ = ${maskedNorm(X, mask).toFixed(3)}`);
  await expect(readout(page)).toContainText(`‖y‖ = ‖m⊙x‖/q = ${(maskedNorm(X, mask) / Q).toFixed(3)}`);
  // The link remembers the mask.
  await expect(page).toHaveURL(/mask=1010/);
  // Clicking a bar of unit 2 in the figure keeps it as well.
  await figure(page).scrollIntoViewIfNeeded();
  const box = await figure(page).boundingBox();
  if (box === null) throw new Error('figure not visible');
  // Unit 2 of the first group sits at x = 115 of the 640-wide figure (46 margin + 4.6 + 46 + 18.4).
  await page.mouse.click(box.x + (box.width * 115) / 640, box.y + box.height * 0.6);
  await expect(unit(page, 2)).toBeChecked();
  mask[1] = 1;
  await expect(readout(page)).toContainText(`‖m⊙x‖ = ${maskedNorm(X, mask).toFixed(3)}`);
});

test('dropping every unit is explained in words, with its probability (1 − q)^n', async ({ page }) => {
  await page.goto('/?section=question&mask=0000');
  await expect(unit(page, 4)).not.toBeChecked();
  await expect(readout(page)).toContainText('‖m⊙x‖ = 0.000');
  await expect(readout(page)).toContainText('‖y‖ = ‖m⊙x‖/q = 0.000');
  await expect(section(page)).toContainText('Every unit is dropped');
  await expect(section(page)).toContainText(`probability (1 − q)n = ${(1 - Q) ** 4}`);
});

test('the keep probability in the prose can be dragged by keyboard and ‖y‖ follows', async ({ page }) => {
  await page.goto('/#question');
  const q = section(page).getByRole('slider', { name: 'q (keep probability) for this mask' });
  await q.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(q).toHaveAttribute('aria-valuetext', '0.48');
  await expect(readout(page)).toContainText(`‖y‖ = ‖m⊙x‖/q = ${(maskedNorm(X, [0, 0, 1, 1]) / 0.48).toFixed(3)}`);
});

test('a vector of more than 12 units offers the question’s example instead', async ({ page }) => {
  await page.goto(`/?section=question&x=${Array.from({ length: 13 }, (_, i) => i + 1).join(',')}`);
  await expect(section(page)).toContainText('The single-mask view needs n ≤ 12 units');
  await section(page).getByRole('button', { name: /Load the question’s example/ }).click();
  await expect(readout(page)).toContainText('‖y‖ = ‖m⊙x‖/q = 10.008');
});

test('an axe scan of the section finds no accessibility violations, with every unit dropped too', async ({ page }) => {
  test.setTimeout(120_000);
  for (const url of ['/#question', '/?section=question&mask=0000']) {
    await page.goto(url);
    await expect(readout(page)).toBeVisible();
    const results = await new AxeBuilder({ page }).include('#question').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
