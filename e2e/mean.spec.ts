import { expect, test, type Locator, type Page } from './fixtures.ts';

/** The first number in a cell's text ("−1.2345 ± 0.0001" → −1.2345). */
function firstNumber(text: string | null): number {
  const token = (text ?? '').trim().split(/\s+/)[0] ?? '';
  return Number(token.replace('−', '-'));
}

const section = (page: Page) => page.getByRole('region', { name: /What dividing by q preserves/ });

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
  const table = section(page).getByRole('table', { name: 'Downstream unit z = w·y' });
  const rows = await tableRows(table);
  return Object.fromEntries(rows.map(([name, value, how]) => [name, { value: firstNumber(value ?? ''), how: how ?? '' }]));
}

/** x and w as the data table lists them (opened the way a reader opens it). */
async function weightsAndActivations(page: Page): Promise<{ x: number[]; w: number[] }> {
  const table = section(page).getByRole('table', { name: /Downstream weights w and activations x/ });
  if (!(await table.isVisible())) await section(page).getByText('Data table: Downstream weights w and activations x').click();
  const rows = await tableRows(table);
  return { x: rows.map((r) => firstNumber(r[1] ?? '')), w: rows.map((r) => firstNumber(r[2] ?? '')) };
}

/** Per-unit E[y_i] and sd(y_i) from the figure's data table. */
async function unitMeans(page: Page): Promise<{ mean: number[]; sd: number[] }> {
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

test('/#mean opens section 3 with E[z] = w·x and Var z = (1−q)/q Σ w_i²x_i², exactly', async ({ page }) => {
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
