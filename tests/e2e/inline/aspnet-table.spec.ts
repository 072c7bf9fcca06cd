import type { Page } from '@playwright/test';
import {
  expect,
  expectBadge,
  expectBadgeCount,
  expectBadgeOnCorner,
  expectCard,
  expectNoBadge,
  expectNoCard,
  test,
  typeFresh,
  typeInto,
} from './helpers';

/** An ASP.NET WebForms GridView: ids like ctl00_MainContent_gvLines_ctl02_txtProcCd, header-only labels. */
const cell = (page: Page, row: number, name: string) => page.locator(`#ctl00_MainContent_gvLines_ctl0${row + 1}_${name}`);
const code = (page: Page, row: number) => cell(page, row, 'txtProcCd');

test.describe('ASP.NET GridView portal', () => {
  test('a badge beside a box at the page’s right edge never widens the page', async ({ page, server }) => {
    await page.setViewportSize({ width: 900, height: 500 });
    await page.goto(server.url('portals/aspnet-table.html'));
    const width = () => page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    const [scroll, client] = await width();
    expect(scroll).toBe(client);
    // A remarks box flush with the right edge: its badge straddles the box's corner, half outside the page.
    await page.evaluate(() => {
      const box = document.createElement('textarea');
      box.id = 'edge-remarks';
      box.style.cssText = 'position:absolute;right:0;top:40px;width:160px;height:40px;margin:0';
      document.body.append(box);
    });
    const remarks = page.locator('#edge-remarks');
    await typeInto(remarks, 'D0120');
    await expectBadge(remarks, 'D0120', 'ok');
    await expectBadgeOnCorner(remarks);
    expect(await width()).toEqual([client, client]);
  });

  test('a badge beside a box that stays put while the page scrolls (a fixed toolbar) follows it', async ({ page, server }) => {
    await page.setViewportSize({ width: 900, height: 300 });
    await page.goto(server.url('portals/aspnet-table.html'));
    await page.evaluate(() => {
      const box = document.createElement('textarea');
      box.id = 'fixed-note';
      box.style.cssText = 'position:fixed;left:300px;bottom:10px;width:200px;height:40px;margin:0';
      document.body.append(box);
      document.body.style.paddingBottom = '1200px';
    });
    const note = page.locator('#fixed-note');
    await typeInto(note, 'D0120');
    await expectBadge(note, 'D0120', 'ok');
    await expectBadgeOnCorner(note);
    await note.evaluate((el) => (el as HTMLElement).blur());
    await expectNoCard(page);
    for (const y of [200, 700]) {
      await page.evaluate((to) => window.scrollTo(0, to), y);
      await expectBadgeOnCorner(note);
    }
    await expectBadgeOnCorner(code(page, 1));
  });

  test('typed lines get badges with the exact rule ids, kept current as lines and the patient birth date change', async ({ page, server }) => {
    await page.goto(server.url('portals/aspnet-table.html'));
    // The pre-filled line: D2392 on tooth 30, MO. Codes inside the member id, claim number and phone get no badge.
    await expectBadge(code(page, 1), 'D2392', 'ok', []);
    await expectBadgeCount(page, 1);
    const viewState = await page.locator('#__VIEWSTATE').inputValue();

    await typeInto(cell(page, 1, 'txtSurf'), 'MODB');
    await expectBadge(code(page, 1), 'D2392', 'error', ['surface-count']);

    await typeFresh(cell(page, 2, 'txtDOS'), '03/04/2025');
    await typeFresh(code(page, 2), 'D2740');
    await expectBadge(code(page, 2), 'D2740', 'error', ['tooth-required', 'frequency-limit', 'prior-auth', 'attachment']);

    await typeFresh(cell(page, 3, 'txtDOS'), '03/04/2025');
    await typeFresh(code(page, 3), 'd4341');
    await expectBadge(code(page, 3), 'D4341', 'error', ['area-required', 'frequency-limit', 'prior-auth', 'attachment']);
    await expectBadgeCount(page, 3);

    await cell(page, 3, 'ddlArea').selectOption('10');
    await expectBadge(code(page, 3), 'D4341', 'info', ['frequency-limit', 'prior-auth', 'attachment']);
    // A tooth on line 2 clears tooth-required.
    await typeFresh(cell(page, 2, 'txtTooth'), '3');
    await expectBadge(code(page, 2), 'D2740', 'info', ['frequency-limit', 'prior-auth', 'attachment']);

    // The claim changes: an adult cleaning for the 8-year-old patient (DOB 04/12/2016) is flagged, and no longer
    // once the birth date field says 1980. D1110 and D4341 on one day conflict.
    await typeInto(code(page, 2), 'D1110');
    await expectBadge(code(page, 2), 'D1110', 'warning', ['frequency-limit', 'age-limit', 'same-day-conflict']);
    await expectBadge(code(page, 3), 'D4341', 'warning', ['frequency-limit', 'prior-auth', 'attachment', 'same-day-conflict']);
    await typeInto(page.locator('#ctl00_MainContent_txtPatientDOB'), '04/12/1980');
    await expectBadge(code(page, 2), 'D1110', 'warning', ['frequency-limit', 'same-day-conflict']);
    await expectBadge(code(page, 1), 'D2392', 'error', ['surface-count']);

    // Every control keeps exactly what was typed or chosen; the hidden fields are untouched.
    await expect(cell(page, 1, 'txtSurf')).toHaveValue('MODB');
    await expect(code(page, 1)).toHaveValue('D2392');
    await expect(cell(page, 2, 'txtDOS')).toHaveValue('03/04/2025');
    await expect(code(page, 2)).toHaveValue('D1110');
    await expect(page.locator('#ctl00_MainContent_txtPatientDOB')).toHaveValue('04/12/1980');
    await expect(cell(page, 2, 'txtTooth')).toHaveValue('3');
    await expect(code(page, 3)).toHaveValue('d4341');
    await expect(cell(page, 3, 'ddlArea')).toHaveValue('10');
    await expect(page.locator('#__VIEWSTATE')).toHaveValue(viewState);
    await expect(page.locator('#ctl00_MainContent_txtClaimNo')).toHaveValue('CLM-D0120-4471');

    // Deleting the code removes its badge.
    await typeInto(code(page, 2), '');
    await expectNoBadge(code(page, 2));
    await expectBadgeCount(page, 2);
  });

  test('the card opens on focus and closes on Escape; badges follow scrolling, resizing and layout changes', async ({ page, server }) => {
    await page.setViewportSize({ width: 1100, height: 420 });
    await page.goto(server.url('portals/aspnet-table.html'));
    await typeInto(cell(page, 1, 'txtSurf'), 'MODB');
    await code(page, 1).focus();
    await expectCard(page, 'D2392', ['surface-count']);
    await code(page, 1).press('Escape');
    await expectNoCard(page);
    await typeFresh(code(page, 3), 'D2740');
    await expectCard(page, 'D2740', ['tooth-required', 'frequency-limit', 'prior-auth', 'attachment']);
    await page.locator('#header').click();
    await expectNoCard(page);

    const codes = [code(page, 1), code(page, 3)];
    for (const c of codes) await expectBadgeOnCorner(c);

    // Scroll the window: badges stay on their controls, carried by the page's own scrolling (nothing rewritten
    // per scrolled frame, which would make scrolling a long claim stutter).
    await page.evaluate(() => {
      const w = window as unknown as { badgeWrites: number };
      w.badgeWrites = 0;
      new MutationObserver((records) => (w.badgeWrites += records.length)).observe(document.documentElement, {
        attributes: true,
        attributeFilter: ['style', 'hidden'],
        subtree: true,
      });
    });
    await page.evaluate(() => window.scrollBy(0, 120));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    for (const c of codes) await expectBadgeOnCorner(c);
    expect(await page.evaluate(() => (window as unknown as { badgeWrites: number }).badgeWrites)).toBe(0);

    // Resize the window: the 100%-wide grid reflows its columns.
    const before = await code(page, 3).boundingBox();
    await page.setViewportSize({ width: 760, height: 420 });
    await expect.poll(async () => (await code(page, 3).boundingBox())!.x).not.toBe(before!.x);
    for (const c of codes) await expectBadgeOnCorner(c);

    // A layout change with no added or removed nodes: the page header grows and pushes the grid down.
    await page.evaluate(() => window.scrollTo(0, 0));
    const top = (await code(page, 1).boundingBox())!.y;
    await page.evaluate(() => (document.getElementById('header')!.style.paddingBottom = '90px'));
    await expect.poll(async () => (await code(page, 1).boundingBox())!.y).toBeGreaterThan(top + 80);
    for (const c of codes) await expectBadgeOnCorner(c);
  });

  test('in an inner scroll container, badges follow its scrolling and hide while their control is clipped', async ({ page, server }) => {
    await page.setViewportSize({ width: 1100, height: 600 });
    await page.goto(server.url('portals/aspnet-table.html'));
    await typeFresh(code(page, 3), 'D2740');
    await expectBadge(code(page, 3), 'D2740', 'error', ['tooth-required', 'frequency-limit', 'prior-auth', 'attachment']);
    await page.locator('#header').click();
    // The page becomes a fixed-height scroll box: the grid is below its visible part.
    await page.addStyleTag({ content: '.content { height: 160px; overflow: auto; }' });
    const box = (await page.locator('.content').boundingBox())!;
    await expect.poll(async () => (await code(page, 1).boundingBox())!.y).toBeGreaterThan(box.y + box.height);
    // Clipped controls: no badge floats over the page below the box (the hosts stay, with their data).
    await expectNoBadge(code(page, 1));
    await expectNoBadge(code(page, 3));
    await expectBadgeCount(page, 2);
    await expect(page.locator('cdt-lens-badge[data-code="D2740"]')).toHaveAttribute('data-severity', 'error');

    // Scrolled into the box: the badges are back, on their controls.
    await page.locator('.content').evaluate((el) => {
      const line1 = document.getElementById('ctl00_MainContent_gvLines_ctl02_txtProcCd')!;
      el.scrollBy(0, line1.getBoundingClientRect().top - el.getBoundingClientRect().top - 30);
    });
    await expect.poll(async () => (await code(page, 3).boundingBox())!.y).toBeLessThan(box.y + box.height - 25);
    for (const c of [code(page, 1), code(page, 3)]) await expectBadgeOnCorner(c);
    await expectBadge(code(page, 1), 'D2392', 'ok', []);

    // Scrolled a little further: both still follow.
    await page.locator('.content').evaluate((el) => el.scrollBy(0, 10));
    for (const c of [code(page, 1), code(page, 3)]) await expectBadgeOnCorner(c);
  });
});
