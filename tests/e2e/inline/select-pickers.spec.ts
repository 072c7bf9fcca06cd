import type { Page } from '@playwright/test';
import { expect, expectBadge, expectBadgeCount, expectCard, expectNoBadge, expectNoCard, isFocused, test, typeFresh, typeInto } from './helpers';

/**
 * Procedure and tooth pickers are <select>s: line 1's options carry the code as value, lines 2 and 3 carry
 * internal ids (1040, 1043 ...) with the code in the option text; dates are <input type="date">.
 */
const proc = (page: Page, i: number) => page.locator(`#line${i}-proc`);
const tooth = (page: Page, i: number) => page.locator(`#line${i}-tooth`);

test.describe('select pickers portal', () => {
  test('choosing options gives badges with the exact rule ids; the chosen values are kept', async ({ page, server }) => {
    await page.goto(server.url('portals/select-pickers.html'));
    await expectBadge(proc(page, 0), 'D2392', 'ok', []);
    // Option value "1043": the code comes from the option text.
    await expectBadge(proc(page, 1), 'D0140', 'ok', []);
    await expectBadgeCount(page, 2);

    // Line 3: choose D3330 (value 1079) and tooth 8 from the pickers, type the date: tooth-mismatch.
    await proc(page, 2).selectOption({ label: 'D3330 - Root canal, molar' });
    await expectBadge(proc(page, 2), 'D3330', 'error', ['tooth-required']);
    await tooth(page, 2).selectOption('8');
    await typeFresh(page.locator('#line2-date'), '03042025');
    await expect(page.locator('#line2-date')).toHaveValue('2025-03-04');
    await expectBadge(proc(page, 2), 'D3330', 'error', ['tooth-mismatch']);

    // Line 1: four surfaces typed for the two-surface D2392.
    await typeInto(page.locator('#line0-surf'), 'MODB');
    await expectBadge(proc(page, 0), 'D2392', 'error', ['surface-count']);

    // Line 2: another procedure chosen with the keyboard (the picker focused, arrow keys): D0150, the next option.
    await proc(page, 1).focus();
    await expectCard(page, 'D0140', []);
    await proc(page, 1).press('ArrowDown');
    await expectBadge(proc(page, 1), 'D0150', 'info', ['frequency-limit']);
    await expectCard(page, 'D0150', ['frequency-limit']);
    expect(await isFocused(proc(page, 1)), 'the card never takes focus from the picker').toBe(true);
    await proc(page, 1).press('Escape');
    await expectNoCard(page);

    // Line 2: a crown with no tooth chosen.
    await proc(page, 1).selectOption({ label: 'D2740 - Porcelain crown' });
    await expectBadge(proc(page, 1), 'D2740', 'error', ['tooth-required', 'frequency-limit', 'prior-auth', 'attachment']);
    await proc(page, 1).focus();
    await expectCard(page, 'D2740', ['tooth-required', 'frequency-limit', 'prior-auth', 'attachment']);

    // Back to "-- Select procedure --": the badge goes.
    await proc(page, 2).selectOption('');
    await expectNoBadge(proc(page, 2));
    await expectBadgeCount(page, 2);

    await expect(proc(page, 0)).toHaveValue('D2392');
    await expect(proc(page, 1)).toHaveValue('1076');
    await expect(proc(page, 2)).toHaveValue('');
    await expect(tooth(page, 2)).toHaveValue('8');
    await expect(page.locator('#line0-surf')).toHaveValue('MODB');
    await expect(page.locator('#claimNo')).toHaveValue('CR-D1110-0093');
  });
});
