import { expect, test } from './fixtures.ts';

/** The contents list marks the section in view, following the reader's scrolling both ways. */
test('the contents list marks the section in view as the reader scrolls down and back up', async ({ page }) => {
  await page.goto('/');
  const contents = page.getByRole('navigation', { name: 'Sections' });
  const current = contents.locator('[aria-current="location"]');
  await page.locator('#layers').evaluate((element) => element.scrollIntoView());
  await expect(current).toHaveText('Bigger layers');
  await expect(current).toHaveCount(1);
  await page.locator('#masks').evaluate((element) => element.scrollIntoView());
  await expect(current).toHaveText('Every mask, weighed');
  await page.locator('#mistakes').evaluate((element) => element.scrollIntoView());
  await expect(current).toHaveText('Common mistakes');
});

/**
 * The sections below the first screen load on demand: a contents link followed before their code
 * has arrived (held back here) still leads to its section once it is there, instead of doing nothing.
 */
test('a contents link followed before the later sections have loaded still brings its section into view', async ({ page }) => {
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/MistakesSection-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.locator('#question')).toBeVisible();
  await expect(page.locator('#mistakes')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Common mistakes' }).click();
  release();
  const heading = page.getByRole('heading', { level: 2, name: /Common mistakes/ });
  await expect(heading).toBeInViewport();
  // Tab goes on from the section the link led to.
  await expect(page.locator('#mistakes')).toBeFocused();
});
