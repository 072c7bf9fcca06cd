import type { Page } from '@playwright/test';
import { badgesIn, expect, expectBadge, expectBadgeCount, expectCard, expectNoBadge, expectNoCard, isFocused, test, typeFresh } from './helpers';

/**
 * Custom elements: each service line is a <cl-service-line> with its inputs in an open shadow root, inside the
 * open shadow root of <cl-service-lines>; a closed shadow root holds an audit code CDT Lens must not see.
 */
const line = (page: Page, n: number) => page.locator('cl-service-line').nth(n - 1);
const input = (page: Page, n: number, name: string) => line(page, n).locator(`input[name="${name}"]`);
const code = (page: Page, n: number) => input(page, n, 'code');

test.describe('web components with nested open shadow roots', () => {
  test('controls in shadow roots get badges in their document; lines added and removed at run time', async ({ page, server }) => {
    await page.goto(server.url('portals/web-components.html'));
    await expectBadge(code(page, 1), 'D2740', 'info', ['frequency-limit', 'prior-auth', 'attachment']);
    await expectBadge(code(page, 2), 'D2950', 'info', ['attachment']);
    // Two badges, both in the page's document (the controls' document), none inside the components' shadow roots;
    // nothing for the closed shadow root's D9999.
    await expectBadgeCount(page, 2);
    const inShadowRoots = await page.evaluate(() => {
      const count = (root: Document | ShadowRoot): number =>
        [...root.querySelectorAll('*')].reduce(
          (n, el) => n + (el.shadowRoot && el.localName !== 'cdt-lens-badge' && el.localName !== 'cdt-lens-card' ? el.shadowRoot.querySelectorAll('cdt-lens-badge').length + count(el.shadowRoot) : 0),
          0,
        );
      return count(document);
    });
    expect(inShadowRoots).toBe(0);

    // Line 3: D2740 with no tooth.
    await typeFresh(input(page, 3, 'dos'), '05/06/2025');
    await typeFresh(code(page, 3), 'D2740');
    await expectBadge(code(page, 3), 'D2740', 'error', ['tooth-required', 'frequency-limit', 'prior-auth', 'attachment']);
    await expectCard(page, 'D2740', ['tooth-required', 'frequency-limit', 'prior-auth', 'attachment']);
    expect(await isFocused(code(page, 3)), 'focus stays in the shadow-root field').toBe(true);
    await code(page, 3).press('Escape');
    await expectNoCard(page);
    expect(await isFocused(code(page, 3))).toBe(true);

    // A line added at run time: D3330 on tooth 8.
    await page.locator('#add-line').click();
    await expect(page.locator('cl-service-line')).toHaveCount(4);
    await typeFresh(input(page, 4, 'tooth'), '8');
    await typeFresh(code(page, 4), 'D3330');
    await expectBadge(code(page, 4), 'D3330', 'error', ['tooth-mismatch']);
    await expectBadgeCount(page, 4);

    // Removing line 1 removes its badge; the others stay beside their controls.
    await line(page, 1).getByRole('button', { name: 'Remove' }).click();
    await expect(page.locator('cl-service-line')).toHaveCount(3);
    await expectBadgeCount(page, 3);
    expect((await badgesIn(page)).map((b) => b.code).sort()).toEqual(['D2740', 'D2950', 'D3330']);
    await expectBadge(code(page, 1), 'D2950', 'info', ['attachment']);
    await expectBadge(code(page, 2), 'D2740', 'error', ['tooth-required', 'frequency-limit', 'prior-auth', 'attachment']);
    await expectBadge(code(page, 3), 'D3330', 'error', ['tooth-mismatch']);

    // Values typed into shadow-root inputs are untouched.
    await expect(input(page, 2, 'dos')).toHaveValue('05/06/2025');
    await expect(code(page, 2)).toHaveValue('D2740');
    await expect(input(page, 3, 'tooth')).toHaveValue('8');
    await expect(code(page, 3)).toHaveValue('D3330');

    // Clearing a code in a shadow root removes its badge.
    await code(page, 3).focus();
    await expectCard(page, 'D3330', ['tooth-mismatch']);
    await code(page, 3).press('ControlOrMeta+A');
    await code(page, 3).press('Backspace');
    await expectNoBadge(code(page, 3));
    await expectNoCard(page);
    await expectBadgeCount(page, 2);
  });
});
