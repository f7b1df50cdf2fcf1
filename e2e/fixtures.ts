/**
 * The test and expect every spec imports (instead of @playwright/test's): the same, plus an
 * automatic check that the page's Content-Security-Policy (index.html, written by the build) blocked
 * nothing. Every frame of every page reports each `securitypolicyviolation` event to the test, and
 * a test with any violation fails, naming the directive and the blocked address.
 */
import { expect, test as base } from '@playwright/test';

export { expect };
export type { Locator, Page } from '@playwright/test';

/** One violation, as a securitypolicyviolation event describes it. */
interface Violation {
  readonly directive: string;
  readonly blocked: string;
  readonly source: string;
  readonly page: string;
}

/**
 * Waits until the page's prerendered first screen is its own (main.tsx hydrated or replaced it and
 * lifted `inert` from #root, docs/architecture.md#first-screen): before that the page's controls do
 * not respond, as a reader finds too. A page without a prerendered root (about:blank, the embed
 * example's host page) passes at once.
 */
export async function interactive(page: import('@playwright/test').Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('#root[inert]') === null, null, { timeout: 30_000 });
}

export const test = base.extend<{ cspViolations: Violation[] }>({
  // Every navigation of a test waits until the page can be used (interactive): a reader's journey
  // starts there. e2e/first-screen.spec.ts checks what shows before.
  // (`provide` is Playwright's `use`, renamed so that lint does not take it for React's `use` hook.)
  page: async ({ page }, provide) => {
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      await interactive(page);
      return response;
    };
    await provide(page);
  },
  cspViolations: [
    async ({ context }, use) => {
      const violations: Violation[] = [];
      await context.exposeBinding('reportCspViolation', (_source, violation: Violation) => {
        violations.push(violation);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { reportCspViolation?: (v: unknown) => void }).reportCspViolation;
          report?.({
            directive: event.effectiveDirective,
            blocked: event.blockedURI,
            source: `${event.sourceFile}:${event.lineNumber}`,
            page: location.href,
          });
        });
      });
      await use(violations);
      expect(violations, 'the Content-Security-Policy blocked something').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Waits until no part of the page shows an older state (SectionGate marks a frozen part that is
 * behind with data-stale), no channel is computing or waiting (data-computing on <html>) and every
 * section is mounted (no loading line): call
 * it before reading a number once, without a retrying assertion.
 */
export async function settledPage(page: import('@playwright/test').Page): Promise<void> {
  await expect(page.locator('html[data-computing]')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('[data-stale]')).toHaveCount(0);
  // Every section mounted (they are mounted one per frame after the first screen).
  await expect(page.locator('.section-loading')).toHaveCount(0);
}

/**
 * Scrolls every section into view in turn, the way a reader goes down the page, then back to the
 * top. A section out of view is skipped by the browser (content-visibility: auto, src/index.css), so
 * what was drawn there while it was out of view (a chart's width, whether a formula scrolls, the
 * fonts it asks for) is measured only when it is shown or measured on its own a little later
 * (src/explain/skippedSections.ts). A check of the whole page at once (axe, text sizes) reads the
 * page as a reader who has looked at every part of it.
 */
export async function readThrough(page: import('@playwright/test').Page): Promise<void> {
  await page.evaluate(async () => {
    const frames = async (count: number) => {
      for (let frame = 0; frame < count; frame++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    };
    for (const section of document.querySelectorAll('main section[id]')) {
      section.scrollIntoView();
      await frames(3);
    }
    await document.fonts.ready;
    window.scrollTo(0, 0);
    await frames(3);
  });
  await settledPage(page);
}
