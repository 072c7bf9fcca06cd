import type { Page } from '@playwright/test';
import { expect, expectBadge, expectBadgeCount, expectCard, expectNoBadge, expectNoCard, isFocused, test, typeInto } from './helpers';

/** Visually hidden labels on the lines, and a contenteditable rich-text remarks box with a toolbar. */
const code = (page: Page, n: number) => page.getByLabel(`Procedure code, line ${n}`, { exact: true });
const editor = (page: Page) => page.locator('#remarks');

test.describe('contenteditable remarks portal', () => {
  test('the remarks box is badged from its text; typing into it changes nothing but the text typed', async ({ page, server }) => {
    await page.goto(server.url('portals/remarks-contenteditable.html'));
    await expectBadge(code(page, 1), 'D7210', 'info', ['attachment']);
    // "d0220" typed in lower case is read as D0220.
    await expectBadge(code(page, 2), 'D0220', 'ok', []);
    // The remarks mention D7210 first.
    await expectBadge(editor(page), 'D7210', 'ok', []);
    await expectBadgeCount(page, 3);

    // Typing at the end of the remarks keeps the first code and leaves the editor's markup alone.
    const before = await editor(page).innerHTML();
    await editor(page).focus();
    await editor(page).press('ControlOrMeta+End');
    await editor(page).pressSequentially(' Also D0121.');
    await expect(editor(page)).toContainText('last month. Also D0121.');
    expect((await editor(page).innerHTML()).replace(/(&nbsp;|\s)+/g, ' ')).toBe(before.replace(/<\/p>$/, ' Also D0121.</p>').replace(/(&nbsp;|\s)+/g, ' '));
    await expectBadge(editor(page), 'D7210', 'ok', []);
    await expect(page.locator('#remarks-count')).toHaveText(String((await editor(page).textContent())!.length));
    expect(await editor(page).locator('cdt-lens-badge, cdt-lens-card').count()).toBe(0);

    // Replacing the remarks: the deleted D1352 first, then an unknown code.
    await typeInto(editor(page), 'Sealant D1352 on #3 was billed in error');
    await expectBadge(editor(page), 'D1352', 'error', ['deleted-code']);
    await expectCard(page, 'D1352', ['deleted-code']);
    expect(await isFocused(editor(page)), 'the card never takes focus from the editor').toBe(true);
    await typeInto(editor(page), 'Code D0121 does not exist');
    await expectBadge(editor(page), 'D0121', 'error', ['unknown-code']);
    await expectCard(page, 'D0121', ['unknown-code'], { checklist: false });
    await expect(editor(page)).toHaveText('Code D0121 does not exist');
    await editor(page).press('Escape');
    await expectNoCard(page);
    await typeInto(editor(page), 'No codes here');
    await expectNoBadge(editor(page));

    // A line code typed in lower case: badge normalised, value as typed.
    await typeInto(code(page, 2), 'd0120');
    await expectBadge(code(page, 2), 'D0120', 'info', ['frequency-limit']);
    await expect(code(page, 2)).toHaveValue('d0120');
    await expectCard(page, 'D0120', ['frequency-limit']);
    await code(page, 2).blur();
    await expectNoCard(page);
    await expect(page.locator('#th-1')).toHaveValue('#30');
    await expect(page.locator('#quad-1')).toHaveValue('lr');
  });
});
