import { expect, test, type Locator, type Page } from './fixtures.ts';

/** The first number in a cell's text ("−1.2345 (closed form)" → −1.2345). */
function firstNumber(text: string | null): number {
  const token = (text ?? '').trim().split(/\s+/)[0] ?? '';
  return Number(token.replace('−', '-'));
}

const section = (page: Page) => page.getByRole('region', { name: /^\d+\. DropConnect$/ });

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

/** x and W (rows j, columns i) from the data table, opened the way a reader opens it. */
async function weightMatrix(page: Page): Promise<{ x: number[]; W: number[][] }> {
  const table = section(page).getByRole('table', { name: /Weights W and activations x/ });
  if (!(await table.isVisible())) await section(page).getByText('Data table: Weights W and activations x').click();
  const rows = await tableRows(table);
  const x = rows.map((r) => firstNumber(r[1] ?? ''));
  const d = (rows[0]?.length ?? 2) - 2;
  const W = Array.from({ length: d }, (_, j) => rows.map((r) => firstNumber(r[2 + j] ?? '')));
  return { x, W };
}

const keepSlider = (page: Page) => page.getByRole('slider', { name: 'Keep probability q', exact: true });

/** docs/mathematics.md#dropconnect from the page's own x, W and q: means, variances and unit dropout's covariance. */
function closedForms(x: number[], W: number[][], q: number) {
  const mean = W.map((row) => row.reduce((s, v, i) => s + v * x[i]!, 0));
  const cov = W.map((a) => W.map((b) => ((1 - q) / q) * a.reduce((s, v, i) => s + v * b[i]! * x[i]! ** 2, 0)));
  return { mean, sd: cov.map((row, j) => Math.sqrt(row[j]!)), cov };
}

/** Reads the outputs and correlation tables and checks them against the closed forms. */
async function checkOutputs(page: Page) {
  const q = Number(await keepSlider(page).inputValue());
  const { x, W } = await weightMatrix(page);
  expect(x).toEqual([0.1, 0.1, 0.2, 5]);
  expect(W).toHaveLength(4);
  const expected = closedForms(x, W, q);
  const outputs = await tableRows(section(page).getByRole('table', { name: /Outputs of the layer: mean and spread/ }));
  expect(outputs).toHaveLength(4);
  outputs.forEach((row, j) => {
    // W is shown to 6 decimals and the results to 4: 2e-4 covers both roundings.
    expect(Math.abs(firstNumber(row[1] ?? '') - expected.mean[j]!)).toBeLessThan(2e-4);
    expect(Math.abs(firstNumber(row[2] ?? '') - expected.sd[j]!)).toBeLessThan(2e-4);
    expect(row[3]).toBe(row[2]);
  });
  const correlation = await tableRows(section(page).getByRole('table', { name: /Correlation of outputs under unit dropout/ }));
  correlation.forEach((row, j) =>
    row.slice(1).forEach((cell, l) => {
      const c = expected.cov[j]![l]! / (expected.sd[j]! * expected.sd[l]!);
      expect(Math.abs(firstNumber(cell) - c)).toBeLessThan(1e-3);
    }),
  );
  return { q, x, W, expected };
}

test('/?section=dropconnect shows per-output means, sds and correlations equal to the closed forms', async ({ page }) => {
  await page.goto('/?section=dropconnect');
  await expect(page.getByRole('heading', { name: /^\d+\. DropConnect$/ })).toBeInViewport();
  const first = await checkOutputs(page);
  expect(first.q).toBe(0.5);

  await keepSlider(page).focus();
  for (let i = 0; i < 20; i++) await keepSlider(page).press('ArrowRight');
  await expect(keepSlider(page)).toHaveValue('0.7');
  const moved = await checkOutputs(page);
  expect(moved.expected.sd[0]!).toBeLessThan(first.expected.sd[0]!);

  await section(page).getByRole('button', { name: 'New weight matrix W' }).click();
  const redrawn = await checkOutputs(page);
  expect(redrawn.W).not.toEqual(moved.W);
});

test('the switch sends the main histogram to ‖u‖: ‖Wx‖ and √E‖u‖² match the closed form', async ({ page }) => {
  await page.goto('/?section=dropconnect');
  const { x, W, q } = await checkOutputs(page);
  await section(page).getByRole('button', { name: 'Show ‖u‖ in the main histogram' }).click();
  await expect(page.getByRole('radio', { name: /DropConnect: mask the weights/ })).toBeChecked();
  const panel = page.getByTestId('norm-panel');
  await expect(panel).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(panel.getByTestId('method-badge')).toContainText('Exact');
  const { mean, sd } = closedForms(x, W, q);
  const normSquared = mean.reduce((s, v) => s + v * v, 0);
  const meanSquare = normSquared + sd.reduce((s, v) => s + v * v, 0);
  const cell = async (name: RegExp) => firstNumber(await panel.getByRole('row', { name }).getByRole('cell').textContent());
  expect(Math.abs((await cell(/^‖Wx‖/)) - Math.sqrt(normSquared))).toBeLessThan(2e-4);
  expect(Math.abs((await cell(/^√E‖u‖²/)) - Math.sqrt(meanSquare))).toBeLessThan(2e-4);
  // Under DropConnect nothing in the panel is named ‖x‖ or ‖y‖ alone.
  await expect(panel.getByRole('row', { name: /^‖x‖|^E‖y‖/ })).toHaveCount(0);
  await expect(section(page).getByTestId('dropconnect-engine-check')).toContainText('Engine check');
  await section(page).getByRole('button', { name: 'Back to unit dropout in the main histogram' }).click();
  await expect(page.getByRole('radio', { name: /Bernoulli: each unit kept/ })).toBeChecked();
});
