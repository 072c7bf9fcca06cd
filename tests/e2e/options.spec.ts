import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';

/** browser.storage.local as the extension sees it, read and written from its service worker. */
type Chrome = { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } };
const stored = (background: Worker, key: string) =>
  background.evaluate(async (k) => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get(k))[k], key);
const store = (background: Worker, value: object) =>
  background.evaluate(async (v) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set(v), value);

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'CDT Lens settings' })).toBeVisible();
  await expect(page.locator('[data-payer="default"]')).toHaveCount(1);
  return page;
}

async function setDefaultRule(options: Page, rule: string, severity: string) {
  await options.locator('[data-payer="default"] button').click();
  await options.locator(`#rule-${rule}`).selectOption(severity);
  await expect(options.getByText('You have changes that are not saved yet.')).toBeVisible();
  await options.locator('[data-save]').click();
  await expect(options.getByText('All changes are saved.').or(options.getByText(/^Saved\./))).toBeVisible();
}

// Needs the content script to follow settings live (lib/settings/read.ts watchPayerFor, or watchSettings).
test('editing a payer in the options page changes the badges of an open portal tab, without reloading it', async ({
  context,
  extensionId,
  server,
}) => {
  const portal = await context.newPage();
  await portal.goto(server.url('demo/claim.html'));
  await portal.getByLabel('27. Tooth number(s) or letter(s), line 1', { exact: true }).fill('8');
  const code = portal.getByLabel('29. Procedure code, line 1', { exact: true });
  await code.click();
  await code.pressSequentially('D2740', { delay: 20 });
  const badge = portal.locator('cdt-lens-badge[data-code="D2740"]');
  await expect(badge).toHaveAttribute('data-rules', /\bprior-auth\b/);
  await expect(badge).not.toHaveAttribute('data-severity', 'error');

  const options = await openOptions(context, extensionId);
  await setDefaultRule(options, 'prior-auth', 'error');
  await expect(badge).toHaveAttribute('data-severity', 'error');
  await expect(badge).toHaveAttribute('data-rules', /\bprior-auth\b/);

  await setDefaultRule(options, 'prior-auth', 'off');
  await expect(badge).not.toHaveAttribute('data-rules', /\bprior-auth\b/);
  await expect(code).toHaveValue('D2740');
});

test('settings are stored as changes only, and a code policy is edited with search', async ({ context, extensionId, background }) => {
  const options = await openOptions(context, extensionId);
  await options.locator('[data-payer="delta-dental-ddic"] button').click();
  await expect(options.getByRole('heading', { name: 'Delta Dental (DDIC)' })).toBeVisible();
  await options.getByLabel('Find a code').fill('D2740');
  await options.locator('[data-code="D2740"] button[aria-expanded]').click();
  await options.getByLabel('Prior authorisation', { exact: true }).selectOption('yes');
  await options.getByLabel('Attachments required (one per line)').fill('Pre-op radiograph\nNarrative');
  await options.locator('[data-save]').click();
  await expect(options.getByText(/^Saved\./)).toBeVisible();
  expect(await stored(background, 'settings')).toEqual({
    version: 1,
    payers: { 'delta-dental-ddic': { codes: { D2740: { priorAuth: true, attachments: ['Pre-op radiograph', 'Narrative'] } } } },
    addedPayers: [],
    sites: [],
    licensedData: false,
  });

  // Reset to defaults asks first, then leaves nothing stored for the payer once saved.
  await options.getByRole('button', { name: 'Reset to defaults' }).click();
  const dialog = options.getByRole('dialog', { name: /Reset Delta Dental \(DDIC\)/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Reset payer' }).click();
  await options.locator('[data-save]').click();
  await expect(options.getByText(/^Saved\./)).toBeVisible();
  expect(((await stored(background, 'settings')) as { payers: object }).payers).toEqual({});
});

test('export and re-import settings, seeing what changes first', async ({ context, extensionId, background }) => {
  const options = await openOptions(context, extensionId);
  await setDefaultRule(options, 'prior-auth', 'error');

  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export all settings' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^cdt-lens-settings-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'cdt-lens-settings', version: 1, settings: { payers: { default: { rules: { 'prior-auth': 'error' } } } } });

  await setDefaultRule(options, 'prior-auth', 'off');
  await options.getByLabel('Import a settings file').setInputFiles({ name: 'exported.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const preview = options.locator('[data-import-preview]');
  await expect(preview).toContainText('Changed: Default');
  await expect(preview).toContainText('Rule prior-auth: off → error');
  expect(((await stored(background, 'settings')) as { payers: { default: { rules: object } } }).payers.default.rules).toEqual({ 'prior-auth': 'off' });
  await preview.getByRole('button', { name: 'Apply these changes' }).click();
  await expect(options.getByText('Imported exported.json.')).toBeVisible();
  await options.locator('[data-payer="default"] button').click();
  await expect(options.locator('#rule-prior-auth')).toHaveValue('error');
  expect(((await stored(background, 'settings')) as { payers: { default: { rules: object } } }).payers.default.rules).toEqual({ 'prior-auth': 'error' });
});

test('a bad import is refused with the reason, and nothing changes', async ({ context, extensionId, background }) => {
  const options = await openOptions(context, extensionId);
  await setDefaultRule(options, 'by-report', 'off');
  const before = await stored(background, 'settings');
  const files = [
    ['broken.json', '{"format":"cdt-lens-settings","version":1,"settings":{"pay', /not valid JSON/],
    ['hostile.json', '{"format":"cdt-lens-settings","version":1,"settings":{"version":1,"__proto__":{"admin":true}}}', /“__proto__”/],
    ['future.json', '{"format":"cdt-lens-settings","version":9,"settings":{"version":9}}', /version 9/],
    ['rules.json', '{"format":"cdt-lens-settings","version":1,"settings":{"version":1,"payers":{"default":{"rules":{"mine":"error"}}}}}', /unknown rule id “mine”/],
  ] as const;
  for (const [name, content, reason] of files) {
    await options.getByLabel('Import a settings file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
    const error = options.locator('[data-import-error]');
    await expect(error).toContainText(name);
    await expect(error).toContainText(reason);
    await expect(error).toContainText('Your settings were not changed.');
    await expect(options.locator('[data-import-preview]')).toHaveCount(0);
  }
  expect(await stored(background, 'settings')).toEqual(before);
});

test('settings corrupted by hand are recovered to the defaults, with a copy kept and the user told', async ({
  context,
  extensionId,
  background,
}) => {
  await store(background, { settings: { version: 1, payers: { default: { rules: { 'prior-auth': 12 } } } } });
  const options = await openOptions(context, extensionId);
  const banner = options.locator('[data-recovered]');
  await expect(banner).toContainText('Your saved settings could not be read');
  expect(await stored(background, 'settings')).toMatchObject({ version: 1, payers: {} });
  expect(await stored(background, 'settingsRecovered')).toMatchObject({ raw: { version: 1, payers: { default: { rules: { 'prior-auth': 12 } } } } });
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const)
  test(`the options page has no serious accessibility problems (${colorScheme}) and fits 800 px`, async ({ context, extensionId }) => {
    test.slow(); // two axe runs over a long page
    const options = await openOptions(context, extensionId);
    await options.setViewportSize({ width: 800, height: 900 });
    await options.emulateMedia({ colorScheme });
    await options.getByLabel('Find a code').fill('D2740');
    await options.locator('[data-code="D2740"] button[aria-expanded]').click();
    await options.locator('#rule-prior-auth').selectOption('warning');
    const results = await new AxeBuilder({ page: options }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await options.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);

    // Keyboard: the confirm dialog opens with Cancel focused, and Escape leaves everything as it was.
    await options.getByRole('button', { name: 'Discard changes' }).focus();
    await options.keyboard.press('Enter');
    await expect(options.getByRole('dialog')).toBeVisible();
    await expect(options.getByRole('dialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
    const dialogResults = await new AxeBuilder({ page: options }).include('dialog').analyze();
    expect(dialogResults.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await options.keyboard.press('Escape');
    await expect(options.getByRole('dialog')).toBeHidden();
    await expect(options.locator('#rule-prior-auth')).toHaveValue('warning');
  });
