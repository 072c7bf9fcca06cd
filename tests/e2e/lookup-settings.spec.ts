import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { chromiumArgs, launchChromium } from '../support/browser';
import { expect, test as base } from './fixtures';

/**
 * The lookup connected to the settings: this tab's status and payer, payer settings from storage, licensed text.
 *
 * The popup learns a tab's address the way it does for a user: clicking the toolbar button grants activeTab for
 * that tab. The test clicks it through DevTools (Extensions.triggerAction, which needs
 * --enable-unsafe-extension-debugging), then opens the lookup as a page beside the tab and brings the tab to the
 * front, so the lookup's "active tab of my window" is the portal. `pms.example.invalid` resolves to the local
 * page server: a web page that is not one of the e2e build's local hosts, so CDT Lens is off there.
 */
const OFF_HOST = 'pms.example.invalid';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a pattern.
  context: async ({}, use) => {
    const { context, close } = await launchChromium({
      args: [...chromiumArgs(), '--enable-unsafe-extension-debugging', `--host-resolver-rules=MAP ${OFF_HOST} 127.0.0.1`],
    });
    await use(context);
    await close();
  },
});

type Area = { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void>; remove(k: string): Promise<void> };
type Chrome = { storage: { local: Area; session: Area }; tabs: { query(q: object): Promise<{ id: number }[]> } };

const stored = (background: Worker, area: 'local' | 'session', key: string) =>
  background.evaluate(
    async ([a, k]) => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage[a as 'local'].get(k))[k],
    [area, key],
  );
/** The payers picked for tabs, by tab id, as storage.session holds them (one key per tab). */
const tabPayers = (background: Worker) =>
  background.evaluate(async () => {
    const all = await (globalThis as unknown as { chrome: { storage: { session: { get(): Promise<Record<string, unknown>> } } } }).chrome.storage.session.get();
    return Object.fromEntries(Object.entries(all).flatMap(([key, value]) => (key.startsWith('tabPayer:') ? [[key.slice('tabPayer:'.length), value]] : [])));
  });
const store = (background: Worker, value: object) =>
  background.evaluate(async (v) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set(v), value);
const forget = (background: Worker, key: string) =>
  background.evaluate(async (k) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.remove(k), key);

/** Clicks CDT Lens's toolbar button on a tab, as a user does: the popup opens and gets activeTab for the tab. */
async function clickToolbarButton(context: BrowserContext, tab: Page, extensionId: string) {
  const cdp = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
    targetInfos: { targetId: string; url: string }[];
  };
  const target = targetInfos.find((t) => t.url === tab.url());
  expect(target, `a tab target for ${tab.url()}`).toBeTruthy();
  await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: target!.targetId } as never);
  await cdp.detach();
}

/** A page at `url`, with the toolbar button clicked on it, and the lookup (`page`) looking at it. */
async function lookupBeside(context: BrowserContext, extensionId: string, url: string, page = 'popup.html') {
  const tab = await context.newPage();
  await tab.goto(url);
  await clickToolbarButton(context, tab, extensionId);
  const lookup = await context.newPage();
  await lookup.goto(`chrome-extension://${extensionId}/${page}`);
  await tab.bringToFront();
  await expect(lookup.locator('[data-tab-status]')).toBeVisible();
  const tabId = await lookup.evaluate(async () => {
    const [active] = await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({ active: true, currentWindow: true });
    return active.id;
  });
  return { tab, lookup, tabId };
}

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function expectNoHorizontalScroll(page: Page) {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll).toBeLessThanOrEqual(client);
}

const settingsWith = (payers: object) => ({ version: 1, payers, addedPayers: [], sites: [], licensedData: false });

test('on a local page the popup says CDT Lens is on, and a payer picked for the tab is kept in storage.session', async ({
  context,
  extensionId,
  server,
  background,
}) => {
  const { lookup, tabId } = await lookupBeside(context, extensionId, server.url('demo/claim.html'));
  const status = lookup.locator('[data-tab-status]');
  await expect(status).toHaveAttribute('data-tab-status', 'active');
  await expect(status).toHaveAttribute('data-site-source', 'built-in');
  await expect(status).toContainText('On for this page');
  await expect(status).toContainText('can’t be turned off here');
  await expect(lookup.locator('[data-site-on], [data-site-off]')).toHaveCount(0);

  const payer = lookup.getByLabel('Payer on this tab');
  await expect(payer.locator('option:checked')).toHaveText('Automatic (by site): Default');
  await payer.selectOption({ label: 'Cigna for HCP' });
  await expect.poll(() => tabPayers(background)).toEqual({ [tabId]: 'cigna' });
  expect(await stored(background, 'local', `tabPayer:${tabId}`)).toBeUndefined();
  await expect(payer.locator('option:checked')).toHaveText('Cigna for HCP');
  await expect(lookup.getByText('Picked for this tab only')).toBeVisible();

  // The code view defaults to the payer in force on the tab.
  await lookup.goto(`chrome-extension://${extensionId}/popup.html#D2740`);
  await expect(lookup.getByLabel('Payer profile').locator('option:checked')).toHaveText('Cigna for HCP (this tab)');

  // Back to automatic: the override is gone from storage.session.
  await lookup.getByLabel('Payer on this tab').selectOption({ label: 'Automatic (by site)' });
  await expect.poll(() => tabPayers(background)).toEqual({});
  await expect(lookup.getByLabel('Payer profile').locator('option:checked')).toHaveText('Default (this tab)');
});

test('payer settings in the code view come from the stored settings and follow changes live', async ({
  context,
  extensionId,
  server,
  background,
}) => {
  await store(background, {
    settings: settingsWith({
      cigna: { codes: { D2740: { priorAuth: true, attachments: ['Pre-operative radiograph'] } }, note: 'Call provider services first.' },
    }),
  });
  const { lookup } = await lookupBeside(context, extensionId, server.url('demo/claim.html'));
  // The popup is left as soon as the payer is picked (it closes): the pick is kept all the same.
  await lookup.getByLabel('Payer on this tab').selectOption({ label: 'Cigna for HCP' });
  await lookup.goto(`chrome-extension://${extensionId}/popup.html#D2740`);
  const settings = lookup.locator('.payer-settings');
  await expect(settings).toHaveAttribute('data-payer', 'cigna');
  await expect(settings.locator('[data-payer-policy]')).toContainText('Prior authorisationRequired');
  await expect(settings.locator('[data-payer-policy]')).toContainText('Pre-operative radiograph');
  await expect(settings).toContainText('Call provider services first.');

  await store(background, { settings: settingsWith({ cigna: { codes: { D2740: { priorAuth: false } } } }) });
  await expect(settings.locator('[data-payer-policy]')).toContainText('Prior authorisationNot required');
  await expect(settings).not.toContainText('Call provider services first.');

  // Another payer picked in the code view shows its own (bundled: none) settings.
  await lookup.getByLabel('Payer profile').selectOption({ label: 'Guardian' });
  await expect(lookup.getByText('No payer-specific settings for D2740 in Guardian.')).toBeVisible();
});

test('the licensed CDT descriptor shows beside the summary when the practice imported it, and not otherwise', async ({
  context,
  extensionId,
  background,
}) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html#D2740`);
  await expect(page.getByRole('heading', { name: 'Overview', exact: true })).toBeVisible();
  await expect(page.locator('[data-licensed]')).toHaveCount(0);
  await expect(page.getByText('Licensed CDT descriptor')).toHaveCount(0);

  await store(background, {
    licensedDescriptors: {
      importedAt: '2025-01-02T03:04:05.000Z',
      source: 'practice-cdt.csv',
      entries: { D2740: { nomenclature: 'Test nomenclature for D2740', descriptor: 'Test descriptor for D2740.' } },
    },
  });
  const block = page.locator('[data-licensed]');
  await expect(block).toContainText('Licensed CDT descriptor (from your practice’s file)');
  await expect(block).toContainText('Test nomenclature for D2740');
  await expect(block).toContainText('Test descriptor for D2740.');
  await expect(block).toContainText('practice-cdt.csv');
  await expect(page.locator('[data-summary]')).toContainText('CDT Lens plain-language summary');

  await page.goto(`chrome-extension://${extensionId}/popup.html#D0120`);
  await expect(page.locator('#code-title')).toContainText('D0120');
  await expect(page.locator('[data-licensed]')).toHaveCount(0);

  await page.goto(`chrome-extension://${extensionId}/popup.html#D2740`);
  await expect(block).toBeVisible();
  await forget(background, 'licensedDescriptors');
  await expect(block).toHaveCount(0);
});

test('on a web page CDT Lens is not on for, the popup offers to turn it on and asks the browser', async ({
  context,
  extensionId,
  server,
  background,
}) => {
  const url = server.url('demo/claim.html').replace('127.0.0.1', OFF_HOST);
  const origin = new URL(url).origin;
  const { lookup, tab } = await lookupBeside(context, extensionId, url);
  await expect(tab.locator('cdt-lens-badge')).toHaveCount(0);
  const status = lookup.locator('[data-tab-status]');
  await expect(status).toHaveAttribute('data-tab-status', 'inactive');
  await expect(status).toContainText('Not on for this page');
  await expect(lookup.getByLabel('Payer on this tab')).toHaveCount(0);
  const turnOn = lookup.getByRole('button', { name: `Turn on CDT Lens for ${origin}` });
  await expect(turnOn).toBeVisible();

  // The click asks the browser at once; its prompt cannot be answered headless, so the popup waits for it.
  await turnOn.click();
  await expect(lookup.locator('[data-site-notice]')).toHaveText(`Answer the browser’s question to turn CDT Lens on for ${origin}.`);
  await expect(turnOn).toBeDisabled();
  expect(((await stored(background, 'local', 'settings')) as { sites?: string[] } | undefined)?.sites ?? []).toEqual([]);
});

test('the side panel shows the same status and payer for the active tab', async ({ context, extensionId, server }) => {
  const { lookup } = await lookupBeside(context, extensionId, server.url('demo/claim.html'), 'sidepanel.html');
  await expect(lookup.locator('[data-tab-status]')).toHaveAttribute('data-tab-status', 'active');
  await expect(lookup.getByLabel('Payer on this tab').locator('option:checked')).toHaveText('Automatic (by site): Default');
  await lookup.getByLabel('Payer on this tab').selectOption({ label: 'Guardian' });
  await expect(lookup.locator('[data-tab-payer]')).toHaveAttribute('data-tab-payer', 'guardian');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`this tab's status and payer, and licensed text: axe-clean and readable at 360 px (${colorScheme})`, async ({
    context,
    extensionId,
    server,
    background,
  }) => {
    test.slow();
    await store(background, {
      licensedDescriptors: {
        importedAt: '2025-01-02T03:04:05.000Z',
        source: 'practice-cdt.csv',
        entries: { D2740: { nomenclature: 'Test nomenclature for D2740', descriptor: 'Test descriptor for D2740.' } },
      },
    });
    const off = await lookupBeside(context, extensionId, server.url('demo/claim.html').replace('127.0.0.1', OFF_HOST));
    await off.lookup.emulateMedia({ colorScheme });
    await off.lookup.setViewportSize({ width: 360, height: 600 });
    await expect(off.lookup.locator('[data-site-on]')).toBeVisible();
    await expectNoHorizontalScroll(off.lookup);
    expect(await seriousViolations(off.lookup)).toEqual([]);

    const on = await lookupBeside(context, extensionId, server.url('demo/claim.html'));
    await on.lookup.emulateMedia({ colorScheme });
    await on.lookup.setViewportSize({ width: 360, height: 600 });
    await on.lookup.getByLabel('Payer on this tab').selectOption({ label: 'Delta Dental (national dentist dashboard)' });
    await expect(on.lookup.getByText('Picked for this tab only')).toBeVisible();
    await expectNoHorizontalScroll(on.lookup);
    expect(await seriousViolations(on.lookup)).toEqual([]);

    await on.lookup.goto(`chrome-extension://${extensionId}/popup.html#D2740`);
    await expect(on.lookup.locator('[data-licensed]')).toBeVisible();
    await expect(on.lookup.getByRole('heading', { name: 'FAQ', exact: true })).toBeVisible();
    await expectNoHorizontalScroll(on.lookup);
    expect(await seriousViolations(on.lookup)).toEqual([]);
  });
}
