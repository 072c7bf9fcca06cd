import type { Page } from '@playwright/test';
import { badgesIn, expect, expectBadge, expectBadgeCount, expectBadgeOnCorner, expectCard, expectNoCard, test, typeFresh } from './helpers';

/** Lines added and removed by script, renumbered on every change (serviceLines[i].field, ids and label for=). */
const lines = (page: Page) => page.locator('#lines > .line');
const field = (page: Page, n: number, name: string) => lines(page).nth(n - 1).locator(`[data-field="${name}"]`);
const code = (page: Page, n: number) => field(page, n, 'procedureCode');

test.describe('dynamic lines portal', () => {
  test('lines added and removed at run time: badges appear, update, follow and go with their lines', async ({ page, server }) => {
    await page.goto(server.url('portals/dynamic-lines.html'));
    await expectBadge(code(page, 1), 'D1110', 'info', ['frequency-limit']);
    await expectBadge(code(page, 2), 'D0274', 'info', ['frequency-limit']);
    await expectBadge(code(page, 3), 'D2391', 'ok', []);
    await expectBadgeCount(page, 3);

    // Two new lines on the same day: D0120 and D0150 conflict.
    await page.locator('#add-line').click();
    await page.locator('#add-line').click();
    await expect(lines(page)).toHaveCount(5);
    await expectBadgeCount(page, 3);
    await typeFresh(field(page, 4, 'dateOfService'), '04/01/2025');
    await typeFresh(code(page, 4), 'D0120');
    await expectBadge(code(page, 4), 'D0120', 'info', ['frequency-limit']);
    await typeFresh(field(page, 5, 'dateOfService'), '04/01/2025');
    await typeFresh(code(page, 5), 'D0150');
    await expectBadge(code(page, 5), 'D0150', 'warning', ['frequency-limit', 'same-day-conflict']);
    await expectBadge(code(page, 4), 'D0120', 'warning', ['frequency-limit', 'same-day-conflict']);
    await expectCard(page, 'D0150', ['frequency-limit', 'same-day-conflict']);

    // A sixth line repeating line 3 exactly: duplicate-line on both.
    await page.locator('#add-line').click();
    await expectNoCard(page);
    await typeFresh(field(page, 6, 'toothNumber'), '3');
    await typeFresh(field(page, 6, 'surfaces'), 'O');
    await typeFresh(field(page, 6, 'dateOfService'), '04/01/2025');
    await typeFresh(code(page, 6), 'D2391');
    await expectBadge(code(page, 6), 'D2391', 'warning', ['duplicate-line']);
    await expectBadge(code(page, 3), 'D2391', 'warning', ['duplicate-line']);
    await expectBadgeCount(page, 6);

    // Removing line 2 (the page renumbers names and ids): its badge goes, the others move up with their lines.
    await lines(page).nth(1).getByRole('button', { name: 'Remove' }).click();
    await expect(lines(page)).toHaveCount(5);
    await expectBadgeCount(page, 5);
    expect((await badgesIn(page)).map((b) => b.code).sort()).toEqual(['D0120', 'D0150', 'D1110', 'D2391', 'D2391']);
    for (let n = 1; n <= 5; n++) await expectBadgeOnCorner(code(page, n));

    // Removing the duplicate clears duplicate-line on the line that stays.
    await lines(page).nth(4).getByRole('button', { name: 'Remove' }).click();
    await expectBadgeCount(page, 4);
    await expectBadge(code(page, 2), 'D2391', 'ok', []);
    for (let n = 1; n <= 4; n++) await expectBadgeOnCorner(code(page, n));

    // A renumbered line still updates as it is typed into: line 4 (was 5) D0150 -> D0140.
    await code(page, 4).focus();
    await code(page, 4).press('End');
    await code(page, 4).press('Backspace');
    await code(page, 4).press('Backspace');
    await code(page, 4).pressSequentially('40');
    await expectBadge(code(page, 4), 'D0140', 'warning', ['same-day-conflict']);
    await expectCard(page, 'D0140', ['same-day-conflict']);
    await expect(code(page, 4)).toHaveValue('D0140');
    await expect(code(page, 4)).toHaveAttribute('name', 'serviceLines[3].procedureCode');

    // Removing the focused line's row closes its card and removes its badge.
    await lines(page).nth(3).getByRole('button', { name: 'Remove' }).click();
    await expectNoCard(page);
    await expectBadgeCount(page, 3);
    await expectBadge(code(page, 3), 'D0120', 'info', ['frequency-limit']);
    await expect(field(page, 2, 'toothNumber')).toHaveValue('3');
    await expect(field(page, 3, 'dateOfService')).toHaveValue('04/01/2025');
  });

  test('a line a script fills in without events (a restored draft) gets its badge beside it', async ({ page, server }) => {
    await page.goto(server.url('portals/dynamic-lines.html'));
    await expectBadgeCount(page, 3);
    await page.locator('#add-line').click();
    await expect(lines(page)).toHaveCount(4);
    // Values set through the value property fire no event and no mutation: the periodic sweep finds them.
    await page.evaluate(() => {
      const line = document.querySelector('#lines > .line:last-child')!;
      (line.querySelector('[data-field="procedureCode"]') as HTMLInputElement).value = 'D2740';
      (line.querySelector('[data-field="toothNumber"]') as HTMLInputElement).value = '8';
      (line.querySelector('[data-field="dateOfService"]') as HTMLInputElement).value = '04/01/2025';
    });
    await expectBadge(code(page, 4), 'D2740', 'info', ['attachment', 'frequency-limit', 'prior-auth']);
  });
});
