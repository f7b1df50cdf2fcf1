import { expect, test, type Locator, type Page } from './fixtures.ts';

/** Section 9, found the way a reader finds it: the region named by its heading. */
const section = (page: Page) => page.getByRole('region', { name: /Drop rate or keep probability\?/ });
/** The cheat sheet's "call with your value" cell in a framework's row. */
const call = (sheet: Locator, framework: string) =>
  sheet.getByRole('row').filter({ has: sheet.page().getByRole('rowheader', { name: framework }) }).getByRole('code');
/** The value of a slider as a number. */
const valueOf = async (slider: Locator) => Number(await slider.getAttribute('aria-valuenow'));

// The whole page recomputes on every change; give a busy machine time.
test.describe.configure({ timeout: 120_000 });

test('the page-wide switch relabels the sidebar slider, and every call shows the reader’s value', async ({ page }) => {
  await page.goto('/?section=notation');
  const notation = section(page);
  await expect(notation).toBeInViewport();
  const sheet = notation.getByRole('table', { name: /Cheat sheet/ });
  const sidebar = page.getByRole('complementary', { name: 'Contents and controls' });

  // The seed's q = ½: both conventions give 0.50, and the page says so.
  await expect(notation.getByTestId('notation-half')).toContainText('coincide');
  await expect(call(sheet, 'PyTorch')).toHaveText('nn.Dropout(p=0.50)');
  await expect(call(sheet, 'TensorFlow 1 (tf.compat.v1)')).toHaveText('tf.nn.dropout(x, keep_prob=0.50)');

  // Flip to the drop rate: the sidebar slider and the section's own number are relabelled.
  await notation.getByRole('radio', { name: /drop rate p/ }).check();
  await expect(sidebar.getByRole('slider', { name: 'Drop rate p' })).toBeVisible();
  await expect(sidebar.getByRole('slider', { name: 'Keep probability q' })).toHaveCount(0);
  await expect(sidebar.getByRole('radio', { name: /drop rate p/ })).toBeChecked();
  await expect(page).toHaveURL(/notation=drop/);
  const drop = notation.getByRole('slider', { name: 'drop rate p' });
  await expect(drop).toBeVisible();

  // Raise p by 2 × 10 steps of 0.01 with the keyboard, then read it off the page.
  await drop.press('PageUp');
  await drop.press('PageUp');
  const p = await valueOf(drop);
  expect(p).toBeCloseTo(0.7, 9);
  const q = 1 - p;
  await expect(sidebar.getByRole('slider', { name: 'Drop rate p' })).toHaveValue(String(Number(p.toFixed(2))));
  await expect(call(sheet, 'PyTorch')).toHaveText(`nn.Dropout(p=${p.toFixed(2)})`);
  await expect(call(sheet, 'Keras 3')).toHaveText(`keras.layers.Dropout(rate=${p.toFixed(2)})`);
  await expect(call(sheet, 'TensorFlow 1 (tf.compat.v1)')).toHaveText(`tf.nn.dropout(x, keep_prob=${q.toFixed(2)})`);
  await expect(sheet.getByRole('row').filter({ hasText: 'PyTorch' })).toContainText(`p = ${p.toFixed(2)}`);
  // Every framework's training scale is 1/(1 − p), the paper's test factor is q.
  await expect(sheet.getByRole('row').filter({ hasText: 'PyTorch' })).toContainText(`= ${(1 / (1 - p)).toFixed(4)}`);
  await expect(sheet.getByRole('row').filter({ hasText: 'The 2014 paper' })).toContainText(`weights × p = ${q.toFixed(2)}`);
  // The derivation is written in p first, with the reader's numbers.
  await expect(notation.getByTestId('notation-reading-page')).toContainText(`1−${p.toFixed(2)}`);
  await expect(notation.getByTestId('notation-reading-page')).toContainText((1 / q).toFixed(4));
  await expect(notation.getByTestId('notation-half')).not.toContainText('coincide');
  await expect(notation.getByTestId('notation-half')).toContainText(`q/p = ${(q / p).toFixed(4)}`);

  // Back to q, moved from the sidebar: the cheat sheet follows.
  await notation.getByRole('radio', { name: /keep probability q/ }).check();
  const keepSlider = sidebar.getByRole('slider', { name: 'Keep probability q' });
  await expect(keepSlider).toBeVisible();
  await keepSlider.press('ArrowRight');
  const moved = Number(await keepSlider.inputValue());
  expect(moved).toBeCloseTo(q + 0.01, 9);
  await expect(call(sheet, 'PyTorch')).toHaveText(`nn.Dropout(p=${(1 - moved).toFixed(2)})`);
  await expect(call(sheet, 'JAX / Flax (linen)')).toHaveText(`nn.Dropout(rate=${(1 - moved).toFixed(2)})`);
  await expect(call(sheet, 'TensorFlow.js')).toHaveText(`tf.dropout(x, ${(1 - moved).toFixed(2)})`);
  await expect(sheet.getByRole('row').filter({ hasText: 'PyTorch' })).toContainText(`p = 1 − q = ${(1 - moved).toFixed(2)}`);

  // One click back to q = ½: the conventions coincide again.
  await notation.getByRole('button', { name: /Set q = ½/ }).click();
  await expect(notation.getByTestId('notation-half')).toContainText('coincide');
  await expect(call(sheet, 'TensorFlow 2')).toHaveText('tf.nn.dropout(x, rate=0.50)');
  await expect(keepSlider).toHaveValue('0.5');
});
