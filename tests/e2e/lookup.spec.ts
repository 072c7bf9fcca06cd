import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The extension API as an extension page sees it (the polyfill's `browser` is bundled, not global). */
type ChromeGlobal = { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } };

const popup = (id: string, hash = '') => `chrome-extension://${id}/popup.html${hash}`;

async function search(page: Page, text: string) {
  const box = page.locator('input[type="search"]');
  await box.fill('');
  await box.pressSequentially(text, { delay: 10 });
  return box;
}

const options = (page: Page) => page.locator('[role="listbox"] [role="option"][data-code]');
async function topCodes(page: Page, n = 3) {
  const codes = await options(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  return codes.slice(0, n);
}

async function expectNoHorizontalScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => {
    const root = document.documentElement;
    return [root.scrollWidth, root.clientWidth];
  });
  expect(scroll).toBeLessThanOrEqual(client);
}

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('searching lay terms and code fragments ranks the right code first', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(popup(extensionId));

  await search(page, 'deep cleaning');
  await expect(options(page).first()).toHaveAttribute('data-code', /^D434[12]$/);
  await search(page, 'pano');
  await expect.poll(() => topCodes(page)).toContain('D0330');
  await search(page, 'root canal molar');
  await expect(options(page).first()).toHaveAttribute('data-code', 'D3330');
  await search(page, 'nitrous');
  await expect(options(page).first()).toHaveAttribute('data-code', 'D9230');
  await search(page, '0386');
  await expect(options(page).first()).toHaveAttribute('data-code', 'D0386');
  await search(page, 'd2391');
  await expect(options(page).first()).toHaveAttribute('data-code', 'D2391');
  await search(page, 'D03');
  await expect(options(page).first()).toHaveAttribute('data-code', /^D03/);
  expect((await topCodes(page, 50)).every((c) => c?.startsWith('D03'))).toBe(true);
  await search(page, 'extration');
  await expect.poll(() => topCodes(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^D(7140|7210)$/)]));
});

test('the category filter narrows the results', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(popup(extensionId));
  await search(page, 'graft');
  await page.getByLabel('Category').selectOption('Periodontics');
  await expect(options(page).first()).toBeVisible();
  for (const meta of await options(page).locator('.meta').allInnerTexts()) expect(meta).toContain('Periodontics');
});

test('the keyboard moves through results and opens one while focus stays in the search box', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(popup(extensionId));
  const box = await search(page, 'fluoride varnish');
  const first = await options(page).first().getAttribute('data-code');
  const second = await options(page).nth(1).getAttribute('data-code');
  await box.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', `opt-${first}`);
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
  await box.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', `opt-${second}`);
  await box.press('ArrowUp');
  await box.press('Enter');
  await expect(page.locator('#code-title')).toContainText(first!);
  await expect(box).toBeFocused();
  expect(page.url()).toContain(`#${first}`);
  await box.press('Escape');
  await expect(options(page).first()).toBeVisible();
  await box.press('Escape'); // clears the highlight
  await expect(box).not.toHaveAttribute('aria-activedescendant');
  await box.press('Escape'); // then the query
  await expect(box).toHaveValue('');
});

test('a code view shows the whole knowledge card, the tooth chart, edition and payer settings', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(popup(extensionId));
  await search(page, 'D4341');
  await options(page).first().click();
  await expect(page.locator('#code-title')).toContainText('D4341');
  for (const heading of [
    'What the claim line needs',
    'Payer settings',
    'Overview',
    'When to use',
    'Versus similar codes',
    'Documentation checklist',
    'Billing guide',
    'Denials and appeals',
    'Example',
    'Related codes',
    'FAQ',
  ])
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: /Tooth chart for D4341: One quadrant/ })).toBeVisible();
  await expect(page.locator('.odontogram [data-quadrant]')).toHaveCount(4);
  await expect(page.getByText('In CDT since before 2020')).toBeVisible();

  const payer = page.getByLabel('Payer profile');
  await expect(payer.locator('option:checked')).toHaveText('Default');
  await expect(page.getByText(/No payer-specific settings for D4341/)).toBeVisible();
  await payer.selectOption({ label: 'Cigna for HCP' });
  await expect(page.getByText(/No payer-specific settings for D4341 in Cigna/)).toBeVisible();

  await page.getByRole('button', { name: 'Copy code' }).click();
  await expect(page.getByRole('status')).toHaveText('Copied D4341.');

  await page.locator('#sec-similar a[data-code-link]').first().click();
  await expect(page.locator('#code-title')).not.toContainText('D4341');
});

test('a deleted code is marked as such and links to its replacement', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(popup(extensionId));
  await search(page, 'D1352');
  await expect(options(page).first()).toHaveAttribute('data-code', 'D1352');
  await expect(options(page).first()).toContainText(/Deleted in CDT \d{4}/);
  await options(page).first().click();
  await expect(page.locator('.edition.deleted')).toContainText(/Deleted in CDT \d{4}/);
  await page.locator('.edition.deleted a[data-code-link]').first().click();
  await expect(page.locator('#code-title')).toContainText('D2391');
});

test('recent codes keep the last codes opened, newest first', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(popup(extensionId, '#D0120'));
  await expect(page.locator('#code-title')).toContainText('D0120');
  await page.goto(popup(extensionId, '#D0330'));
  await expect(page.locator('#code-title')).toContainText('D0330');
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const { chrome } = globalThis as unknown as ChromeGlobal;
        return (await chrome.storage.local.get('recentCodes')).recentCodes;
      }),
    )
    .toEqual(['D0330', 'D0120']);
  await page.goto(popup(extensionId));
  await page.reload();
  await expect(page.locator('[data-recent]')).toHaveText([/D0330/, /D0120/]);
});

test('codes are compared side by side from the results and the code view', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(popup(extensionId));
  await search(page, 'D4341');
  await page.locator('[data-compare-add="D4341"]').click();
  await search(page, 'D4342');
  await page.locator('[data-compare-add="D4342"]').click();
  await search(page, 'D4355');
  await options(page).first().click();
  await page.getByRole('button', { name: 'Add to compare' }).click();
  const tray = page.getByRole('region', { name: 'Compare tray' });
  await expect(tray.locator('[data-tray-code]')).toHaveText([/D4341/, /D4342/, /D4355/]);
  await tray.getByRole('button', { name: 'Compare', exact: true }).click();
  expect(page.url()).toContain('#compare=D4341,D4342,D4355');
  const table = page.locator('table.compare');
  await expect(table.locator('thead th')).toHaveText(['D4341', 'D4342', 'D4355']);
  const rows = ['Name', 'Area and teeth', 'When to use', 'Documentation checklist', 'Billing', 'Frequency (typical)'];
  for (const row of rows)
    await expect(table.getByRole('columnheader', { name: row, exact: true })).toBeVisible();
  for (const body of await table.locator('tbody').all()) await expect(body.locator('td')).toHaveCount(3);
  await expect(table.locator('td[data-code="D4341"]').first()).toContainText('Deep cleaning');
});

test('deep links open a code view and a comparison', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(popup(extensionId, '#D0370'));
  await expect(page.locator('#code-title')).toContainText('D0370');
  await expect(page.getByRole('heading', { name: 'Overview', exact: true })).toBeVisible();

  const compare = await context.newPage();
  await compare.goto(popup(extensionId, '#compare=D0370,D0386'));
  await expect(compare.locator('table.compare thead th')).toHaveText(['D0370', 'D0386']);
  await expect(compare.locator('[data-tray-code]')).toHaveCount(2);
});

test('the side panel has the same lookup; the popup offers it and says whether CDT Lens is on', async ({
  context,
  extensionId,
}) => {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await search(panel, 'night guard');
  await expect.poll(() => topCodes(panel)).toEqual(expect.arrayContaining([expect.stringMatching(/^D994[456]$/)]));
  await expect(panel.getByRole('button', { name: 'Open in side panel' })).toHaveCount(0);

  const page = await context.newPage();
  await page.goto(popup(extensionId));
  await expect(page.getByRole('button', { name: 'Open in side panel' })).toBeVisible();
  // Opened as a tab of its own, the lookup has no other tab to speak of (lookup-settings.spec.ts covers the status).
  await expect(page.locator('[data-tab-status]')).toHaveCount(0);
});

test('readable at 360 px: no horizontal scroll in results, a code view or a comparison', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 600 });
  await page.goto(popup(extensionId));
  await search(page, 'zirconia crown');
  await expect(options(page).first()).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.goto(popup(extensionId, '#D2740'));
  await expect(page.getByRole('heading', { name: 'FAQ', exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.goto(popup(extensionId, '#compare=D4341,D4342,D4355'));
  await expect(page.locator('table.compare')).toBeVisible();
  await expectNoHorizontalScroll(page);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical problems (${colorScheme})`, async ({ context, extensionId }) => {
    test.slow(); // four full axe runs
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(popup(extensionId));
    expect(await seriousViolations(page)).toEqual([]);

    const box = await search(page, 'deep cleaning');
    await box.press('ArrowDown');
    await page.locator('[data-compare-add]').first().click();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(popup(extensionId, '#D1352'));
    await expect(page.getByRole('heading', { name: 'FAQ', exact: true })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(popup(extensionId, '#compare=D0370,D0386'));
    await expect(page.locator('table.compare')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
