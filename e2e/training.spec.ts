import { expect, test, type Page } from './fixtures.ts';

/** The seven schemes' names as the page shows them (src/training/settings.ts, SCHEME_LABELS). */
const SCHEMES = [
  'no dropout',
  'inverted ×1/q',
  '2014 paper (×q at test)',
  '×1/√q',
  'norm matching',
  'norm matching, stopped gradient',
  'constant c*',
];

const training = (page: Page) => page.getByRole('region', { name: /Does it matter in training\?/ });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('one click trains every scheme: a curve per scheme, the decision regions and the final table; TensorFlow.js loads only then', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  // A tiny experiment from the link, so the run takes seconds.
  await page.goto('/?section=training&tepochs=2&twidth=8');
  const section = training(page);
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  await expect(section.getByText('Not trained yet: press Train.')).toBeVisible();
  expect(requests.filter((u) => /training\.worker|trainingClient/.test(u))).toEqual([]);

  await section.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(section.getByText(/Trained in \d+\.\d s\./)).toBeVisible({ timeout: 120_000 });
  expect(requests.some((u) => /training\.worker/.test(u))).toBe(true);

  for (const name of SCHEMES) {
    await expect(section.getByRole('img', { name: new RegExp(`^Loss per epoch, ${escape(name)} \\(.*after epoch 2: training loss \\d\\.\\d{3}`) })).toBeVisible();
    await expect(section.getByRole('img', { name: new RegExp(`^Test accuracy per epoch, ${escape(name)}\\.`) })).toBeVisible();
    await expect(section.getByRole('img', { name: new RegExp(`^Decision regions, ${escape(name)}:`) })).toBeVisible();
  }
  const table = section.getByRole('table', { name: /Final numbers after 2 epochs/ });
  await expect(table.getByRole('row')).toHaveCount(1 + SCHEMES.length);
  for (const name of SCHEMES) {
    const cells = table.getByRole('row', { name: new RegExp(`^${escape(name)} `) }).getByRole('cell');
    await expect(cells).toHaveCount(4);
    for (const text of await cells.allTextContents()) expect(text).toMatch(/^\d+\.\d+$/);
  }
  const mismatch = section.getByRole('table', { name: /sampled values ± their standard error/ });
  await expect(mismatch.getByRole('row', { name: /^inverted ×1\/q / })).toContainText('1.0000');
  // No NaN or Infinity in any drawn shape.
  const broken = await section.evaluate((root) =>
    [...root.querySelectorAll('svg *')].filter((e) => [...e.attributes].some((a) => /NaN|Infinity/.test(a.value))).length,
  );
  expect(broken).toBe(0);
});

test('the experiment is in the link, and a bad value is repaired in words', async ({ page }) => {
  await page.goto('/?section=training&tkeep=7&tscheme=inverted,bogus');
  await expect(page.getByRole('status').filter({ hasText: 'This link had' })).toContainText('tkeep="7" is outside 0.05–1; using 1.');
  await expect(page.getByRole('status').filter({ hasText: 'This link had' })).toContainText('tscheme: ignored "bogus"');
  const section = training(page);
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByRole('checkbox', { name: 'inverted ×1/q' })).toBeChecked();
  await expect(section.getByRole('checkbox', { name: 'no dropout' })).not.toBeChecked();
  await section.getByLabel('Epochs').fill('12');
  await section.getByLabel('Epochs').press('Enter');
  await section.getByRole('checkbox', { name: 'constant c*' }).check();
  await expect(page).toHaveURL(/tepochs=12/);
  await expect(page).toHaveURL(/tscheme=inverted%2Cconstant|tscheme=inverted,constant/);
});
