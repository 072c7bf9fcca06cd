import type { Page } from '@playwright/test';
import { expect, expectBadge, expectBadgeCount, expectCard, test, typeInto } from './helpers';

const PAGE = 'portals/dynamic-lines.html';
const code = (page: Page, n: number) => page.locator('#lines > .line').nth(n - 1).locator('[data-field="procedureCode"]');

/** The fixture page with an image whose request never completes: the page's load event never comes. */
async function neverLoading(page: Page, url: string) {
  await page.route('**/never-loads.png', () => undefined);
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('</body>', '<img src="/never-loads.png" alt=""></body>');
    await route.fulfill({ response, body });
  });
}

test.describe('page load', () => {
  test('a page whose load never ends (an image that never arrives) still gets its badges, and keeps working', async ({ page, server }) => {
    const url = server.url(PAGE);
    await neverLoading(page, url);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await expectBadge(code(page, 1), 'D1110', 'info', ['frequency-limit']);
    await expectBadge(code(page, 3), 'D2391', 'ok', []);
    await expectBadgeCount(page, 3);
    expect(await page.evaluate(() => document.readyState)).toBe('interactive');

    await typeInto(code(page, 2), 'D0140');
    await expectBadge(code(page, 2), 'D0140', 'ok', []);
    await expect(code(page, 2)).toHaveValue('D0140');
    await expectBadgeCount(page, 3);
  });

  test('a code typed before CDT Lens first reads the page gets its badge, and its card while the field keeps focus', async ({ page, server }) => {
    const url = server.url(PAGE);
    // The page's load never ends, so CDT Lens reads it only after its three-second wait: the code is typed before.
    await neverLoading(page, url);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await typeInto(code(page, 2), 'D2740');
    await expect(page.locator('cdt-lens-badge')).toHaveCount(0);
    await expectBadge(code(page, 2), 'D2740', 'error', ['tooth-required', 'frequency-limit', 'prior-auth', 'attachment']);
    await expectCard(page, 'D2740', ['tooth-required', 'frequency-limit', 'prior-auth', 'attachment']);
    await expect(code(page, 2)).toBeFocused();
    await expect(code(page, 2)).toHaveValue('D2740');
  });

  test('the inline hints start only after the page has loaded: nothing of theirs runs before its load event', async ({ page, server }) => {
    // WXT announces the start of the inline hints with a document event named after the extension's id; the test
    // knows it.
    const extensionId = new URL(page.context().serviceWorkers()[0]!.url()).host;
    await page.addInitScript((id) => {
      const seen: string[] = [];
      Object.assign(window, { cdtLensStarts: seen });
      document.addEventListener(`${id}:inline-hints:wxt:content-script-started`, () => seen.push('inline-hints'));
      window.addEventListener('load', () => seen.push('load'));
    }, extensionId);
    await page.goto(server.url(PAGE));
    await expectBadgeCount(page, 3);
    expect(await page.evaluate(() => (window as unknown as { cdtLensStarts: string[] }).cdtLensStarts)).toEqual(['load', 'inline-hints']);
  });
});
