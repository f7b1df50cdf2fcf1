import { AxeBuilder } from '@axe-core/playwright';
import { expect, readThrough, settledPage, test, type Page } from './fixtures.ts';
import { SECTION_IDS } from '../src/state/explorerState.ts';

const keepSlider = (page: Page) => page.getByRole('slider', { name: 'Keep probability q', exact: true });

/** The main figure and every section's own numbers are final (an axe scan reads the whole page). */
async function settled(page: Page) {
  await expect(page.getByTestId('norm-panel')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await settledPage(page);
}

test('the keyboard alone reaches and operates the controls, always with a visible focus ring', async ({ page }) => {
  await page.goto('/');
  await settled(page);
  let reachedKeep = false;
  for (let i = 0; i < 60 && !reachedKeep; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (el === null || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        name: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? el.tagName,
        label: el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '' : '',
        visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    expect(focus, `tab stop ${i + 1}`).not.toBeNull();
    expect(focus?.visible, `focus ring on tab stop ${i + 1}: ${focus?.name}`).toBe(true);
    reachedKeep = focus?.label === 'Keep probability q';
  }
  expect(reachedKeep).toBe(true);
  await page.keyboard.press('ArrowLeft');
  await expect(keepSlider(page)).toHaveValue('0.49');
  await expect(page).toHaveURL(/keep=0\.49/);
  // The polite live region says the new numbers once the reader stops.
  await expect(page.getByTestId('live-summary')).toContainText('Keep probability 0.49', { timeout: 10_000 });
});

test('an axe scan of the whole page in the dark theme finds no violations', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?theme=dark');
  await settled(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

for (const { width, link, theme } of [
  { width: 1440, link: '/', theme: 'light' },
  { width: 1440, link: '/?model=fixed', theme: 'dark' },
  { width: 768, link: '/', theme: 'light' },
  { width: 768, link: '/', theme: 'dark' },
  { width: 390, link: '/', theme: 'light' },
  { width: 390, link: '/?model=dropconnect', theme: 'dark' },
  { width: 320, link: '/?embed=all', theme: 'light' },
  { width: 320, link: '/?embed=norm', theme: 'dark' },
] as const) {
  test(`axe finds no violations at ${width} px (${link}, ${theme}): formulas and code that scroll sideways can be reached by keyboard`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 844 });
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(link);
    await settled(page);
    // As a reader who has scrolled through: every section laid out once, with its fonts (they decide
    // which formulas overflow), and what it measures when shown measured.
    await readThrough(page);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // Every formula that does scroll is a named keyboard stop.
    const unreachable = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.tex-display')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1 && (e.tabIndex < 0 || !e.getAttribute('aria-label')))
        .map((e) => e.dataset.testid),
    );
    expect(unreachable).toEqual([]);
  });
}

test('on a phone the sheet with the contents and controls has no axe violations, open, in light and dark', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/');
    await settled(page);
    await page.getByRole('button', { name: 'Contents and controls' }).click();
    await expect(page.getByRole('slider', { name: 'Keep probability q', exact: true })).toBeVisible();
    const results = await new AxeBuilder({ page }).include('.sidebar').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('every section embedded at 320 px, folded and unfolded, light and dark, has no axe violations', async ({ page }) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 320, height: 844 });
  const sections = SECTION_IDS;
  const found: string[] = [];
  for (const [i, id] of sections.entries()) {
    // Alternate the theme, so both palettes meet every kind of figure across the loop.
    const theme = i % 2 === 0 ? 'light' : 'dark';
    await page.goto(`/?embed=${id}&theme=${theme}`);
    const section = page.locator(`#${id}`);
    await expect(section).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const folded = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    found.push(...folded.violations.map((v) => `${id} folded ${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    await section.getByRole('button', { name: 'Show the explanation and derivations' }).click();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const open = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    found.push(...open.violations.map((v) => `${id} unfolded ${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  }
  expect(found).toEqual([]);
});

test('the theme follows the system setting and the reader’s choice, and is kept in the link', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('radio', { name: 'light' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page).toHaveURL(/theme=light/);
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(255, 255, 255)');
});

test('reduced motion turns transitions off, and print shows figures without the controls', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await settled(page);
  const transition = await page.getByRole('button', { name: 'The question', exact: true }).evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(transition).toBe('0s');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('complementary', { name: 'Contents and controls' })).toBeHidden();
  await expect(page.getByTestId('norm-panel').getByRole('img', { name: /Histogram of ‖y‖/ })).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  /** A one-finger drag through the Chrome DevTools protocol (Playwright only taps). */
  async function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
    for (let i = 1; i <= 10; i++) {
      const point = { x: from.x + ((to.x - from.x) * i) / 10, y: from.y + ((to.y - from.y) * i) / 10 };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }

  test('dragging the keep slider and a bar by touch changes them without scrolling the page', async ({ page }) => {
    await page.goto('/');
    await settled(page);
    // On a phone the controls wait in the bar's sheet.
    await page.getByRole('button', { name: 'Contents and controls' }).tap();
    const slider = keepSlider(page);
    await slider.scrollIntoViewIfNeeded();
    const box = await slider.boundingBox();
    if (box === null) throw new Error('keep slider is not visible');
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await touchDrag(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, { x: box.x + box.width - 2, y: box.y + box.height / 2 });
    await expect(slider).not.toHaveValue('0.5');
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);

    // A layer of 16 units is edited as bars: drag unit 1 down with a finger.
    await page.goto(`/?v=1&x=${Array(16).fill(1).join(',')}&keep=0.5`);
    await page.getByRole('button', { name: 'Contents and controls' }).tap();
    const bars = page.getByRole('slider', { name: /Activations x: drag a bar/ });
    await bars.scrollIntoViewIfNeeded();
    const barBox = await bars.boundingBox();
    if (barBox === null) throw new Error('bars are not visible');
    const scrollAtBars = await page.evaluate(() => window.scrollY);
    const x = barBox.x + barBox.width * 0.1;
    await touchDrag(page, { x, y: barBox.y + barBox.height * 0.3 }, { x, y: barBox.y + barBox.height * 0.8 });
    await expect(page).toHaveURL(/x=0\.\d+,1,1/);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollAtBars);
  });

  test('a preset is a tap away and the page has no sideways scroll', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'The accepted answer', exact: true }).tap();
    await expect(page.getByTestId('preset-number')).toContainText('5.1982', { timeout: 30_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});

test('headings go down one level at a time, from the page title to every section', async ({ page }) => {
  await page.goto('/');
  await page.getByText('Generate or paste a vector').click();
  expect((await new AxeBuilder({ page }).withRules(['heading-order']).analyze()).violations).toEqual([]);
});
