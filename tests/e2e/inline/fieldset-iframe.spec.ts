import type { Frame, Page } from '@playwright/test';
import { badgesIn, cardIn, expect, expectBadge, expectBadgeCount, expectCard, expectNoCard, isFocused, test, typeFresh, typeInto } from './helpers';

/** A portal shell with the claim form in a same-origin iframe: fieldsets per line, a claim-level date of service. */
async function claimFrame(page: Page): Promise<Frame> {
  const handle = await page.locator('#claim-frame').elementHandle();
  const frame = await handle!.contentFrame();
  await frame!.waitForLoadState();
  return frame!;
}

test.describe('fieldset form in a same-origin iframe', () => {
  test('badges and the card live in the frame document; typed lines and the claim date change the rule ids', async ({ page, server }) => {
    await page.goto(server.url('portals/fieldset-iframe.html'));
    const frame = await claimFrame(page);
    const code = (n: number) => frame.locator(`#procCode${n}`);

    await expectBadge(code(1), 'D4341', 'info', ['frequency-limit', 'prior-auth', 'attachment']);
    await expectBadge(code(2), 'D4341', 'info', ['frequency-limit', 'prior-auth', 'attachment']);
    // The badge elements are in the frame's document, none in the portal's; "D4341-REF-9" is no code.
    await expectBadgeCount(frame, 2);
    expect(await badgesIn(page)).toEqual([]);

    // Line 3 (date from the claim-level field): D3330 on tooth 8 is a molar code on an incisor.
    await typeFresh(frame.locator('#toothNum3'), '8');
    await typeFresh(code(3), 'D3330');
    await expectBadge(code(3), 'D3330', 'error', ['tooth-mismatch']);
    await expectBadgeCount(frame, 3);

    // The card opens inside the frame, beside the focused field, and never in the portal page.
    await expectCard(frame, 'D3330', ['tooth-mismatch']);
    await expect(cardIn(page)).toHaveCount(0);
    expect(await isFocused(code(3))).toBe(true);

    // Clearing line 1's quadrant: area-required on line 1 only.
    await typeInto(frame.locator('#area1'), '');
    await expectBadge(code(1), 'D4341', 'error', ['area-required', 'frequency-limit', 'prior-auth', 'attachment']);
    await expectBadge(code(2), 'D4341', 'info', ['frequency-limit', 'prior-auth', 'attachment']);
    await frame.locator('#area1').pressSequentially('UL');
    await expectBadge(code(1), 'D4341', 'info', ['frequency-limit', 'prior-auth', 'attachment']);

    // Escape closes the card in the frame.
    await code(2).focus();
    await expectCard(frame, 'D4341', ['frequency-limit', 'prior-auth', 'attachment']);
    await code(2).press('Escape');
    await expectNoCard(frame);

    // The claim-level date of service is every line's date: D1352 was deleted from CDT in 2026.
    await typeInto(frame.locator('#toothNum3'), '3');
    await typeInto(code(3), 'D1352');
    await expectBadge(code(3), 'D1352', 'ok', []);
    await typeInto(frame.locator('#claimDos'), '01/15/2026');
    await expectBadge(code(3), 'D1352', 'error', ['deleted-code']);
    await expectBadge(code(1), 'D4341', 'info', ['frequency-limit', 'prior-auth', 'attachment']);
    await typeInto(frame.locator('#claimDos'), '12/31/2025');
    await expectBadge(code(3), 'D1352', 'ok', []);

    await expect(frame.locator('#toothNum3')).toHaveValue('3');
    await expect(code(3)).toHaveValue('D1352');
    await expect(frame.locator('#area1')).toHaveValue('UL');
    await expect(frame.locator('#claimDos')).toHaveValue('12/31/2025');
    await expect(frame.locator('#refNo')).toHaveValue('D4341-REF-9');
  });
});
