import { expect, settledPage, test, type Page } from './fixtures.ts';

/** The number in a row of the key-numbers table ("E‖y‖", "sd ‖y‖", …), as text. */
const resultValue = (page: Page, row: string) => page.locator(`.result-table tr[data-row="${row}"] .value`);

/** Waits until the engine has finished the current state (the panel is no longer busy). */
async function settled(page: Page) {
  await expect(page.getByTestId('norm-panel')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(resultValue(page, 'mean')).toBeVisible();
}

/** Everything a reader would read off the norm panel. */
async function readNumbers(page: Page) {
  await settled(page);
  return {
    badge: await page.getByTestId('method-badge').textContent(),
    table: await page.locator('.result-table').textContent(),
    bars: await page.locator('svg.chart rect.bar').evaluateAll((bars) => bars.map((b) => b.getAttribute('data-probability'))),
  };
}

test('dragging the keep slider across its range ends on the same numbers as a fresh load of the final link', async ({ page }) => {
  await page.goto('/');
  await settled(page);
  const slider = page.getByRole('slider', { name: 'Keep probability q', exact: true });
  const box = await slider.boundingBox();
  if (box === null) throw new Error('keep slider is not visible');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  for (let i = 0; i <= 40; i++) await page.mouse.move(box.x + (box.width * i) / 40, y);
  await page.mouse.move(box.x + box.width * 0.63, y, { steps: 5 });
  await page.mouse.up();
  const dragged = await readNumbers(page);
  const url = page.url();
  await page.goto('about:blank');
  await page.goto(url);
  expect(await readNumbers(page)).toEqual(dragged);
});

const HOSTILE_LINKS = [
  '/?keep=NaN&x=1,2,3',
  '/?keep=1e999',
  '/?keep=0.3&x=' + Array(600).fill('1').join(','),
  '/?x=%3Cscript%3Ealert(1)%3C/script%3E',
  '/?gen=gauss:99999&keep=0.3',
  '/?gen=gauss:8:seed=-1&keep=0.3',
  '/?x=1,2&mask=0101010&k=9&model=fixed',
  '/?section=%3Cimg%20src=x%20onerror=alert(1)%3E&keep=0.3',
  '/?model=quantum&comp=magic&method=psychic&bins=0&samples=1',
  '/?%E2%80%AE=%F0%9F%92%A5&v=99&keep=0.3',
];

for (const link of HOSTILE_LINKS) {
  test(`a hostile link opens with a notice and a working page: ${link.slice(0, 50)}`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(link);
    await expect(page.getByRole('status', { name: /This link had/ })).toBeVisible();
    await settled(page);
    // Still working: a preset brings the question back, numbers and all.
    await page.getByRole('button', { name: 'The question', exact: true }).click();
    await settled(page);
    await expect(page.getByTestId('preset-number')).toContainText('‖m⊙x‖ = 5.004 → ‖y‖ = 10.008');
    expect(errors).toEqual([]);
  });
}

/** The preset's key number line, once the engine has settled. */
async function presetNumber(page: Page, title: string) {
  await page.getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByRole('button', { name: title, exact: true })).toHaveAttribute('aria-pressed', 'true');
  await settled(page);
  return page.getByTestId('preset-number');
}

/** The first decimal number after `label = ` in a text. */
function numberAfter(text: string, label: string): number {
  const match = new RegExp(`${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} = (−?\\d+(?:\\.\\d+)?)`).exec(text);
  if (match === null) throw new Error(`no "${label} = …" in ${text}`);
  return Number(match[1]?.replace('−', '-'));
}

test('each preset loads with its caption and its key number', async ({ page }) => {
  await page.goto('/');
  const caption = page.locator('.preset-caption');

  let line = await presetNumber(page, 'The question');
  await expect(caption).toContainText('(0, 0, 1, 1)');
  await expect(line).toContainText('‖m⊙x‖ = 5.004 → ‖y‖ = 10.008, against ‖x‖ = 5.006');

  line = await presetNumber(page, 'The accepted answer');
  await expect(caption).toContainText('six masks');
  // The accepted answer's numbers (docs/mathematics.md#reference-values).
  await expect(line).toContainText('2.5991');
  await expect(line).toContainText('5.1982');

  line = await presetNumber(page, 'The 192-unit layer');
  await expect(caption).toContainText('1.305');
  await settledPage(page);
  const layer = (await line.textContent()) ?? '';
  const rms = numberAfter(layer, '‖x‖/√q');
  expect(rms).toBeCloseTo(0.885 / Math.sqrt(0.5), 4);
  // Delta method (docs/mathematics.md#delta-method): E‖y‖ ≈ (‖x‖/√q)(1 − (1−q)/(8 q n_eff)); n_eff from the page.
  const nEff = Number((await resultValue(page, 'n-eff').textContent())?.replace('−', '-'));
  expect(numberAfter(layer, 'E‖y‖')).toBeCloseTo(rms * (1 - 0.5 / (8 * 0.5 * nEff)), 3);

  line = await presetNumber(page, 'One dominant unit');
  await expect(caption).toContainText('two modes');
  const dominant = (await line.textContent()) ?? '';
  expect(numberAfter(dominant, 'E‖y‖')).toBeGreaterThanOrEqual(1);
  expect(numberAfter(dominant, 'E‖y‖')).toBeLessThan(1.05);

  line = await presetNumber(page, 'All units equal');
  await expect(caption).toContainText('Sixteen equal units');
  // 16 equal units of norm 1 at q = ½: ‖y‖ = √(K/16)/q with K ~ Binomial(16, ½).
  let expected = 0;
  let choose = 1;
  for (let k = 0; k <= 16; k++) {
    expected += (choose / 2 ** 16) * (Math.sqrt(k / 16) / 0.5);
    choose = (choose * (16 - k)) / (k + 1);
  }
  expect(numberAfter((await line.textContent()) ?? '', 'E‖y‖')).toBeCloseTo(expected, 4);

  line = await presetNumber(page, 'A Gaussian layer of 1024 units');
  await expect(caption).toContainText('2¹⁰²⁴');
  await expect(line).toContainText(/Median ‖y‖ = [0-9.]+ ± [0-9.]+ \(sampled; 95% interval/);
});

test('a sampled result at n = 1024 shows its progress, then its interval', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/?v=1&gen=gauss:1024&keep=0.5&samples=10000000');
  // The reader looks at the norm panel (far below the first screen, it would catch up only once a second).
  await page.getByTestId('norm-panel').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('norm-panel').getByRole('progressbar', { name: 'Computing' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('norm-panel').getByRole('group', { name: 'Computation progress' })).toContainText(/% done/);
  // The histogram fills in while sampling: a partial result is shown before the end.
  await expect(page.getByTestId('method-badge')).toContainText(/Sampled: [0-9,]+ masks/, { timeout: 30_000 });
  await expect(page.getByTestId('norm-panel').getByRole('progressbar', { name: 'Computing' })).toHaveCount(0, { timeout: 90_000 });
  await settled(page);
  await expect(page.getByTestId('method-badge')).toContainText('Sampled: 10,000,000 masks, seed 1');
  await expect(page.locator('.result-table tr[data-row="median"]')).toContainText(/± [0-9.]+ \(sampled; 95% interval [0-9.]+ to [0-9.]+\)/);
});
