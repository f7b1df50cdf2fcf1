import { AxeBuilder } from '@axe-core/playwright';
import { expect, settledPage, test, type Page } from './fixtures.ts';
import { bruteMaskedNorm } from '../src/math/bruteForce.ts';

/** The question's vector and q (the page's seed state). */
const X = [0.1, 0.1, 0.2, 5.0];
const Q = 0.5;
/** c* = ‖x‖/E‖m⊙x‖ for the question's vector at q = ½ (docs/mathematics.md#reference-values, src/math/testdata/seed-cases.json). */
const C_STAR = 1.94136340020377;

const rescaling = (page: Page) => page.getByRole('region', { name: /Rescaling to the original length/ });


const normOf = (x: readonly number[]) => Math.sqrt(x.reduce((s, v) => s + v * v, 0));

async function shownConstant(page: Page): Promise<number> {
  const text = (await rescaling(page).getByTestId('rescaling-constant').textContent()) ?? '';
  return Number(/c\* = (\d+\.\d{6})/.exec(text)?.[1]);
}

test('the compensations side by side on the question’s vector, and c* = 1.941363', async ({ page }) => {
  await page.goto('/#rescaling');
  const section = rescaling(page);
  // The fragment link opens the page with the section present (the app scrolls only for ?section=).
  await expect(section).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  // The brute force agrees with the reference value before anything is read off the page.
  expect(normOf(X) / bruteMaskedNorm(X, Q)).toBeCloseTo(C_STAR, 12);
  expect(Math.abs((await shownConstant(page)) - C_STAR)).toBeLessThanOrEqual(0.5e-6);
  await expect(section.getByTestId('rescaling-constant')).toContainText('closed form');
  await expect(section.getByTestId('rescaling-bounds')).toContainText(String.raw`1.4142 \le 1.9414 \le 2.0000`);
  // E[y] = c*·q·x: the mean is shrunk by 0.9707.
  await expect(section.getByTestId('rescaling-mean')).toContainText('0.9707');

  const toggles = section.getByRole('group', { name: 'Compensations to compare' });
  const panels = section.getByRole('img', { name: /^× / });
  // The page starts with 1/q, 1/√q, per-sample matching and c* compared.
  await expect(panels).toHaveCount(4);
  await expect(toggles.getByRole('button', { name: '× 1 in training, × q at test' })).toHaveAttribute('aria-pressed', 'false');
  await expect(toggles.getByRole('button', { name: '× c* = ‖x‖/E‖m⊙x‖' })).toHaveAttribute('aria-pressed', 'true');

  const row = (name: RegExp) => section.getByRole('row', { name });
  // 1/q: unbiased, E‖y‖ = 5.157196642 (docs/mathematics.md#reference-values).
  await expect(row(/^× 1\/q/)).toContainText(/x\s*\(closed form\)/);
  await expect(row(/^× 1\/q/)).toContainText('5.1572');
  // c*: E‖y‖ = ‖x‖ = 5.0060 exactly, E[y] = c*·q·x.
  await expect(row(/^× c\*/)).toContainText(`${(C_STAR * Q).toFixed(4)}·x`);
  await expect(row(/^× c\*/).getByRole('cell').nth(2)).toContainText(normOf(X).toFixed(4));
  // 1/√q: E[y] = √q·x, and √E‖y‖² = ‖x‖.
  await expect(row(/^× 1\/√q/)).toContainText(`${Math.sqrt(Q).toFixed(4)}·x`);
  await expect(row(/^× 1\/√q/).getByRole('cell').nth(3)).toContainText(normOf(X).toFixed(4));
  // Per-sample matching: E‖y‖ = ‖x‖(1 − P0) with P0 = (1 − q)⁴ = 0.0625 shown, and a mean not ∝ x.
  await expect(row(/^× ‖x‖\/‖m⊙x‖/).getByRole('cell').nth(2)).toContainText((normOf(X) * (1 - 0.0625)).toFixed(4));
  await expect(row(/^× ‖x‖\/‖m⊙x‖/)).toContainText('not ∝ x');
  await expect(section.getByText(/all-dropped mask \(probability 0\.0625\)/)).toBeVisible();

  // Toggle the paper's convention in, and per-sample matching out.
  await toggles.getByRole('button', { name: '× 1 in training, × q at test' }).click();
  await expect(toggles.getByRole('button', { name: '× 1 in training, × q at test' })).toHaveAttribute('aria-pressed', 'true');
  await expect(panels).toHaveCount(5);
  await expect(row(/^× 1 in training/)).toContainText(`${Q.toFixed(4)}·x`);
  await toggles.getByRole('button', { name: '× ‖x‖/‖m⊙x‖ per sample' }).click();
  await expect(toggles.getByRole('button', { name: '× ‖x‖/‖m⊙x‖ per sample' })).toHaveAttribute('aria-pressed', 'false');
  await expect(panels).toHaveCount(4);
  await expect(section.getByRole('img', { name: /^× ‖x‖\/‖m⊙x‖ per sample/ })).toHaveCount(0);
  await expect(page).toHaveURL(/compare=inverted%2Csqrt%2Cconstant%2Cnone|compare=inverted,sqrt,constant,none/);

  const scan = await new AxeBuilder({ page }).include('#rescaling').analyze();
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('moving one unit moves c* between 1/√q and 1/q', async ({ page }) => {
  await page.goto('/#rescaling');
  const section = rescaling(page);
  await expect(section.getByRole('combobox', { name: 'Unit to move' })).toHaveValue('3');
  const slider = section.getByRole('slider', { name: 'Value of the moved unit x4' });
  await expect(slider).toHaveValue('5');
  // The deep link scrolls to the section once every section is mounted: click after that scroll.
  await settledPage(page);
  await expect(section.getByRole('heading', { level: 2 })).toBeInViewport();

  // Drag the dominant unit down to about 0.4: the length is now shared, c* falls toward 1/√q.
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  if (box === null) throw new Error('the unit slider is not visible');
  await page.mouse.click(box.x + box.width * 0.52, box.y + box.height / 2);
  await expect(slider).not.toHaveValue('5');
  const moved = Number(await slider.inputValue());
  const x = [0.1, 0.1, 0.2, moved];
  const expected = normOf(x) / bruteMaskedNorm(x, Q);
  await expect.poll(() => shownConstant(page)).not.toBeCloseTo(C_STAR, 4);
  const shown = await shownConstant(page);
  expect(Math.abs(shown - expected)).toBeLessThanOrEqual(0.5e-6 + 1e-12);
  expect(shown).toBeGreaterThanOrEqual(1 / Math.sqrt(Q));
  expect(shown).toBeLessThanOrEqual(1 / Q);
  expect(shown).toBeLessThan(C_STAR);
  await expect(section.getByRole('img', { name: /Where c\* lies between 1\/√q and 1\/q/ })).toHaveAccessibleDescription(
    new RegExp(`c\\* = ${expected.toFixed(4).replace('.', '\\.')}`),
  );

  // Keyboard: the same slider, one step of 0.01 up.
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  const next = Number(await slider.inputValue());
  expect(next).toBeCloseTo(moved + 0.01, 10);
  const nextX = [0.1, 0.1, 0.2, next];
  await expect.poll(async () => Math.abs((await shownConstant(page)) - normOf(nextX) / bruteMaskedNorm(nextX, Q))).toBeLessThanOrEqual(0.5e-6 + 1e-12);

  // A different unit: make x1 as large as x4 was; c* climbs back toward 1/q only as far as two equal units allow.
  await section.getByRole('combobox', { name: 'Unit to move' }).selectOption({ index: 0 });
  await expect(section.getByRole('slider', { name: 'Value of the moved unit x1' })).toHaveValue('0.1');
});

test('the page cites no file a reader cannot open: the methods are stated in plain words', async ({ page }) => {
  // The fixed-count model shows section 3's note on the negatively correlated mask bits.
  await page.goto('/?model=fixed&k=2');
  const mean = page.getByRole('region', { name: /What dividing by q preserves/ });
  await expect(mean.getByText(/finite-population form above \(the correction for drawing the k kept units without replacement\)/)).toBeVisible();
  await expect(rescaling(page).getByText(/trapezoid rule on an exact integral formula for E‖m⊙x‖/)).toBeVisible();
  // No section names a file (design notes, Markdown files): what a reader sees is all there is.
  expect(await page.locator('#sections').innerText()).not.toMatch(/\b[\w-]+\.md\b|§/);
});
