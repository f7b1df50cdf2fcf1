import { expect, test } from './fixtures.ts';
import { bruteMaskedNorm } from '../src/math/bruteForce.ts';

// What the page does to stay fast (docs/architecture.md#rendering-budget), seen as a reader sees it.
test.describe.configure({ timeout: 120_000 });

test('with KaTeX slow to arrive, section 1 is readable as plain text and then upgrades to typeset formulas', async ({ page }) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/katex-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  const section = page.getByRole('region', { name: /The question/ });
  const masked = section.getByTestId('question-masked');
  // Before KaTeX: the derivation's first line as text, with the reader's numbers.
  await expect(masked).toHaveText('‖m⊙x‖ = √(Σ_(mᵢ=1) xᵢ²) = √(0.2² + 5.0²) = √25.0400 = 5.0040');
  await expect(section.locator('.katex')).toHaveCount(0);
  await expect(section.getByRole('heading', { level: 2 })).toBeVisible();
  release();
  // Then KaTeX typesets it (its MathML twin carries the same numbers for screen readers).
  await expect(masked.locator('.katex')).toBeVisible();
  await expect(masked.locator('math')).toContainText('5.0040');
});

test('a section far down the page shows the new numbers when the reader scrolls to it after a change', async ({ page }) => {
  await page.goto('/');
  const notation = page.getByRole('region', { name: /Drop rate or keep probability\?/ });
  const cheatSheet = notation.getByRole('table', { name: /Cheat sheet/ });
  const pytorch = cheatSheet
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'PyTorch' }) })
    .getByRole('code');
  await notation.scrollIntoViewIfNeeded();
  await expect(pytorch).toHaveText('nn.Dropout(p=0.50)');
  // Back at the top, change q with the sidebar slider: the notation section is far away now.
  await page.evaluate(() => window.scrollTo(0, 0));
  const slider = page.getByRole('slider', { name: 'Keep probability q', exact: true });
  // Three PageUp presses: ten steps of 0.01 each.
  for (let i = 0; i < 3; i++) await slider.press('PageUp');
  await expect(slider).toHaveValue('0.8');
  await notation.scrollIntoViewIfNeeded();
  await expect(pytorch).toHaveText('nn.Dropout(p=0.20)');
});

test('numbers computed only when their section is near (the comparison) are the new state’s when the reader scrolls there after a change', async ({ page }) => {
  await page.goto('/');
  const slider = page.getByRole('slider', { name: 'Keep probability q', exact: true });
  // Three PageUp presses at the top of the page: q = 0.5 → 0.8, the comparison far below.
  for (let i = 0; i < 3; i++) await slider.press('PageUp');
  await expect(slider).toHaveValue('0.8');
  const section = page.getByRole('region', { name: /Rescaling to the original length/ });
  await section.scrollIntoViewIfNeeded();
  // E‖y‖ under 1/q at q = 0.8, by brute force over the 16 masks of the question's vector.
  const x = [0.1, 0.1, 0.2, 5.0];
  const expected = (bruteMaskedNorm(x, 0.8) / 0.8).toFixed(4);
  expect(expected).not.toBe((bruteMaskedNorm(x, 0.5) / 0.5).toFixed(4));
  await expect(section.getByRole('row', { name: /^× 1\/q/ }).getByRole('cell').nth(2)).toContainText(expected);
});
