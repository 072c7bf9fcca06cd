import type { Page } from '@playwright/test';
import { badgesIn, expect, expectBadge, expectBadgeCount, expectCard, expectNoCard, isFocused, test, typeFresh, typeInto } from './helpers';

/**
 * A React-style grid: role="grid" rows of controlled inputs (every keystroke goes through state and the render
 * writes the value back), useId-style ids, labels from aria-label / aria-labelledby / column headers.
 */
const row = (page: Page, line: number) => page.locator(`[role="row"][data-row-key="line-${line - 1}"]`);
const cell = (page: Page, line: number, column: number) => row(page, line).locator('[role="gridcell"] input').nth(column);
const COL = { date: 0, code: 1, tooth: 2, surface: 3, area: 4, units: 5, fee: 6 } as const;
const code = (page: Page, line: number) => page.getByLabel(`CDT Code, line ${line}`, { exact: true });

test.describe('React-controlled grid portal', () => {
  test('typing into controlled inputs: exact badges, claim-level conflicts, values exactly as typed', async ({ page, server }) => {
    await page.goto(server.url('portals/react-grid.html'));
    await expectBadge(code(page, 1), 'D0120', 'info', ['frequency-limit']);
    await expectBadge(code(page, 2), 'D1110', 'info', ['frequency-limit']);
    // "A1-D2391-77" and "XD0150" are not procedure codes.
    await expectBadgeCount(page, 2);

    // D0150 on the day of D0120: same-day-conflict on both lines.
    await typeFresh(cell(page, 3, COL.date), '02/11/2025');
    await typeFresh(code(page, 3), 'D0150');
    await expectBadge(code(page, 3), 'D0150', 'warning', ['frequency-limit', 'same-day-conflict']);
    await expectBadge(code(page, 1), 'D0120', 'warning', ['frequency-limit', 'same-day-conflict']);
    await expectBadge(code(page, 2), 'D1110', 'info', ['frequency-limit']);
    await expectCard(page, 'D0150', ['frequency-limit', 'same-day-conflict']);
    expect(await isFocused(code(page, 3))).toBe(true);

    // The same line becomes a two-surface filling with four surfaces: surface-count only, and the conflict goes.
    await typeInto(code(page, 3), 'D2392');
    await typeFresh(cell(page, 3, COL.tooth), '30');
    await typeFresh(cell(page, 3, COL.surface), 'MODB');
    await expectBadge(code(page, 3), 'D2392', 'error', ['surface-count']);
    await expectBadge(code(page, 1), 'D0120', 'info', ['frequency-limit']);
    await code(page, 3).focus();
    await expectCard(page, 'D2392', ['surface-count']);
    // Without the tooth: both errors, in the attribute exactly as the contract writes it.
    await typeInto(cell(page, 3, COL.tooth), '');
    await expectBadge(code(page, 3), 'D2392', 'error', ['surface-count', 'tooth-required']);
    await expect(page.locator('cdt-lens-badge[data-code="D2392"]')).toHaveAttribute('data-rules', 'surface-count tooth-required');
    await typeFresh(cell(page, 3, COL.tooth), '30');
    await expectBadge(code(page, 3), 'D2392', 'error', ['surface-count']);

    // Every keystroke went through the page's state and render: nothing lost, nothing added.
    await expect(cell(page, 3, COL.date)).toHaveValue('02/11/2025');
    await expect(code(page, 3)).toHaveValue('D2392');
    await expect(cell(page, 3, COL.tooth)).toHaveValue('30');
    await expect(cell(page, 3, COL.surface)).toHaveValue('MODB');
    await expect(cell(page, 3, COL.units)).toHaveValue('1');
    await expect(code(page, 1)).toHaveValue('D0120');
    await expect(page.getByLabel('Claim number')).toHaveValue('A1-D2391-77');

    // A fee typed fast after the code: the page's render loop and CDT Lens do not drop keystrokes.
    await cell(page, 3, COL.fee).pressSequentially('128.50');
    await expect(cell(page, 3, COL.fee)).toHaveValue('128.50');
    await expectNoCard(page);
    expect((await badgesIn(page)).map((b) => b.code).sort()).toEqual(['D0120', 'D1110', 'D2392']);
  });
});
