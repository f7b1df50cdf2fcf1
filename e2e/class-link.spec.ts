import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures.ts';

/** The question's x = (0.1, 0.1, 0.2, 5.0). */
const X = [0.1, 0.1, 0.2, 5.0];
const NORM_X = Math.sqrt(X.reduce((s, v) => s + v * v, 0));

/** Every mask of x with its probability and ‖y‖ = ‖m⊙x‖/q: brute force, independent of the app. */
function masks(x: readonly number[], q: number): { probability: number; norm: number }[] {
  return Array.from({ length: 2 ** x.length }, (_, index) => {
    let kept = 0;
    let squares = 0;
    x.forEach((v, i) => {
      if ((index >> i) & 1) {
        kept += 1;
        squares += v * v;
      }
    });
    return { probability: q ** kept * (1 - q) ** (x.length - kept), norm: Math.sqrt(squares) / q };
  });
}
const meanNorm = (x: readonly number[], q: number) => masks(x, q).reduce((s, m) => s + m.probability * m.norm, 0);
const pAbove = (x: readonly number[], q: number) =>
  masks(x, q).reduce((s, m) => (m.norm > NORM_X * (1 + 1e-12) ? s + m.probability : s), 0);

const sharePanel = (page: Page) => page.getByRole('group', { name: 'Share or embed' });
const keepSlider = (page: Page) => page.getByRole('slider', { name: 'Keep probability q', exact: true });
const normSection = (page: Page) => page.getByRole('region', { name: /What it does not preserve: the norm/ });

/** Builds a class link in the Share panel: q locked, computation hidden, predict E‖y‖, opened at the norm section. */
async function buildClassLink(page: Page): Promise<string> {
  await page.goto('/?x=0.1,0.1,0.2,5&keep=0.25');
  const panel = sharePanel(page);
  await panel.getByLabel('Section', { exact: true }).selectOption({ label: 'What it does not preserve: the norm' });
  await panel.getByText('For a class: lock, hide, predict').click();
  await expect(panel.getByTestId('class-start')).toContainText('keep probability q = 0.25');
  await panel.getByLabel('Keep probability', { exact: true }).selectOption('locked');
  await panel.getByLabel('Computation', { exact: true }).selectOption('hidden');
  await panel.getByLabel('Predict, then reveal').selectOption({ label: 'E‖y‖, the average length of y' });
  // Presets would overwrite the locked q: the panel says they are locked anyway.
  await expect(panel.getByText(/locked anyway while anything a preset sets is locked or hidden/)).toBeVisible();
  const link = await panel.getByLabel('Link', { exact: true }).inputValue();
  const snippet = await panel.getByLabel('HTML to paste').inputValue();
  const src = /<iframe src="([^"]+)"/.exec(snippet)?.[1]?.replaceAll('&amp;', '&') ?? '';
  expect(new URL(src).searchParams.get('embed')).toBe('norm');
  expect(new URL(src).searchParams.get('lock')).toBe('keep');
  return link;
}

test('an instructor builds a class link: q locked, computation hidden, E‖y‖ to predict; a student guesses, then sees how far off', async ({ page }) => {
  const link = await buildClassLink(page);
  const url = new URL(link);
  expect(url.searchParams.get('lock')).toBe('keep');
  expect(url.searchParams.get('hide')).toBe('method');
  expect(url.searchParams.get('predict')).toBe('mean');
  expect(url.searchParams.get('section')).toBe('norm');

  await page.goto(link);
  await expect(page.getByRole('note')).toHaveText(
    'This class link fixes the keep probability, hides the computation settings, leaves out the presets, and asks for your prediction of E‖y‖ first.',
  );
  // The locked slider shows q and cannot be moved; the hidden settings are gone; presets are off; no builder.
  await expect(keepSlider(page)).toBeDisabled();
  await expect(keepSlider(page)).toHaveValue('0.25');
  await expect(page.getByText('Computation settings', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Share or embed' })).toHaveCount(0);
  // Until the guess, no section (and none of its numbers) is on the page.
  await expect(normSection(page)).toHaveCount(0);
  await expect(page.getByRole('region', { name: /The question/ })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toContainText('The sections open once you commit your guess.');
  const card = page.getByRole('region', { name: 'Predict, then reveal' });
  await expect(card).toContainText(`with length ‖x‖ = ${NORM_X.toFixed(4)}`);
  await expect(card).toContainText('keep probability q = 0.25');

  // Text is refused in plain words; the page keeps working.
  const guess = card.getByLabel('Your guess for E‖y‖');
  await guess.fill('about six');
  await card.getByRole('button', { name: 'Commit my guess' }).click();
  await expect(card.getByRole('alert')).toHaveText('“about six” is not a number. Type something like 1.25.');

  await guess.fill('6');
  await card.getByRole('button', { name: 'Commit my guess' }).click();
  const reveal = page.getByRole('region', { name: 'Your prediction of E‖y‖' });
  await expect(reveal.getByRole('heading')).toBeFocused();
  const value = meanNorm(X, 0.25);
  const off = Math.abs(6 - value);
  await expect(reveal).toContainText(new RegExp(`E‖y‖ = ${value.toFixed(4)} \\((exact enumeration|closed form)\\)`));
  await expect(reveal).toContainText(
    `Your guess 6 is ${off.toFixed(4)} too ${6 > value ? 'high' : 'low'} (${((off / value) * 100).toFixed(1)}% ${6 > value ? 'above' : 'below'} the value).`,
  );
  await expect(reveal).toContainText(`For comparison, ‖x‖ = ${NORM_X.toFixed(4)}`);
  // The sections are back, with the same number.
  await expect(normSection(page)).toBeVisible();
  await expect(page.getByRole('note').getByRole('link', { name: 'Open these numbers without restrictions' })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Moving a free control keeps the verdict for the settings guessed with, and says so.
  await page.getByRole('slider', { name: 'Unit 1 (x₁)' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(reveal).toContainText('These are the numbers for the settings you guessed with; you have changed them since.');
  await expect(reveal).toContainText(`E‖y‖ = ${value.toFixed(4)}`);
  // Predict again: the numbers hide once more, and the reader is back in the guess box.
  await reveal.getByRole('button', { name: 'Predict again' }).click();
  await expect(normSection(page)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Predict, then reveal' })).toBeVisible();
  await expect(page.getByLabel('Your guess for E‖y‖')).toBeFocused();
});

test('the link without restrictions opens the same numbers with every control free', async ({ page }) => {
  await page.goto('/?x=0.1,0.1,0.2,5&keep=0.25&lock=keep,vector&hide=method');
  await expect(keepSlider(page)).toBeDisabled();
  await expect(page.getByRole('slider', { name: 'Unit 1 (x₁)' })).toBeDisabled();
  await page.getByRole('note').getByRole('link', { name: 'Open these numbers without restrictions' }).click();
  await expect(keepSlider(page)).toBeEnabled();
  await expect(keepSlider(page)).toHaveValue('0.25');
  await expect(page.getByText('Computation settings', { exact: true })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('lock')).toBeNull();
});

test('an embedded class link asks for P(‖y‖ > ‖x‖) as a percentage, then reveals the section', async ({ page }) => {
  await page.goto('/?x=0.1,0.1,0.2,5&keep=0.5&embed=norm&predict=above&lock=keep');
  const card = page.getByRole('region', { name: 'Predict, then reveal' });
  await expect(normSection(page)).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await card.getByLabel('Your guess for P(‖y‖ > ‖x‖)').fill('30');
  await card.getByRole('button', { name: 'Commit my guess' }).click();
  await expect(card.getByRole('alert')).toHaveText('A probability is between 0 and 1. For 30 percent, type 30%.');
  await card.getByLabel('Your guess for P(‖y‖ > ‖x‖)').fill('30%');
  await page.keyboard.press('Enter');
  const p = pAbove(X, 0.5);
  const reveal = page.getByRole('region', { name: 'Your prediction of P(‖y‖ > ‖x‖)' });
  await expect(reveal).toContainText(`P(‖y‖ > ‖x‖) = ${p.toFixed(4)} (${(p * 100).toFixed(2)}%) (exact enumeration)`);
  const points = Math.abs(0.3 - p) * 100;
  await expect(reveal).toContainText(`Your guess 30.0% is ${points.toFixed(1)} percentage points too ${0.3 > p ? 'high' : 'low'}.`);
  await expect(normSection(page)).toBeVisible();
  // The norm section, whose table lists P(‖y‖ > ‖x‖), is this frame's section.
  await expect(reveal.getByRole('link', { name: '“What it does not preserve: the norm”' })).toBeVisible();
  // Embedded, the way out opens a new tab instead of leaving the host's page.
  await expect(page.getByRole('link', { name: /without restrictions \(new tab\)/ })).toHaveAttribute('target', '_blank');
});

test('a locked control refuses every way in: keyboard on the slider, presets, and a hidden group leaves no trace', async ({ page }) => {
  await page.goto('/?x=0.1,0.1,0.2,5&keep=0.5&lock=keep&hide=comp');
  await expect(page.getByLabel('Compensation', { exact: true })).toHaveCount(0);
  // Presets would overwrite the fixed q: they are left out, and so are buttons in the text that would change it.
  await expect(page.getByRole('navigation', { name: 'Presets' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Set q = ½/ })).toHaveCount(0);
  // The draggable q in the text is plain text now: it is no slider, and the keyboard cannot move it.
  await expect(page.getByRole('slider', { name: /keep probability q/i })).toHaveCount(1);
  const norm = page.locator('#norm');
  await norm.getByText('keep probability q = 0.50', { exact: true }).click();
  await page.keyboard.press('ArrowRight');
  await expect(keepSlider(page)).toHaveValue('0.5');
  expect(new URL(page.url()).searchParams.get('keep')).toBe('0.5');
});

test('locking the vector, the model and the mask fixes them in every section, not only among the controls', async ({ page }) => {
  await page.goto('/?x=0.1,0.1,0.2,5&keep=0.5&mask=0011&lock=vector,model,mask');
  const question = page.locator('#question');
  const unit = question.getByRole('checkbox', { name: /^Keep unit 1\b/ });
  await expect(unit).toBeDisabled();
  await expect(question.getByText('Mask m (fixed by this class link)')).toBeVisible();
  // The figure's bars no longer toggle their unit: clicking where unit 1's bar is changes nothing.
  const figure = question.getByRole('img', { name: /x, m⊙x and y = m⊙x\/q/ });
  const box = await figure.boundingBox();
  if (box !== null) await page.mouse.click(box.x + box.width * 0.08, box.y + box.height * 0.5);
  await expect(unit).not.toBeChecked();
  await expect(page).toHaveURL(/mask=0011/);
  // The mask table lists the masks without buttons to choose one; its model switch is fixed.
  const maskSection = page.locator('#masks');
  await expect(maskSection.getByRole('button', { name: /^\(/ })).toHaveCount(0);
  await expect(maskSection.getByRole('radio', { name: /^Fixed count/ })).toBeDisabled();
  // The layer size in the text is plain, the unit box is gone; the rescaling section's unit slider is fixed.
  await expect(page.locator('#layers').getByRole('slider', { name: 'Layer size n (units)' })).toHaveCount(0);
  await expect(page.getByLabel('Units in the layer')).toHaveCount(0);
  await expect(page.getByRole('slider', { name: /^Value of the moved unit/ })).toBeDisabled();
  await expect(page).toHaveURL(/mask=0011/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('hiding the mask and the notation removes their controls everywhere', async ({ page }) => {
  await page.goto('/?x=0.1,0.1,0.2,5&keep=0.5&hide=mask,notation');
  await expect(page.locator('#question').getByRole('checkbox')).toHaveCount(0);
  await expect(page.getByRole('radio', { name: /drop rate p/ })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Write the whole page in terms of' })).toHaveCount(0);
  await expect(page.getByRole('note')).toHaveText(/hides the chosen mask and the notation, and leaves out the presets\./);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing in the open builder, the question and the verdict (${theme})`, async ({ page }) => {
    await page.goto(`/?theme=${theme}`);
    await sharePanel(page).getByText('For a class: lock, hide, predict').click();
    await sharePanel(page).getByLabel('Predict, then reveal').selectOption({ label: 'sd ‖y‖, the spread of the length' });
    expect((await new AxeBuilder({ page }).include('.sidebar').analyze()).violations).toEqual([]);
    await page.goto(`/?theme=${theme}&predict=sd&hide=method`);
    const card = page.getByRole('region', { name: 'Predict, then reveal' });
    await card.getByLabel('Your guess for sd ‖y‖').fill('-2');
    await card.getByRole('button', { name: 'Commit my guess' }).click();
    await expect(card.getByRole('alert')).toHaveText('A length cannot be negative.');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await card.getByLabel('Your guess for sd ‖y‖').fill('2');
    await card.getByRole('button', { name: 'Commit my guess' }).click();
    const reveal = page.getByRole('region', { name: 'Your prediction of sd ‖y‖' });
    // sd ‖y‖ at q = ½ over the 16 masks of the question's x, by brute force.
    const all = masks(X, 0.5);
    const mean = all.reduce((s, m) => s + m.probability * m.norm, 0);
    const sd = Math.sqrt(all.reduce((s, m) => s + m.probability * m.norm ** 2, 0) - mean ** 2);
    await expect(reveal).toContainText(`sd ‖y‖ = ${sd.toFixed(4)}`);
    // A spread is not set beside ‖x‖; the norm section's table lists it.
    await expect(reveal).not.toContainText('For comparison');
    await expect(reveal).toContainText('The table under the histogram in “What it does not preserve: the norm” lists it');
    expect((await new AxeBuilder({ page }).include('.predict-card').analyze()).violations).toEqual([]);
  });
}

test('an embedded section with every shared control hidden has no empty Controls block', async ({ page }) => {
  await page.goto('/?embed=norm&hide=vector,keep,notation,model,comp,method');
  await expect(normSection(page)).toBeVisible();
  await expect(page.getByText('Controls', { exact: true })).toHaveCount(0);
  await page.goto('/?embed=norm&hide=vector,keep,notation,model,comp');
  await page.getByText('Controls', { exact: true }).click();
  await expect(page.getByText('Computation settings', { exact: true })).toBeVisible();
});

test('with exactly k of n kept, the verdict matches brute force over the C(n, k) masks and points to the table that lists it', async ({ page }) => {
  await page.goto('/?x=0.1,0.1,0.2,5&model=fixed&k=2&predict=mean');
  await page.getByLabel('Your guess for E‖y‖').fill('5');
  await page.keyboard.press('Enter');
  // Every 2-subset of the 4 units, each with probability 1/6; y = m⊙x/(k/n).
  const subsets = masks(X, 0.5).filter((_, index) => [0, 1, 2, 3].filter((i) => (index >> i) & 1).length === 2);
  const value = subsets.reduce((s, m) => s + m.norm, 0) / subsets.length;
  const reveal = page.getByRole('region', { name: 'Your prediction of E‖y‖' });
  await expect(reveal).toContainText(`E‖y‖ = ${value.toFixed(4)}`);
  await reveal.getByRole('link', { name: '“What it does not preserve: the norm”' }).click();
  await expect(page.getByTestId('norm-panel').locator('[data-row="mean"]')).toContainText(value.toFixed(4));
});

test('a fixed-count link that would keep no unit is repaired to one kept unit, and says so', async ({ page }) => {
  // keep = 0.05 of 4 units rounds to k = 0; the fixed model never keeps fewer than one unit.
  await page.goto('/?x=0.1,0.1,0.2,5&keep=0.05&model=fixed&predict=mean');
  await expect(page.getByRole('status').filter({ hasText: 'This link had' })).toContainText(
    "keeps exactly k = 1 of 4 units, so q = k/n = 0.25; the link's keep 0.05 is not used",
  );
  await expect(page.getByRole('region', { name: 'Predict, then reveal' })).toContainText('each mask keeps exactly k = 1 of the 4 units');
  await expect(page.getByLabel('Your guess for E‖y‖')).toBeVisible();
});

test('a DropConnect question says what W, ‖Wx‖ and u are before the guess', async ({ page }) => {
  await page.goto('/?x=0.1,0.1,0.2,5&model=dropconnect&predict=mean');
  const card = page.getByRole('region', { name: 'Predict, then reveal' });
  const text = (await card.textContent()) ?? '';
  const wx = /‖Wx‖ = ([0-9.]+)/.exec(text)?.[1];
  expect(wx).toBeDefined();
  await expect(card).toContainText('giving u = (M⊙W)x/q');
  await expect(page.getByRole('note')).toContainText('asks for your prediction of E‖u‖ first');
  await card.getByLabel('Your guess for E‖u‖').fill('4');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Your prediction of E‖u‖' })).toContainText(`For comparison, ‖Wx‖ = ${wx}`);
});

test('a locked mask keeps n: pasting a vector of another length is refused in words', async ({ page }) => {
  await page.goto('/?x=0.1,0.1,0.2,5&mask=0011&lock=mask');
  await page.getByText('Paste a vector', { exact: true }).first().click();
  await page.getByLabel('Paste a vector').fill('1, 2, 3, 4, 5');
  await page.getByRole('button', { name: 'Use these numbers' }).click();
  await expect(page.getByRole('alert')).toContainText('This class link fixes the number of units at n = 4');
  await expect(page).toHaveURL(/x=0\.1,0\.1,0\.2,5&.*mask=0011/);
  await page.getByLabel('Paste a vector').fill('1, 2, 3, 4');
  await page.getByRole('button', { name: 'Use these numbers' }).click();
  await expect(page).toHaveURL(/x=1,2,3,4&.*mask=0011/);
});

test('on a phone, a pending question comes before the controls', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/?predict=mean&lock=keep');
  const card = page.getByRole('region', { name: 'Predict, then reveal' });
  const controls = page.getByRole('complementary', { name: 'Contents and controls' });
  const [cardBox, controlsBox] = [await card.boundingBox(), await controls.boundingBox()];
  expect(cardBox !== null && controlsBox !== null && cardBox.y < controlsBox.y).toBe(true);
  // The contents list has no links into sections that are not there yet.
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link')).toHaveCount(0);
});
