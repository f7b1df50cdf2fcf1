import { expect, test, type Page } from './fixtures.ts';

/**
 * Section 4 under each mask model: its derivation (the TeX source KaTeX keeps in the MathML
 * annotation) and its histogram name the same quantity and show the same values.
 */
const normSection = (page: Page) => page.locator('#norm');
const panel = (page: Page) => page.getByTestId('norm-panel');

async function texOf(page: Page, label: string): Promise<string> {
  return (await normSection(page).getByTestId(label).locator('annotation').first().textContent()) ?? '';
}

const markerValue = async (page: Page, id: string) =>
  Number(((await panel(page).locator(`[data-marker="${id}"]`).textContent()) ?? '').split('=').at(-1)?.trim());

const CASES = [
  { model: 'bernoulli', link: '/', out: '‖y‖', ref: '‖x‖', outTex: String.raw`\lVert y\rVert`, refTex: String.raw`\lVert x\rVert` },
  { model: 'fixed', link: '/?model=fixed&k=2', out: '‖y‖', ref: '‖x‖', outTex: String.raw`\lVert y\rVert`, refTex: String.raw`\lVert x\rVert` },
  { model: 'dropconnect', link: '/?model=dropconnect', out: '‖u‖', ref: '‖Wx‖', outTex: String.raw`\lVert u\rVert`, refTex: String.raw`\lVert Wx\rVert` },
] as const;

for (const c of CASES) {
  test(`under the ${c.model} model the norm section's bounds and histogram name ${c.out} against ${c.ref}, with the same numbers`, async ({ page }) => {
    await page.goto(c.link);
    await expect(panel(page)).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    const bounds = await texOf(page, 'jensen-bounds');
    expect(bounds).toContain(c.outTex);
    expect(bounds).toContain(c.refTex);
    expect(await texOf(page, 'mean-square-norm')).toContain(c.outTex);
    // a ≤ E‖·‖ ≤ √E‖·‖², as the TeX writes them to 4 decimals.
    const [lower, mean, upper] = (bounds.split(String.raw`\qquad`)[1] ?? '').split(String.raw`\le`).map(Number);
    await expect(panel(page).locator('[data-marker="norm"]')).toContainText(`${c.ref} =`);
    await expect(panel(page).locator('[data-marker="mean"]')).toContainText(`E${c.out} =`);
    expect(Math.abs((await markerValue(page, 'norm')) - (lower ?? Number.NaN))).toBeLessThan(6e-4);
    expect(Math.abs((await markerValue(page, 'mean')) - (mean ?? Number.NaN))).toBeLessThan(6e-4);
    expect(Math.abs((await markerValue(page, 'rms')) - (upper ?? Number.NaN))).toBeLessThan(6e-4);
    await expect(panel(page).getByRole('img', { name: new RegExp(`Histogram of ${c.out}`) })).toBeVisible();
    await expect(normSection(page).getByTestId('norm-position')).not.toContainText(c.model === 'dropconnect' ? '‖y‖' : '‖u‖');
  });
}

test('under the fixed model the page has one q, k/n: the slider, the text and the histogram agree', async ({ page }) => {
  await page.goto('/?model=fixed&k=3');
  await expect(panel(page)).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(panel(page).getByRole('img', { name: /Histogram of ‖y‖ for q = 0.75/ })).toBeVisible();
  const slider = page.getByRole('slider', { name: 'Keep probability q', exact: true });
  await expect(slider).toHaveValue('0.75');
  expect(await texOf(page, 'mean-square-norm')).toContain(String.raw`{0.75}`);
  // Moving the keep slider moves k: the next q is a multiple of 1/n.
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveValue('0.5');
  await expect(panel(page).getByRole('img', { name: /Histogram of ‖y‖ for q = 0.50/ })).toBeVisible();
  await expect(page).toHaveURL(/k=2/);
});
