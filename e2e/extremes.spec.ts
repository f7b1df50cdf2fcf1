import { expect, test } from './fixtures.ts';

/**
 * Extreme but valid-looking values (issue 16, item 4): every section renders, no SVG attribute is
 * NaN or Infinity, and what the schema cannot take is repaired in words.
 */
const CASES = [
  { link: '/?x=5e-324', repair: 'is smaller than 1e-30 in size, too small to square; using 0' },
  { link: '/?gen=gauss:4:norm=1e-310', repair: 'norm must be from 1e-20 to 1000000' },
  { link: '/?gen=gauss:4:norm=1e308', repair: 'norm must be from 1e-20 to 1000000' },
  { link: '/?x=1e-30,1e-30,2e-30', repair: null },
  { link: '/?gen=gauss:1000:norm=1e-20', repair: null },
  { link: '/?gen=dominant:40:norm=1e6', repair: null },
  { link: '/?x=1e6,1e-30&model=dropconnect', repair: null },
] as const;

for (const { link, repair } of CASES) {
  test(`${link} shows every section with finite figures${repair === null ? '' : ', and says what it repaired'}`, async ({ page }) => {
    await page.goto(link);
    await expect(page.getByTestId('norm-panel')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
    if (repair !== null) await expect(page.getByRole('status').filter({ hasText: 'This link had' })).toContainText(repair);
    await expect(page.getByText(/Something went wrong in/)).toHaveCount(0);
    await expect(page.getByText('The engine could not compute this state')).toHaveCount(0);
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll('svg *')].filter((e) => [...e.attributes].some((a) => /NaN|Infinity/.test(a.value))).length,
    );
    expect(broken).toBe(0);
  });
}
