import type { Page } from '@playwright/test';
import {
  badgesIn,
  cardIn,
  expect,
  expectBadge,
  expectBadgeCount,
  expectCard,
  expectCardBesideField,
  expectNoBadge,
  expectNoCard,
  isFocused,
  test,
  typeFresh,
  typeInto,
} from './helpers';

/** The demo ADA claim page: ten lines, every item labelled "NN. Item, line n". */
const field = (page: Page, item: string, n: number) => page.getByLabel(`${item}, line ${n}`, { exact: true });
const code = (page: Page, n: number) => field(page, '29. Procedure code', n);

interface Line {
  date?: string;
  area?: string;
  tooth?: string;
  surface?: string;
  code: string;
}

async function typeLine(page: Page, n: number, line: Line) {
  if (line.date) await typeFresh(field(page, '24. Procedure date', n), line.date);
  if (line.area) await typeFresh(field(page, '25. Area of oral cavity', n), line.area);
  if (line.tooth) await typeFresh(field(page, '27. Tooth number(s) or letter(s)', n), line.tooth);
  if (line.surface) await typeFresh(field(page, '28. Tooth surface', n), line.surface);
  await typeFresh(code(page, n), line.code);
}

async function expectValues(page: Page, n: number, line: Line) {
  await expect(field(page, '24. Procedure date', n)).toHaveValue(line.date ?? '');
  await expect(field(page, '25. Area of oral cavity', n)).toHaveValue(line.area ?? '');
  await expect(field(page, '27. Tooth number(s) or letter(s)', n)).toHaveValue(line.tooth ?? '');
  await expect(field(page, '28. Tooth surface', n)).toHaveValue(line.surface ?? '');
  await expect(code(page, n)).toHaveValue(line.code);
}

const WRONG_LINES: { line: Line; severity: string; rules: string[] }[] = [
  { line: { date: '03/04/2025', tooth: '30', surface: 'MODB', code: 'D2392' }, severity: 'error', rules: ['surface-count'] },
  { line: { date: '03/04/2025', code: 'D2740' }, severity: 'error', rules: ['tooth-required', 'frequency-limit', 'prior-auth', 'attachment'] },
  { line: { date: '03/04/2025', code: 'D4341' }, severity: 'error', rules: ['area-required', 'frequency-limit', 'prior-auth', 'attachment'] },
  { line: { date: '03/04/2025', tooth: '8', code: 'D3330' }, severity: 'error', rules: ['tooth-mismatch'] },
  { line: { date: '01/05/2026', tooth: '30', code: 'D1352' }, severity: 'error', rules: ['deleted-code'] },
  { line: { date: '06/10/2025', code: 'D0120' }, severity: 'warning', rules: ['frequency-limit', 'same-day-conflict'] },
  { line: { date: '06/10/2025', code: 'D0150' }, severity: 'warning', rules: ['frequency-limit', 'same-day-conflict'] },
  { line: { date: '06/10/2025', code: 'd0121' }, severity: 'error', rules: ['unknown-code'] },
];

test.describe('demo claim page', () => {
  test('typed lines get one badge each with the exact rule ids, kept current as lines change', async ({ page, server }) => {
    await page.goto(server.url('demo/claim.html'));
    for (const [i, { line }] of WRONG_LINES.entries()) await typeLine(page, i + 1, line);

    await expectBadgeCount(page, WRONG_LINES.length);
    for (const [i, { line, severity, rules }] of WRONG_LINES.entries())
      await expectBadge(code(page, i + 1), line.code.toUpperCase(), severity, rules);
    for (const [i, { line }] of WRONG_LINES.entries()) await expectValues(page, i + 1, line);

    // Correcting the surfaces clears surface-count: MODB -> MO.
    const surface = field(page, '28. Tooth surface', 1);
    await surface.focus();
    await surface.press('End');
    await surface.press('Backspace');
    await surface.press('Backspace');
    await expectBadge(code(page, 1), 'D2392', 'ok', []);
    await expect(surface).toHaveValue('MO');

    // A quadrant for D4341 clears area-required; a tooth for D2740 clears tooth-required.
    await typeFresh(field(page, '25. Area of oral cavity', 3), '10');
    await expectBadge(code(page, 3), 'D4341', 'info', ['frequency-limit', 'prior-auth', 'attachment']);
    await typeFresh(field(page, '27. Tooth number(s) or letter(s)', 2), '8');
    await expectBadge(code(page, 2), 'D2740', 'info', ['frequency-limit', 'prior-auth', 'attachment']);

    // Moving D0150 to another day clears same-day-conflict on both lines (a claim-level change).
    await typeInto(field(page, '24. Procedure date', 7), '06/11/2025');
    await expectBadge(code(page, 6), 'D0120', 'info', ['frequency-limit']);
    await expectBadge(code(page, 7), 'D0150', 'info', ['frequency-limit']);
    // ... and moving it back brings the conflict back on both.
    await typeInto(field(page, '24. Procedure date', 7), '06/10/2025');
    await expectBadge(code(page, 6), 'D0120', 'warning', ['frequency-limit', 'same-day-conflict']);
    await expectBadge(code(page, 7), 'D0150', 'warning', ['frequency-limit', 'same-day-conflict']);

    // Retyping a code changes the badge in place; deleting it removes the badge.
    // D0140 on the day of D0120 and D0150 conflicts with them.
    await typeInto(code(page, 8), 'D0140');
    await expectBadge(code(page, 8), 'D0140', 'warning', ['same-day-conflict']);
    await expect(code(page, 8)).toHaveValue('D0140');
    await typeInto(code(page, 8), '');
    await expectNoBadge(code(page, 8));
    await expectBadgeCount(page, WRONG_LINES.length - 1);
    // A half-typed code is not a code.
    await typeFresh(code(page, 8), 'D01');
    await expectNoBadge(code(page, 8));
    await expectBadgeCount(page, WRONG_LINES.length - 1);
    await expect(code(page, 8)).toHaveValue('D01');
  });

  test('the focused code field shows one card with its findings; Escape and blur close it', async ({ page, server }) => {
    await page.goto(server.url('demo/claim.html'));
    await typeLine(page, 1, WRONG_LINES[0].line);
    await typeLine(page, 2, WRONG_LINES[1].line);

    // Typing the code left focus in line 2's code field: its card is open.
    const card = await expectCard(page, 'D2740', ['tooth-required', 'frequency-limit', 'prior-auth', 'attachment']);
    await expect(card.getByRole('dialog', { name: /D2740/ })).toBeVisible();
    expect(await isFocused(code(page, 2)), 'the card never takes focus from the field').toBe(true);

    // Focus moves to line 1's code: the card follows it.
    await code(page, 1).focus();
    await expectCard(page, 'D2392', ['surface-count']);
    await expect(cardIn(page).locator('[data-rule="surface-count"]')).toContainText('MODB');
    expect(await isFocused(code(page, 1))).toBe(true);

    // Escape closes the card and leaves focus and value alone.
    await code(page, 1).press('Escape');
    await expectNoCard(page);
    expect(await isFocused(code(page, 1))).toBe(true);
    await expect(code(page, 1)).toHaveValue('D2392');

    // Typing again reopens it, and a blur (Tab to a field without a code) closes it.
    await code(page, 1).press('End');
    await code(page, 1).press('Backspace');
    await code(page, 1).press('2');
    await expectCard(page, 'D2392', ['surface-count']);
    await code(page, 1).press('Tab');
    await expectNoCard(page);
    expect(await isFocused(field(page, '29a. Diagnosis pointer', 1))).toBe(true);

    // Focusing a field that holds no code shows no card.
    await code(page, 3).focus();
    await expectNoCard(page);
    // Clicking elsewhere on the page (a blur) closes an open card.
    await code(page, 2).focus();
    await expectCard(page, 'D2740', ['tooth-required', 'frequency-limit', 'prior-auth', 'attachment']);
    await page.getByRole('heading', { name: 'New dental claim' }).click();
    await expectNoCard(page);
    await expectValues(page, 1, WRONG_LINES[0].line);
    await expectValues(page, 2, WRONG_LINES[1].line);
  });

  test('Alt+Shift+L moves focus into the card; keys typed there never reach the page; Escape gives focus back', async ({ page, server }) => {
    await page.goto(server.url('demo/claim.html'));
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenKeys: string[] }).seenKeys = seen;
      document.addEventListener('keydown', (e) => seen.push(`document:${e.key}`));
      window.addEventListener('keydown', (e) => seen.push(`window:${e.key}`));
      document.addEventListener('keyup', (e) => seen.push(`document-up:${e.key}`));
    });
    await typeLine(page, 1, WRONG_LINES[0].line);
    const card = await expectCard(page, 'D2392', ['surface-count']);

    await code(page, 1).press('Alt+Shift+L');
    await expect.poll(() => card.evaluate((host) => !!host.shadowRoot?.activeElement)).toBe(true);
    await expect(cardIn(page)).toHaveCount(1);
    const before = await page.evaluate(() => (window as unknown as { seenKeys: string[] }).seenKeys.length);

    // Tab to the first checklist box, tick it with Space, type a shortcut letter: the page hears none of it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('x');
    await page.keyboard.press('Shift+Tab');
    const seen = await page.evaluate((n) => (window as unknown as { seenKeys: string[] }).seenKeys.slice(n), before);
    expect(seen, 'page key handlers heard keys typed inside the card').toEqual([]);
    await expect(code(page, 1)).toHaveValue('D2392');
    await expect(cardIn(page)).toHaveCount(1);

    // Escape inside the card closes it and gives focus back to the field, where typing goes on.
    await page.keyboard.press('Escape');
    await expectNoCard(page);
    await expect.poll(() => isFocused(code(page, 1)), { message: 'focus back in the field' }).toBe(true);
    await expect(code(page, 1)).toHaveValue('D2392');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('3');
    await expect(code(page, 1)).toHaveValue('D2393');
    await expectCard(page, 'D2393', ['surface-count']);
  });

  test('when the line changes under the card, keyboard focus stays on the checklist item it was on', async ({ page, server }) => {
    await page.goto(server.url('demo/claim.html'));
    await typeLine(page, 1, WRONG_LINES[0].line);
    const card = await expectCard(page, 'D2392', ['surface-count']);
    await code(page, 1).press('Alt+Shift+L');
    await expect.poll(() => card.evaluate((host) => !!host.shadowRoot?.activeElement)).toBe(true);
    // Past the close button to the second checklist box.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    const onSecondItem = () =>
      card.evaluate((host) => {
        const active = host.shadowRoot?.activeElement;
        const items = [...(host.shadowRoot?.querySelectorAll('[data-checklist-item]') ?? [])];
        return active?.localName === 'input' ? items.findIndex((item) => item.contains(active)) : -1;
      });
    expect(await onSecondItem()).toBe(1);

    // The page's own script fixes the surfaces: the finding goes, the card is drawn anew, focus stays put.
    await page.evaluate(() => {
      const el = document.querySelector<HTMLInputElement>('[aria-label="28. Tooth surface, line 1"]')!;
      el.value = 'MO';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect(card.locator('[data-rule="surface-count"]')).toHaveCount(0);
    expect(await onSecondItem()).toBe(1);
    await page.keyboard.press('Space');
    await expect(card.locator('[data-checklist-item] input').nth(1)).toBeChecked();
    await expect(field(page, '28. Tooth surface', 1)).toHaveValue('MO');
  });

  test('the card’s close button closes it; changes elsewhere do not bring it back, focusing its field again does', async ({ page, server }) => {
    await page.goto(server.url('demo/claim.html'));
    await typeLine(page, 1, WRONG_LINES[0].line);
    const card = await expectCard(page, 'D2392', ['surface-count']);
    await card.getByRole('button', { name: 'Close CDT Lens card' }).click();
    await expectNoCard(page);
    await expect(page.locator('cdt-lens-badge[data-code="D2392"]')).toHaveCount(1);
    await expect(code(page, 1)).toHaveValue('D2392');

    // Another line changed by script (the page's own autofill) re-checks the claim but does not reopen the card.
    await page.evaluate(() => {
      const el = document.querySelector<HTMLInputElement>('[aria-label="29. Procedure code, line 2"]')!;
      el.value = 'D0120';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect(page.locator('cdt-lens-badge[data-code="D0120"]')).toHaveCount(1);
    await expectNoCard(page);

    // Back in the field, changing its line shows the card again.
    await code(page, 1).click();
    await expectCard(page, 'D2392', ['surface-count']);
  });

  test('checklist items in the card can be ticked with the mouse; ticks stay with their line when the card closes and reopens, another line starts clean', async ({ page, server }) => {
    await page.goto(server.url('demo/claim.html'));
    await typeLine(page, 1, WRONG_LINES[0].line);
    const card = await expectCard(page, 'D2392', ['surface-count']);
    const first = card.locator('[data-checklist-item] input').first();
    await first.click();
    await expect(first).toBeChecked();
    await card.locator('[data-checklist-item] input').nth(1).click();
    await expect(card.locator('[data-checklist-item] input:checked')).toHaveCount(2);
    await expect(cardIn(page)).toHaveAttribute('data-code', 'D2392');
    await expect(code(page, 1)).toHaveValue('D2392');

    // Away and back to the same line: the card returns whole, ticks included.
    await page.locator('h1').first().click();
    await expectNoCard(page);
    await code(page, 1).click();
    const again = await expectCard(page, 'D2392', ['surface-count']);
    await expect(again.locator('[data-checklist-item] input:checked')).toHaveCount(2);
    const items = await again.locator('[data-checklist-item]').count();
    // Another line's card starts with nothing ticked; a code cleared and typed again on the first line shows its card.
    await typeLine(page, 2, { date: '03/04/2025', tooth: '8', code: 'D3330' });
    const other = await expectCard(page, 'D3330', ['tooth-mismatch']);
    await expect(other.locator('[data-checklist-item] input:checked')).toHaveCount(0);
    await code(page, 1).focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await expectNoCard(page);
    await code(page, 1).pressSequentially('D2392', { delay: 5 });
    const retyped = await expectCard(page, 'D2392', ['surface-count']);
    await expect(retyped.locator('[data-checklist-item]')).toHaveCount(items);
    await expect(retyped.locator('[data-rule]')).toHaveCount(1);
  });

  test('hovering a badge shows its card, which goes once the pointer leaves badge and card', async ({ page, server }) => {
    await page.goto(server.url('demo/claim.html'));
    await typeLine(page, 1, WRONG_LINES[0].line);
    await page.locator('h1').first().click();
    await expectNoCard(page);
    const badge = page.locator('cdt-lens-badge[data-code="D2392"]');
    const box = (await badge.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const card = await expectCard(page, 'D2392', ['surface-count']);
    // Into the card (to read it or tick its checklist): it stays.
    const cardBox = (await page.locator('cdt-lens-card').boundingBox())!;
    await page.mouse.move(cardBox.x + cardBox.width / 2, cardBox.y + 20, { steps: 5 });
    await page.waitForTimeout(800);
    await expect(card.locator('[data-rule]')).toHaveCount(1);
    // Away from both: it goes, and the field keeps its value.
    await page.mouse.move(5, 5, { steps: 5 });
    await expectNoCard(page);
    await expect(code(page, 1)).toHaveValue('D2392');
  });

  test('the card ignores the page root font size, follows dark mode and reduced motion', async ({ page, server }) => {
    await page.goto(server.url('demo/claim.html'));
    await typeLine(page, 1, WRONG_LINES[0].line);
    const card = await expectCard(page, 'D2392', ['surface-count']);
    const fontSizes = () =>
      card.evaluate((host) => {
        const root = host.shadowRoot!;
        const px = (sel: string) => getComputedStyle(root.querySelector(sel)!).fontSize;
        return { card: px('.card'), title: px('h2'), rule: px('[data-rule]'), item: px('[data-checklist-item]') };
      });
    const normal = await fontSizes();
    expect(normal.card).toMatch(/px$/);

    await code(page, 1).press('Escape');
    await page.addStyleTag({ content: 'html { font-size: 10px !important; } body { font-size: 2rem !important; } * { line-height: 3 !important; }' });
    await code(page, 1).blur();
    await code(page, 1).focus();
    await expectCard(page, 'D2392', ['surface-count']);
    expect(await fontSizes(), 'page CSS (html { font-size: 10px }) must not reach the card').toEqual(normal);
    // Nor does the card's CSS leak out: the page's own fields keep their font.
    expect(await code(page, 2).evaluate((el) => getComputedStyle(el).fontSize)).toBe('13px');

    // Dark mode: the card's background is dark; light mode: light.
    const background = () => card.evaluate((host) => getComputedStyle(host.shadowRoot!.querySelector('.card')!).backgroundColor);
    const lightness = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3;
    await page.emulateMedia({ colorScheme: 'light' });
    expect(lightness(await background())).toBeGreaterThan(200);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(lightness(await background())).toBeLessThan(80);

    // No motion at all: none for reduced motion, and none otherwise either (an animated card re-layerizes the page).
    const animation = () => card.evaluate((host) => getComputedStyle(host.shadowRoot!.querySelector('.card')!).animationName);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await animation()).toBe('none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await animation()).toBe('none');
  });

  test('the card stays inside the viewport and never covers the field, wherever the field is', async ({ page, server }) => {
    await page.setViewportSize({ width: 900, height: 520 });
    await page.goto(server.url('demo/claim.html'));
    // Line 1 near the top, line 10 near the bottom of the viewport, the remarks below.
    await typeLine(page, 1, { date: '03/04/2025', code: 'D2740' });
    await expectCardBesideField(page, code(page, 1));

    await typeLine(page, 10, { date: '03/04/2025', tooth: '30', surface: 'MODB', code: 'D2392' });
    await expectCard(page, 'D2392', ['surface-count']);
    // Bring line 10 to the bottom edge of the viewport.
    await code(page, 10).evaluate((el) => {
      const r = el.getBoundingClientRect();
      window.scrollBy(0, r.bottom - window.innerHeight + 4);
    });
    await expectCardBesideField(page, code(page, 10));
    // And to the top edge.
    await code(page, 10).evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 2));
    await expectCardBesideField(page, code(page, 10));

    // A narrow window: the code column is near the right edge.
    await page.setViewportSize({ width: 560, height: 520 });
    await code(page, 10).evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'end' }));
    await expectCardBesideField(page, code(page, 10));
    await expect(code(page, 10)).toHaveValue('D2392');
  });

  test('the card looks right (screenshot for visual review)', async ({ page, server }) => {
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.goto(server.url('demo/claim.html'));
    await typeLine(page, 1, { date: '03/04/2025', tooth: '30', surface: 'MODB', code: 'D2392' });
    const card = await expectCard(page, 'D2392', ['surface-count']);
    await expect(card.getByRole('dialog')).toContainText('D2392');
    await expect(card).toHaveScreenshot('card-d2392-surface-count.png', { maxDiffPixelRatio: 0.02, animations: 'disabled' });
    expect((await badgesIn(page)).length).toBe(1);
  });
});
