import type { Page } from '@playwright/test';
import {
  expect,
  expectBadge,
  expectBadgeCount,
  expectBadgeOnCorner,
  expectCard,
  expectCardBesideField,
  expectNoCard,
  test,
  typeFresh,
  typeInto,
} from './helpers';

/** An ADA form keyed in a CSS grid: no rows, no labels, only bracketed names (svc[0][code]) and header cells. */
const svc = (page: Page, line: number, name: string) => page.locator(`[name="svc[${line - 1}][${name}]"]`);
const code = (page: Page, line: number) => svc(page, line, 'code');
const remarks = (page: Page) => page.locator('textarea[name="f35"]');

test.describe('ADA claim form in a CSS grid', () => {
  test('typed lines get the exact rule ids; the remarks box gets its own badge', async ({ page, server }) => {
    await page.goto(server.url('portals/ada-css-grid.html'));
    await expectBadge(code(page, 1), 'D2393', 'ok', []);
    await expectBadge(code(page, 2), 'D0274', 'info', ['frequency-limit']);
    await expectBadge(remarks(page), 'D2393', 'ok', []);
    // "ACCT-D2393", "98765-D0274" and "XD0150" are not codes.
    await expectBadgeCount(page, 3);

    // Line 3: D4341 with no area of the oral cavity.
    await typeFresh(svc(page, 3, 'date'), '05/20/2025');
    await typeFresh(code(page, 3), 'D4341');
    await expectBadge(code(page, 3), 'D4341', 'error', ['area-required', 'frequency-limit', 'prior-auth', 'attachment']);
    await expectCard(page, 'D4341', ['area-required', 'frequency-limit', 'prior-auth', 'attachment']);
    await typeFresh(svc(page, 3, 'area'), '10');
    await expectBadge(code(page, 3), 'D4341', 'info', ['frequency-limit', 'prior-auth', 'attachment']);

    // Line 1: the posterior D2393 (MOD) moved from tooth 14 to tooth 8, an incisor, which has no occlusal surface.
    await typeInto(svc(page, 1, 'tooth'), '8');
    await expectBadge(code(page, 1), 'D2393', 'error', ['tooth-mismatch', 'surface-invalid']);

    // The remarks: free text is checked code by code against the catalog.
    await typeInto(remarks(page), 'Sealant D1352 was billed in error');
    await expectBadge(remarks(page), 'D1352', 'error', ['deleted-code']);
    await expectCard(page, 'D1352', ['deleted-code']);
    await typeInto(remarks(page), 'See D0121');
    await expectBadge(remarks(page), 'D0121', 'error', ['unknown-code']);
    await remarks(page).press('Escape');
    await expectNoCard(page);

    await expect(remarks(page)).toHaveValue('See D0121');
    await expect(svc(page, 1, 'tooth')).toHaveValue('8');
    await expect(svc(page, 3, 'date')).toHaveValue('05/20/2025');
    await expect(svc(page, 3, 'area')).toHaveValue('10');
    await expect(code(page, 3)).toHaveValue('D4341');
    await expect(page.locator('[name="f23"]')).toHaveValue('ACCT-D2393');
  });

  test('in a short window the card fits the viewport beside the field, and badges follow scrolling', async ({ page, server }) => {
    await page.setViewportSize({ width: 1024, height: 400 });
    await page.goto(server.url('portals/ada-css-grid.html'));
    await typeFresh(code(page, 3), 'D2740');
    await expectCard(page, 'D2740', ['tooth-required', 'frequency-limit', 'prior-auth', 'attachment']);
    await expectCardBesideField(page, code(page, 3));

    await page.evaluate(() => window.scrollBy(0, 150));
    await expectCardBesideField(page, code(page, 3));
    for (const c of [code(page, 1), code(page, 2), code(page, 3), remarks(page)]) await expectBadgeOnCorner(c);
    await code(page, 3).press('Tab');
    await expectNoCard(page);
    await expect(code(page, 3)).toHaveValue('D2740');
  });
});
