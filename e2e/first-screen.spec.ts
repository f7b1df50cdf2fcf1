import { expect, test, type Page } from './fixtures.ts';

/**
 * The first screen is prerendered into the built index.html (docs/architecture.md#first-screen):
 * readable before the page's code has run, hydrated in place for the default state, and never shown
 * for a link to another state.
 */
const X = [0.1, 0.1, 0.2, 5];
const norm = Math.hypot(...X);
const opening = (page: Page) => page.getByRole('region', { name: 'The short answer' });

/** Holds the page's code (the main chunk) until the returned function is called. */
async function holdPageCode(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/main-[^/]*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Errors the page reports: uncaught exceptions and console errors (React reports hydration mismatches there). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

test('without JavaScript the first screen is there: the title, the question and the short answer with the seed vector’s numbers', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const box = opening(page);
  await expect(box).toContainText('1/q = 2.00 times larger');
  await expect(box).toContainText(`between ${norm.toFixed(4)} and ${(norm / Math.sqrt(0.5)).toFixed(4)}`);
  // E‖y‖ keeps its place until the engine has it.
  await expect(box).toContainText('E‖y‖ = … (computing)');
  await context.close();
});

// These tests open their page from the context: the fixture's page waits in goto until the page is interactive.
test('the default page hydrates its prerendered first screen in place, in the reader’s theme, without errors', async ({ context }) => {
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  const release = await holdPageCode(page);
  await page.goto('/');
  const box = opening(page);
  // Before the page's code: the prerendered screen, already in the dark theme.
  await expect(box).toContainText(`between ${norm.toFixed(4)} and`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Its controls do not respond yet: a key would move a native slider the page's state does not know.
  await expect(page.locator('#root')).toHaveJSProperty('inert', true);
  await box.evaluate((el) => el.setAttribute('data-before-code', ''));
  release();
  await expect(page.locator('#root')).toHaveJSProperty('inert', false);
  // The engine's E‖y‖ arrives in the same element: hydrated, not replaced.
  await expect(box).toContainText(/E‖y‖ = \d\.\d{4} \(/);
  await expect(page.locator('[data-before-code]')).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(errors).toEqual([]);
});

test('a link to another state never shows the default state’s first screen', async ({ context }) => {
  const page = await context.newPage();
  const errors = collectErrors(page);
  const release = await holdPageCode(page);
  await page.goto('/?x=1,2,3&keep=0.5');
  // The prerendered default screen is in the document but hidden until the link's own state renders.
  await expect(page.locator('.opening')).toHaveCount(1);
  await expect(page.locator('.opening')).toBeHidden();
  release();
  const box = opening(page);
  await expect(box).toBeVisible();
  await expect(box).toContainText(`between ${Math.hypot(1, 2, 3).toFixed(4)} and`);
  await expect(box).not.toContainText(norm.toFixed(4));
  expect(errors).toEqual([]);
});

test('when the page’s code fails to load, a message says so in plain words, over the readable first screen or in place of another state’s', async ({ context }) => {
  const page = await context.newPage();
  await page.route(/\/assets\/main-[^/]*\.js$/, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('did not load');
  await expect(page.getByRole('alert')).toContainText('Reload the page to try again');
  // (Inert, so out of the accessibility tree: found by its class.)
  await expect(page.locator('.opening')).toContainText(`between ${norm.toFixed(4)} and`);

  await page.goto('/?x=1,2,3&keep=0.5');
  await expect(page.getByRole('alert')).toContainText('did not load');
  await expect(page.locator('.opening')).toHaveCount(0);
});
