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
