import { SECTION_IDS } from '../src/state/explorerState.ts';
import { expect, settledPage, test, type Page } from './fixtures.ts';

// Phones and narrow embeds, measured the way a reader sees them (issue 14): content first, no number
// wrapped in a table, no chart text too small to read, embeds that fit a column, a short handout.
test.describe.configure({ timeout: 180_000 });

// Every section, in page order, from the app's own list (a new section is checked without editing this file).
const SECTIONS = SECTION_IDS;

/** Waits until nothing on the page is still computing, and for KaTeX's fonts (they decide what overflows). */
async function settled(page: Page) {
  await expect(page.locator('section').first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
  await settledPage(page);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Table cells whose content does not fit: wider than the cell (it overflows), or a number or word
 * broken across two lines (its range has boxes on two lines). Returns "section: text" for each.
 */
function squeezedCells(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('td, th')) {
      if (cell.getClientRects().length === 0) continue;
      const where = `${cell.closest('section')?.id ?? '?'}: ${cell.textContent?.trim().slice(0, 30) ?? ''}`;
      if (cell.scrollWidth > cell.clientWidth + 1) {
        found.push(`${where} (overflows)`);
        continue;
      }
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const token of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, token.index);
          range.setEnd(node, token.index + token[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) found.push(`${where} (“${token[0]}” broken)`);
        }
      }
    }
    return found;
  });
}

/**
 * SVG text drawn below 11 px on screen (font size × the SVG's scale): "section: text @ px", read the
 * way a reader meets it: each section scrolled into view first. A section out of view is skipped
 * (content-visibility: auto), so a chart drawn while it was out of view has not been measured yet
 * (charts/useChartWidth.ts); the browser lays it out, measures and redraws it before it paints it.
 */
async function smallChartText(page: Page) {
  const found: string[] = [];
  for (const id of await page.evaluate(() => [...document.querySelectorAll('main section[id]')].map((s) => s.id))) {
    await page.evaluate(async (sectionId) => {
      document.getElementById(sectionId)?.scrollIntoView();
      // Three frames: the one that lays the section out (its ResizeObservers report), React's redraw, and a spare.
      for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    }, id);
    found.push(
      ...(await page.evaluate((sectionId) => {
        const small: string[] = [];
        for (const text of document.querySelectorAll<SVGTextElement>('svg text')) {
          if (text.closest('section[id]')?.id !== sectionId) continue;
          if (text.getBoundingClientRect().height === 0 || (text.textContent ?? '').trim() === '') continue;
          const matrix = text.getScreenCTM();
          const scale = matrix === null ? 1 : Math.hypot(matrix.a, matrix.b);
          const px = parseFloat(getComputedStyle(text).fontSize) * scale;
          if (px < 11) small.push(`${sectionId}: ${text.textContent?.trim().slice(0, 20)} @ ${px.toFixed(1)}`);
        }
        return small;
      }, id)),
    );
  }
  return found;
}

test.describe('on a phone (390 × 844, touch)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('section 1’s heading is within the first 900 px: the contents and controls wait in a bar', async ({ page }) => {
    await page.goto('/');
    const heading = page.getByRole('heading', { level: 2, name: /The question/ });
    await expect(heading).toBeVisible();
    const box = await heading.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(900);
    // The controls are folded away, not gone.
    await expect(page.getByRole('slider', { name: 'Keep probability q', exact: true })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Contents and controls' })).toHaveAttribute('aria-expanded', 'false');
  });

  test('the bar opens the contents and controls as a sheet; Escape closes it and gives focus back; a contents link closes it', async ({ page }) => {
    await page.goto('/');
    const toggle = page.getByRole('button', { name: 'Contents and controls' });
    const keep = page.getByRole('slider', { name: 'Keep probability q', exact: true });
    const sheet = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    await toggle.tap();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(sheet).toBeVisible();
    await expect(keep).toBeVisible();
    await keep.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/keep=0\.49/);
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(keep).toBeHidden();
    await expect(toggle).toBeFocused();
    // The bar follows the reader down the page, showing the current q.
    await page.mouse.wheel(0, 5000);
    await expect(toggle).toBeInViewport();
    await expect(page.locator('.phone-bar')).toContainText('q = 0.49');
    await toggle.tap();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Bigger layers' }).tap();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('heading', { level: 2, name: /Bigger layers/ })).toBeInViewport();
  });

  test('no table cell is narrower than its content and no chart text is below 11 px, in every section', async ({ page }) => {
    await page.goto('/');
    await settled(page);
    await expect(page.locator('#mistakes')).toBeAttached({ timeout: 60_000 });
    await expect(page.locator('#masks table').first()).toBeVisible();
    expect(await squeezedCells(page)).toEqual([]);
    expect(await smallChartText(page)).toEqual([]);
    // Nothing widens the page itself: wide tables scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test('every embedded section fits a 320 and a 640 px column, figure first, under 900 px until the reader unfolds it', async ({ page }) => {
  test.setTimeout(300_000);
  const measured: string[] = [];
  for (const width of [320, 640]) {
    await page.setViewportSize({ width, height: 900 });
    for (const id of SECTIONS) {
      await page.goto(`/?embed=${id}`);
      await settled(page);
      const section = page.locator(`#${id}`);
      await expect(section.locator('figure:visible, svg[role="img"]:visible, table:visible').first()).toBeVisible();
      const height = await page.locator('.embed').evaluate((e) => e.getBoundingClientRect().height);
      measured.push(`${id}@${width}: ${Math.round(height)}`);
      expect(height, `?embed=${id} at ${width} px`).toBeLessThan(900);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `?embed=${id} at ${width} px`).toBeLessThanOrEqual(width);
      expect(await squeezedCells(page), `?embed=${id} at ${width} px`).toEqual([]);
      expect(await smallChartText(page), `?embed=${id} at ${width} px`).toEqual([]);
      if (width === 320) {
        // Unfolded, the whole section is there, and still fits the column.
        const more = section.getByRole('button', { name: 'Show the explanation and derivations' });
        await more.click();
        await expect(section.getByRole('button', { name: 'Show only the figure and key numbers' })).toHaveAttribute('aria-expanded', 'true');
        expect(await page.locator('.embed').evaluate((e) => e.getBoundingClientRect().height)).toBeGreaterThan(height);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `?embed=${id} unfolded`).toBeLessThanOrEqual(width);
        expect(await squeezedCells(page), `?embed=${id} unfolded`).toEqual([]);
        expect(await smallChartText(page), `?embed=${id} unfolded`).toEqual([]);
      }
    }
  }
  console.log(`embed heights (px): ${measured.join(', ')}`);
});

test('the example host page’s iframes size themselves to their folded sections, under 900 px', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto('/embed-example.html');
  const frames = page.locator('iframe[data-dropout-explorer]');
  await expect(frames).toHaveCount(2);
  for (const frame of await frames.all()) {
    await frame.scrollIntoViewIfNeeded();
    await expect(frame.contentFrame().getByTestId('norm-panel').or(frame.contentFrame().locator('#question figure')).first()).toBeVisible({ timeout: 60_000 });
    // embed-host.js sets the height the embed reports; it grows from 640 to fit, and stays under 900.
    await expect.poll(async () => (await frame.boundingBox())?.height ?? 0, { timeout: 20_000 }).toBeGreaterThan(300);
    await page.waitForTimeout(1000);
    expect((await frame.boundingBox())?.height ?? Infinity).toBeLessThan(900);
  }
});

test('printing gives a handout of at most 8 A4 pages, without controls', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await settled(page);
  await expect(page.locator('#mistakes')).toBeAttached({ timeout: 60_000 });
  await page.emulateMedia({ media: 'print' });
  // No slider, select or button is printed, and no table header sticks over rows.
  const printedControls = await page.evaluate(
    () => [...document.querySelectorAll('input, select, button, textarea')].filter((e) => e.getClientRects().length > 0).length,
  );
  expect(printedControls).toBe(0);
  const sticky = await page.evaluate(() => [...document.querySelectorAll('th')].filter((e) => getComputedStyle(e).position === 'sticky').length);
  expect(sticky).toBe(0);
  // Every section still prints its heading.
  for (const id of SECTIONS) await expect(page.locator(`#${id} h2`)).toBeVisible();
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`print: ${pages} A4 pages`);
  expect(pages).toBeGreaterThan(0);
  expect(pages).toBeLessThanOrEqual(8);
});
