import type { Request } from '@playwright/test';
import { expect, test } from '../fixtures';

const PATIENT = {
  name: 'Marguerite Okonkwo-Halvorsen',
  dob: '03/17/1984',
  member: 'XQZ8814205537',
  claim: 'CLM-20261102-77413',
};

/**
 * CDT Lens keeps protected health information where it is: no extension context makes a network request during
 * a full session, and nothing a user typed into a portal ends up in any extension storage.
 */
test('a full session (portal typing, popup search, options) makes no request outside the local test server', async ({ context, extensionId, server }) => {
  const requests: { url: string; from: string }[] = [];
  const record = (r: Request) => requests.push({ url: r.url(), from: r.serviceWorker()?.url() ?? r.frame().url() });
  // Requests from pages, frames, extension pages and the extension's service worker all reach the context.
  context.on('request', record);
  // Console messages from the extension's code, wherever it runs (content script, popup, options).
  const logged: { type: string; text: string }[] = [];
  context.on('console', (m) => {
    if (m.location().url.startsWith(`chrome-extension://${extensionId}/`)) logged.push({ type: m.type(), text: m.text() });
  });

  const portal = await context.newPage();
  await portal.goto(server.url('demo/claim.html'));
  await portal.getByLabel('20. Patient name').pressSequentially(PATIENT.name);
  await portal.getByLabel('29. Procedure code, line 1', { exact: true }).pressSequentially('D0120');
  await portal.getByLabel('29. Procedure code, line 2', { exact: true }).pressSequentially('D2740');
  await expect(portal.locator('cdt-lens-badge')).toHaveCount(2);
  await portal.getByLabel('29. Procedure code, line 2', { exact: true }).focus();
  await expect(portal.locator('cdt-lens-card [data-checklist-item]').first()).toBeAttached();

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.locator('input[type="search"]').pressSequentially('pano');
  await expect(popup.locator('[role="option"]').first()).toBeVisible();

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: 'CDT Lens settings' })).toBeVisible();

  // The session did reach the extension's own files (cards loaded on demand), so recording works.
  expect(requests.some((r) => r.url.startsWith(`chrome-extension://${extensionId}/`))).toBe(true);
  const outside = requests.filter(({ url }) => {
    const u = new URL(url);
    if (u.origin === server.origin) return false;
    if (u.protocol === 'chrome-extension:' && u.host === extensionId) return false;
    return u.protocol !== 'data:' && u.protocol !== 'blob:';
  });
  expect(outside).toEqual([]);
  // Nothing is logged but errors, and no error carries what was typed.
  expect(logged.filter((m) => m.type !== 'error')).toEqual([]);
  for (const value of Object.values(PATIENT)) expect(logged.map((m) => m.text).join('\n')).not.toContain(value);
});

test('the production manifest forbids connections from extension pages', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const manifest = await page.evaluate(() => chrome.runtime.getManifest());
  const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
  expect(csp).toMatch(/connect-src 'none'/);
  expect(csp).toMatch(/script-src 'self'/);
  expect(manifest).not.toHaveProperty('externally_connectable');
  // A page of the extension that tries to reach the network is refused by that policy.
  const blocked = await page.evaluate(() =>
    fetch('http://127.0.0.1:9/never').then(
      () => 'allowed',
      () => 'blocked',
    ),
  );
  expect(blocked).toBe('blocked');
});

test('patient names, member ids, birth dates and codes typed into a portal are kept nowhere by the extension', async ({ context, extensionId, background, server }) => {
  const portal = await context.newPage();
  await portal.goto(server.url('demo/claim.html'));
  await portal.getByLabel('20. Patient name').pressSequentially(PATIENT.name);
  await portal.getByLabel('21. Date of birth').pressSequentially(PATIENT.dob);
  await portal.getByLabel('15. Subscriber ID').pressSequentially(PATIENT.member);
  await portal.getByLabel('Claim number').pressSequentially(PATIENT.claim);
  const codes = ['D0150', 'D0274', 'D2391'];
  for (const [i, code] of codes.entries()) await portal.getByLabel(`29. Procedure code, line ${i + 1}`, { exact: true }).pressSequentially(code);
  await expect(portal.locator('cdt-lens-badge')).toHaveCount(3);
  await portal.getByLabel('29. Procedure code, line 3', { exact: true }).focus();
  await expect(portal.locator('cdt-lens-card')).toHaveCount(1);

  const stored = await background.evaluate(async () => {
    const dump = async (area: chrome.storage.StorageArea | undefined) => (area ? JSON.stringify(await area.get(null)) : '');
    const databases = 'databases' in indexedDB ? await indexedDB.databases() : [];
    return {
      local: await dump(chrome.storage.local),
      sync: await dump(chrome.storage.sync),
      session: await dump(chrome.storage.session),
      indexedDb: JSON.stringify(databases),
    };
  });
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const pageStorage = await page.evaluate(async () => ({
    localStorage: JSON.stringify({ ...localStorage }),
    sessionStorage: JSON.stringify({ ...sessionStorage }),
    indexedDb: JSON.stringify('databases' in indexedDB ? await indexedDB.databases() : []),
  }));
  const everything = JSON.stringify({ stored, pageStorage });
  for (const value of [...Object.values(PATIENT), ...codes, 'Okonkwo', '1984', '8814205537']) expect(everything).not.toContain(value);
});

test('the page hears nothing from CDT Lens: no window message while it loads, reads and checks the page', async ({ context, server }) => {
  const portal = await context.newPage();
  // Recorded in the page's own world, before any of its scripts, as a page's message listener would see them.
  await portal.addInitScript(() => {
    const heard: unknown[] = [];
    Object.assign(window, { heard });
    window.addEventListener('message', (e) => heard.push(e.data), true);
  });
  await portal.goto(server.url('demo/claim.html'));
  await portal.getByLabel('29. Procedure code, line 1', { exact: true }).pressSequentially('D2740');
  await expect(portal.locator('cdt-lens-badge[data-code="D2740"]')).toHaveCount(1);
  await expect(portal.locator('cdt-lens-card [data-checklist-item]').first()).toBeAttached();
  expect(await portal.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);
});
