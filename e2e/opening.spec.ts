import { expect, test, type Page } from './fixtures.ts';

/** The answer-first opening: its numbers against brute force over the masks, for two states. */
const X = [0.1, 0.1, 0.2, 5];
const opening = (page: Page) => page.getByRole('region', { name: 'The short answer' });

/** E‖y‖ of y = m⊙x/q over every mask (Bernoulli(q)), or over the k-subsets (fixed count). */
function bruteMean(x: readonly number[], q: number, kept: number | null): number {
  let mean = 0;
  let total = 0;
  for (let mask = 0; mask < 2 ** x.length; mask++) {
    const k = x.filter((_, i) => (mask >> i) & 1).length;
    if (kept !== null && k !== kept) continue;
    const p = kept === null ? q ** k * (1 - q) ** (x.length - k) : 1;
    mean += p * Math.hypot(...x.map((v, i) => (((mask >> i) & 1) === 1 ? v / q : 0)));
    total += p;
  }
  return mean / total;
}

const squared = X.reduce((s, v) => s + v * v, 0);

test('the opening answers with the seed numbers: E[y] = x, E‖y‖² = ‖x‖²/q, and E‖y‖ between ‖x‖ and ‖x‖/√q, each linked to its section', async ({ page }) => {
  await page.goto('/');
  const box = opening(page);
  await expect(box).toContainText('1/q = 2.00 times larger');
  await expect(box).toContainText(`E‖y‖² = ‖x‖²/q = ${squared.toFixed(4)}/0.50 = ${(squared / 0.5).toFixed(4)}`);
  await expect(box).toContainText(`E‖y‖ = ${bruteMean(X, 0.5, null).toFixed(4)}`);
  await expect(box).toContainText(`between ${Math.sqrt(squared).toFixed(4)} and ${Math.sqrt(squared / 0.5).toFixed(4)}`);
  // The same E‖y‖ as the norm section's panel.
  await expect(page.getByTestId('norm-panel').locator('[data-row="mean"]')).toContainText(bruteMean(X, 0.5, null).toFixed(4));
  await box.getByRole('link', { name: 'section 3' }).click();
  await expect(page.locator('#mean')).toBeInViewport();
});

test('under the fixed model the opening speaks of k of n and its E‖y‖ is the fixed-count one', async ({ page }) => {
  await page.goto('/?x=0.1,0.1,0.2,5&model=fixed&k=1');
  const box = opening(page);
  await expect(box).toContainText('Each mask keeps exactly k = 1 of the n = 4 units, so each unit is kept with probability q = k/n = 0.25');
  await expect(box).toContainText(`= ${(squared / 0.25).toFixed(4)} (closed form`);
  await expect(box).toContainText(`E‖y‖ = ${bruteMean(X, 0.25, 1).toFixed(4)}`);
});

test('under DropConnect the opening says it answers for unit dropout and gives no E‖y‖ it did not compute', async ({ page }) => {
  await page.goto('/?model=dropconnect');
  const box = opening(page);
  await expect(box).toContainText('this answer is for dropout on the units, with Bernoulli masks at the same q');
  await expect(box).not.toContainText('E‖y‖ =');
  await expect(box).toContainText(`between ${Math.sqrt(squared).toFixed(4)} and ${Math.sqrt(squared / 0.5).toFixed(4)}`);
});

test('a pending prediction hides the opening, which would give the answer away', async ({ page }) => {
  await page.goto('/?predict=mean');
  await expect(page.getByLabel('Your guess for E‖y‖')).toBeVisible();
  await expect(opening(page)).toHaveCount(0);
});
