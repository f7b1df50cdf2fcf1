import { expect, test, type Locator, type Page } from './fixtures.ts';
// The input only: the seeded generator and weights reproduce the x and w the link names; every
// expected number below is computed here from them, independently of the app's engine.
import { seededWeights } from '../src/math/dropConnect.ts';
import { generateVector } from '../src/math/vectorSpec.ts';

/** The first number in a cell's text ("−1.2345 ± 0.0001" → −1.2345). */
function firstNumber(text: string | null): number {
  const token = (text ?? '').trim().split(/\s+/)[0] ?? '';
  return Number(token.replace('−', '-'));
}

const section = (page: Page) => page.getByRole('region', { name: /What dividing by q preserves/ });

/** The section's "computing" status: shown exactly while its numbers are being computed. */
const computing = (page: Page) => section(page).getByRole('status').filter({ hasText: /^Computing the mean and spread/ });

/** Waits until the section's numbers for the current state are in. */
async function settled(page: Page, timeout = 30_000) {
  await expect(computing(page)).toHaveCount(0, { timeout });
  await expect(section(page).getByRole('table', { name: 'Downstream unit z = w·y' }).getByRole('cell').first()).not.toHaveText('computing…');
}

/** A table's body as rows of cell texts (row header first). */
async function tableRows(table: Locator): Promise<string[][]> {
  const rows = table.locator('tbody tr');
  const out: string[][] = [];
  for (let r = 0; r < (await rows.count()); r++) {
    const row = rows.nth(r);
    const header = (await row.getByRole('rowheader').textContent()) ?? '';
    out.push([header, ...(await row.getByRole('cell').allTextContents())]);
  }
  return out;
}

/** The key numbers of the downstream unit, by their row names. */
async function downstreamNumbers(page: Page): Promise<Record<string, { value: number; how: string }>> {
  await settled(page);
  const table = section(page).getByRole('table', { name: 'Downstream unit z = w·y' });
  const rows = await tableRows(table);
  return Object.fromEntries(rows.map(([name, value, how]) => [name, { value: firstNumber(value ?? ''), how: how ?? '' }]));
}

/** x and w as the data table lists them (opened the way a reader opens it). */
async function weightsAndActivations(page: Page): Promise<{ x: number[]; w: number[] }> {
  await settled(page);
  const table = section(page).getByRole('table', { name: /Downstream weights w and activations x/ });
  if (!(await table.isVisible())) await section(page).getByText('Data table: Downstream weights w and activations x').click();
  const rows = await tableRows(table);
  return { x: rows.map((r) => firstNumber(r[1] ?? '')), w: rows.map((r) => firstNumber(r[2] ?? '')) };
}

/** Per-unit E[y_i] and sd(y_i) from the figure's data table. */
async function unitMeans(page: Page): Promise<{ mean: number[]; sd: number[] }> {
  await settled(page);
  const table = section(page).getByRole('table', { name: /Mean and spread of each unit’s output/ });
  if (!(await table.isVisible())) await section(page).getByText(/Data table: Mean and spread of each unit’s output/).click();
  const rows = await tableRows(table);
  return { mean: rows.map((r) => firstNumber(r[2] ?? '')), sd: rows.map((r) => firstNumber(r[3] ?? '')) };
}

const keepSlider = (page: Page) => page.getByRole('slider', { name: 'Keep probability q', exact: true });
const readKeep = async (page: Page) => Number(await keepSlider(page).inputValue());

/** Checks E[z], w·x, Var z and the per-unit numbers against closed forms from the page's own x, w, q, with scale s. */
async function checkAgainstClosedForms(page: Page, scaleTimesKeep: (q: number) => number, scaleSquaredTimesKeep: (q: number) => number) {
  const q = await readKeep(page);
  const { x, w } = await weightsAndActivations(page);
  expect(x).toEqual([0.1, 0.1, 0.2, 5]);
  const dot = x.reduce((s, v, i) => s + v * w[i]!, 0);
  // Var z = s²·q(1−q)·Σ w_i² x_i² (docs/mathematics.md#downstream-unit); for s = 1/q that is (1−q)/q Σ w_i² x_i².
  const variance = scaleSquaredTimesKeep(q) * (1 - q) * x.reduce((s, v, i) => s + (w[i]! * v) ** 2, 0);
  const numbers = await downstreamNumbers(page);
  // w is shown to 6 decimals and the numbers to 4: 2e-4 covers both roundings.
  expect(numbers['w·x (no dropout)']!.value).toBeCloseTo(dot, 3);
  expect(Math.abs(numbers['E[z]']!.value - scaleTimesKeep(q) * dot)).toBeLessThan(2e-4);
  expect(Math.abs(numbers['Var z']!.value - variance)).toBeLessThan(2e-4);
  expect(numbers['E[z]']!.how).toBe('exact enumeration of 16 masks');
  const units = await unitMeans(page);
  units.mean.forEach((m, i) => expect(Math.abs(m - scaleTimesKeep(q) * x[i]!)).toBeLessThan(1e-4));
  units.sd.forEach((sd, i) =>
    expect(Math.abs(sd - Math.sqrt(scaleSquaredTimesKeep(q) * (1 - q)) * Math.abs(x[i]!))).toBeLessThan(1e-4),
  );
  return { q, w, numbers };
}

const inverted = { sq: () => 1, s2q: (q: number) => 1 / q };

test('/#mean opens the mean section with E[z] = w·x and Var z = (1−q)/q Σ w_i²x_i², exactly', async ({ page }) => {
  await page.goto('/#mean');
  await expect(page.getByRole('heading', { name: /What dividing by q preserves/ })).toBeVisible();
  await expect(page).toHaveURL(/#mean$/);
  const { q, numbers } = await checkAgainstClosedForms(page, inverted.sq, inverted.s2q);
  expect(q).toBe(0.5);
  expect(numbers['bias E[z] − w·x']!.value).toBe(0);
  await expect(section(page).getByText(/Exact law: 16 masks enumerated/)).toBeVisible();
  const histogram = section(page).getByRole('img', { name: /Exact distribution of the downstream unit z = w·y/ });
  await expect(histogram).toBeVisible();
});

test('moving q and drawing new weights keeps E[z] = w·x and Var z on the closed form', async ({ page }) => {
  await page.goto('/?section=mean');
  const first = await checkAgainstClosedForms(page, inverted.sq, inverted.s2q);
  await keepSlider(page).focus();
  for (let i = 0; i < 20; i++) await keepSlider(page).press('ArrowLeft');
  await expect(keepSlider(page)).toHaveValue('0.3');
  const moved = await checkAgainstClosedForms(page, inverted.sq, inverted.s2q);
  expect(moved.numbers['Var z']!.value).toBeGreaterThan(first.numbers['Var z']!.value);
  await section(page).getByRole('button', { name: 'New weights w' }).click();
  await expect(page).toHaveURL(/[?&]w=2(&|$)/);
  const redrawn = await checkAgainstClosedForms(page, inverted.sq, inverted.s2q);
  expect(redrawn.w).not.toEqual(moved.w);
});

test('the sidebar’s 1/√q compensation shows the bias: E[y_i] = √q·x_i and E[z] = √q·w·x', async ({ page }) => {
  await page.goto('/?section=mean');
  await page.getByRole('combobox', { name: 'Compensation', exact: true }).selectOption({ label: '× 1/√q' });
  const { q, numbers } = await checkAgainstClosedForms(page, (k) => Math.sqrt(k), () => 1);
  expect(numbers['bias E[z] − w·x']!.value).toBeCloseTo((Math.sqrt(q) - 1) * numbers['w·x (no dropout)']!.value, 3);
  await expect(section(page).getByText(/every mean is multiplied by the same factor/)).toBeVisible();
});

/** Σ w_i x_i and Σ (w_i x_i − b̄)², b̄ = w·x/n, from x and w. */
function sums(x: readonly number[], w: readonly number[]) {
  const b = x.map((v, i) => v * w[i]!);
  const dot = b.reduce((s, v) => s + v, 0);
  return { dot, spread: b.reduce((s, v) => s + (v - dot / x.length) ** 2, 0) };
}

test('under the fixed model q = k/n everywhere, with the finite-population variance of exactly k kept', async ({ page }) => {
  await page.goto('/?model=fixed&k=3&section=mean');
  await expect(section(page).getByText(/exactly k = 3 of n = 4 units kept, so q = k\/n = 0\.75/)).toBeVisible();
  const { x, w } = await weightsAndActivations(page);
  const { dot, spread } = sums(x, w);
  const q = 0.75;
  const numbers = await downstreamNumbers(page);
  expect(numbers['E[z]']!.how).toBe('exact enumeration of 4 masks');
  expect(Math.abs(numbers['E[z]']!.value - dot)).toBeLessThan(2e-4);
  expect(Math.abs(numbers['Var z']!.value - ((1 - q) / q) * (4 / 3) * spread)).toBeLessThan(2e-4);
  await expect(section(page).getByRole('img', { name: /E\[yᵢ\], q = 0\.75/ })).toBeVisible();
  await expect(section(page).getByText(/which at q = 0\.75 is 0\.577 times \|xi\|, smaller than \|xi\| itself/)).toBeVisible();
  // The number in the text moves k by one: q = 0.50 with k = 2.
  const inText = section(page).getByRole('slider', { name: /^q \(keep probability\), section \d+$/ });
  await inText.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(section(page).getByText(/exactly k = 2 of n = 4 units kept, so q = k\/n = 0\.50/)).toBeVisible();
  expect((await downstreamNumbers(page))['E[z]']!.how).toBe('exact enumeration of 6 masks');
});

test('under DropConnect the section says it shows unit dropout with Bernoulli masks at the same q, and links the DropConnect section', async ({ page }) => {
  await page.goto('/?model=dropconnect&keep=0.3&section=mean');
  const note = section(page).getByText(/This section shows unit dropout with Bernoulli masks at the same q/);
  await expect(note).toBeVisible();
  const link = note.getByRole('link', { name: /^section \d+$/ });
  await expect(link).toHaveAttribute('href', '#dropconnect');
  const { x, w } = await weightsAndActivations(page);
  const numbers = await downstreamNumbers(page);
  expect(numbers['E[z]']!.how).toBe('exact enumeration of 16 masks');
  const variance = (0.7 / 0.3) * x.reduce((s, v, i) => s + (v * w[i]!) ** 2, 0);
  expect(Math.abs(numbers['Var z']!.value - variance)).toBeLessThan(2e-4);
});

test('while the engine computes, the section shows no number of the state it left, then the new state’s numbers', async ({ page }) => {
  // 1000 units, exactly 500 kept: c* has no affordable quadrature there, so the engine samples it
  // (a second or more with a million masks); under 1/q everything is a closed form.
  test.slow();
  const n = 1000;
  const x = generateVector({ kind: 'uniform', units: n, seed: 7, norm: 30 });
  const w = seededWeights(1, n, 1).values;
  const { dot, spread } = sums(x, w);
  const finite = (n / (n - 1)) * spread;
  await page.goto(`/?gen=uniform:${n}:seed=7:norm=30&model=fixed&k=500&samples=1000000&section=mean`);
  const before = await downstreamNumbers(page);
  expect(before['E[z]']!.how).toBe('closed form');
  expect(Math.abs(before['E[z]']!.value - dot)).toBeLessThan(1e-4 * (1 + Math.abs(dot)));
  expect(Math.abs(before['Var z']!.value - finite)).toBeLessThan(1e-4 * (1 + finite));

  await page.getByRole('combobox', { name: 'Compensation', exact: true }).selectOption({ label: '× c* = ‖x‖/E‖m⊙x‖' });
  const table = section(page).getByRole('table', { name: 'Downstream unit z = w·y' });
  await expect(computing(page)).toBeVisible();
  // While it computes: every value cell says so, and no chart carries a number.
  const rows = await tableRows(table);
  expect(rows.map((r) => r[1])).toEqual(new Array(5).fill('computing…'));
  await expect(section(page).locator('.downstream-histogram .marker')).toHaveCount(0);
  await expect(section(page).locator('.unit-means .unit-mean')).toHaveCount(0);

  await settled(page, 120_000);
  const after = await downstreamNumbers(page);
  expect(after['E[z]']!.how).toMatch(/^closed form with c\* sampled \(1,000,000 masks, seed 1\)$/);
  // E[z] = c*·q·w·x and Var z = c*²·q(1−q)·n/(n−1)·Σ(b_i − b̄)²: one c* explains both.
  const scale = after['E[z]']!.value / (0.5 * dot);
  expect(scale).toBeGreaterThan(Math.SQRT2 - 1e-3);
  expect(scale).toBeLessThan(2);
  expect(Math.abs(after['Var z']!.value - scale * scale * 0.25 * finite)).toBeLessThan(2e-3 * (1 + after['Var z']!.value));
});
