import { expect, test, type Locator, type Page } from './fixtures.ts';

/** The seed vector of the question (the page's default x). */
const X = [0.1, 0.1, 0.2, 5.0];
const NORM_SQUARED = X.reduce((s, v) => s + v * v, 0);

interface Outcome {
  readonly mean: readonly number[];
  readonly sd: readonly number[];
  readonly meanSquareNorm: number;
}
/** y = s·(m⊙x), m_i ~ Bernoulli(k): E[y_i] = k s x_i, sd = s |x_i| √(k(1−k)), E‖y‖² = k s² ‖x‖² (docs/mathematics.md#bernoulli-moments). */
const bernoulli = (k: number, s: number): Outcome => ({
  mean: X.map((v) => k * s * v),
  sd: X.map((v) => s * Math.abs(v) * Math.sqrt(k * (1 - k))),
  meanSquareNorm: k * s * s * NORM_SQUARED,
});

/** Right and wrong outputs of each mistake, from the closed forms, for keep probability q. */
function expected(id: string, q: number): { right: Outcome; wrong: Outcome } {
  const p = 1 - q;
  const training = bernoulli(q, 1 / q); // inverted dropout
  const inference = bernoulli(1, 1); // identity at inference
  switch (id) {
    case 'Dividing by the drop rate':
      return { right: training, wrong: bernoulli(q, 1 / p) }; // E[y] = (q/p)·x
    case 'Scaling at training and at test':
      return { right: inference, wrong: bernoulli(1, q) }; // test output q·x
    case 'Forgetting evaluation mode':
      return { right: inference, wrong: training }; // dropout still on at test
    case 'keep_prob passed as rate':
      return { right: training, wrong: bernoulli(p, 1 / p) }; // keep p instead of q
    default:
      throw new Error(id);
  }
}

const MISTAKES = ['Dividing by the drop rate', 'Scaling at training and at test', 'Forgetting evaluation mode', 'keep_prob passed as rate'];
const fixed = (v: number) => v.toFixed(4).replace('-', '−');

const section = (page: Page) => page.getByRole('region', { name: /Common mistakes/ });

// Sixteen tables of numbers per run; give a busy machine time to render them.
test.describe.configure({ timeout: 120_000 });

/** The cells of a unit's row (x_i, right E, wrong E, right sd, wrong sd). */
function cells(table: Locator, rowName: string): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: rowName, exact: true }) }).getByRole('cell');
}

async function checkEachMistake(page: Page, q: number) {
  const mistakes = section(page);
  for (const name of MISTAKES) {
    const button = mistakes.getByRole('button', { name });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(mistakes.getByRole('heading', { level: 3 })).toHaveText(name);
    const table = mistakes.getByRole('table', { name: /Right and wrong outputs/ });
    const { right, wrong } = expected(name, q);
    for (let i = 0; i < X.length; i++) {
      await expect(cells(table, `unit ${i + 1}`)).toHaveText([
        fixed(X[i]!),
        fixed(right.mean[i]!),
        fixed(wrong.mean[i]!),
        fixed(right.sd[i]!),
        fixed(wrong.sd[i]!),
      ]);
    }
    const norms = cells(table, 'E‖y‖² (‖x‖² under xi)');
    await expect(norms.nth(1)).toHaveText(fixed(right.meanSquareNorm));
    await expect(norms.nth(2)).toHaveText(fixed(wrong.meanSquareNorm));
    // The figure states the same numbers in its description.
    await expect(mistakes.getByRole('img', { name: new RegExp(`^${name}`) })).toBeVisible();
  }
}

test('each mistake at the seed’s q = ½ shows its wrong and right numbers', async ({ page }) => {
  await page.goto('/#mistakes');
  const mistakes = section(page);
  await expect(mistakes.getByRole('heading', { level: 2 })).toBeVisible();
  const q = Number(await mistakes.getByRole('slider', { name: 'keep probability q' }).getAttribute('aria-valuenow'));
  expect(q).toBe(0.5);
  await checkEachMistake(page, q);
  // Two of the bugs cancel out at q = ½ and the page says so.
  await mistakes.getByRole('button', { name: 'Dividing by the drop rate' }).click();
  await expect(mistakes.getByTestId('mistake-summary')).toContainText('invisible');
});

test('moving q shows each mistake’s numbers for the new q', async ({ page }) => {
  await page.goto('/#mistakes');
  const mistakes = section(page);
  const keep = mistakes.getByRole('slider', { name: 'keep probability q' });
  await keep.press('PageUp');
  await keep.press('PageUp');
  const q = Number(await keep.getAttribute('aria-valuenow'));
  expect(q).toBeCloseTo(0.7, 9);
  await checkEachMistake(page, q);
  // The largest unit in words: dividing by p gives (q/p)·5 in training, 5 at inference.
  await mistakes.getByRole('button', { name: 'Dividing by the drop rate' }).click();
  await expect(mistakes.getByTestId('mistake-summary')).toContainText(
    `q/p = ${(q / (1 - q)).toFixed(4)} times x: unit 4 averages ${((q / (1 - q)) * 5).toFixed(4)} in training but gives 5.0000`,
  );
  await expect(mistakes.getByText(`rate=${q.toFixed(2)}`)).toHaveCount(0);
  await mistakes.getByRole('button', { name: 'keep_prob passed as rate' }).click();
  await expect(mistakes.getByText(`tf.nn.dropout(x, rate=${q.toFixed(2)})`, { exact: false })).toBeVisible();
});

test('at q = 1 dividing by the drop rate is undefined, and the page keeps working', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/#mistakes');
  const mistakes = section(page);
  const keep = mistakes.getByRole('slider', { name: 'keep probability q' });
  await keep.press('End');
  await expect(keep).toHaveAttribute('aria-valuenow', '1');
  const table = mistakes.getByRole('table', { name: /Right and wrong outputs/ });
  await expect(cells(table, 'unit 4').nth(2)).toHaveText('undefined');
  await expect(cells(table, 'unit 4').nth(1)).toHaveText('5.0000');
  await expect(mistakes.getByTestId('mistake-summary')).toContainText('undefined');
  expect(errors).toEqual([]);
});
