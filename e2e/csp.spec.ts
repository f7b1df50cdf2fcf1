// This spec checks the policy itself, so it uses Playwright's own test: its last test provokes a
// violation on purpose, which the shared fixture (fixtures.ts) would count as a failure.
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';

/**
 * The policy of issue 16, written out here independently of vite.config.ts: scripts from the page's
 * own origin, plus the one inline script (index.html's first-screen guard) named by its hash.
 */
const policy = (guardHash: string) =>
  `default-src 'self'; script-src 'self' 'sha256-${guardHash}'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; object-src 'none'; base-uri 'self'`;

test('the built page carries the strict Content-Security-Policy before any script', async ({ page, request }) => {
  // The inline scripts as served (before any script could change the document).
  const html = await (await request.get('/')).text();
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  expect(inline, 'exactly one inline script: the first-screen guard').toHaveLength(1);
  expect(inline[0]).toContain('prerender-off');
  const guardHash = createHash('sha256').update(inline[0] ?? '').digest('base64');
  await page.goto('/');
  const metas = await page.evaluate(() =>
    [...document.head.children].map((el) => (el.tagName === 'META' ? el.getAttribute('http-equiv') ?? el.getAttribute('name') ?? 'charset' : el.tagName)),
  );
  expect(metas.indexOf('Content-Security-Policy')).toBeGreaterThanOrEqual(0);
  expect(metas.indexOf('Content-Security-Policy')).toBeLessThan(metas.indexOf('SCRIPT'));
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', policy(guardHash));
});

test('under the policy KaTeX loads its fonts as files and the worker computes', async ({ page }) => {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.effectiveDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    if (m.text().startsWith('CSP ')) violations.push(m.text());
  });
  await page.goto('/#norm');
  await expect(page.locator('.katex').first()).toBeVisible();
  await expect(page.getByText('Exact: all 16 masks').first()).toBeVisible();
  const katexFonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.family.includes('KaTeX') && f.status === 'loaded').length;
  });
  expect(katexFonts).toBeGreaterThan(0);
  expect(violations).toEqual([]);
});

test('the policy is in force: an injected inline script is blocked and reported', async ({ page }) => {
  await page.goto('/');
  const outcome = await page.evaluate(
    () =>
      new Promise<{ directive: string; ran: boolean }>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) =>
          resolve({ directive: e.effectiveDirective, ran: (window as unknown as { injectedRan?: number }).injectedRan === 1 }),
        );
        const script = document.createElement('script');
        script.textContent = 'window.injectedRan = 1';
        document.head.append(script);
      }),
  );
  expect(outcome).toEqual({ directive: 'script-src-elem', ran: false });
});
