import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { watchErrors } from './page-errors';

/**
 * Lifecycle: the extension reloaded (or updated) under an open portal tab, and its service worker stopped by the
 * browser, as Chrome does after 30 idle seconds.
 */
type Chrome = {
  runtime: { reload(): void };
  storage: { local: { set(v: object): Promise<void> }; session: { set(v: object): Promise<void> } };
  tabs: { query(q: object): Promise<{ id: number }[]> };
};

const field = (page: Page, label: string) => page.getByLabel(`${label}, line 1`, { exact: true });

async function typeLine(page: Page) {
  await field(page, '24. Procedure date').pressSequentially('11/02/2026');
  await field(page, '27. Tooth number(s) or letter(s)').pressSequentially('30');
  await field(page, '28. Tooth surface').pressSequentially('MODB');
  await field(page, '29. Procedure code').pressSequentially('D2392', { delay: 10 });
}

/** Stops the extension's service worker the way the browser does when it is idle. */
async function stopServiceWorker(context: BrowserContext, extensionId: string) {
  const cdp = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  expect(worker, 'the extension service worker is running').toBeTruthy();
  // A message from the page in flight (a frame's loader asking for the inline hints) can keep or wake the worker:
  // close it again until it is gone.
  await expect
    .poll(async () => {
      await cdp.send('Target.closeTarget', { targetId: worker!.targetId }).catch(() => undefined);
      const { targetInfos: now } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string }[] };
      return now.some((t) => t.targetId === worker!.targetId);
    })
    .toBe(false);
  await cdp.detach();
}

test('reloading the extension under an open portal tab removes its UI cleanly, and it comes back on the next page load', async ({
  context,
  server,
  background,
}) => {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url('demo/claim.html'));
  await typeLine(page);
  await expect(page.locator('cdt-lens-badge[data-code="D2392"]')).toHaveAttribute('data-rules', /surface-count/);
  await expect(page.locator('cdt-lens-card')).toHaveCount(1);

  const restarted = context.waitForEvent('serviceworker');
  await background.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.reload());
  await restarted;

  // The orphaned content script notices and takes its badge and card away: nothing stale, nothing broken.
  await expect(page.locator('cdt-lens-badge')).toHaveCount(0);
  await expect(page.locator('cdt-lens-card')).toHaveCount(0);
  // The page keeps working and keeps every value; typing on does not wake the orphan.
  await field(page, '29. Procedure code').press('End');
  await field(page, '29. Procedure code').press('Backspace');
  await field(page, '29. Procedure code').pressSequentially('3');
  await expect(field(page, '29. Procedure code')).toHaveValue('D2393');
  await expect(field(page, '28. Tooth surface')).toHaveValue('MODB');
  await page.waitForTimeout(300);
  await expect(page.locator('cdt-lens-badge')).toHaveCount(0);

  // The next page load runs the new version.
  await page.reload();
  await typeLine(page);
  await expect(page.locator('cdt-lens-badge[data-code="D2392"]')).toHaveAttribute('data-rules', /surface-count/);
  expect(errors).toEqual([]);
});

test('a stopped service worker loses nothing: settings, the payer picked for a tab and full cards all still work', async ({
  context,
  server,
  background,
  extensionId,
}) => {
  await background.evaluate(async () => {
    await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set({
      settings: {
        version: 1,
        payers: { cigna: { codes: { D2392: { note: 'Cigna wants the pre-op radiograph.' } } } },
        addedPayers: [],
        sites: [],
        licensedData: false,
      },
    });
  });
  const page = await context.newPage();
  await page.goto(server.url('demo/claim.html'));
  // Without the tabs permission the worker sees no addresses: the portal is the newest tab.
  const tabId = await background.evaluate(async () =>
    Math.max(...(await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({})).map((t) => t.id)),
  );
  expect(tabId).toBeGreaterThan(0);
  await background.evaluate(async (id) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.set({ [`tabPayer:${id}`]: 'cigna' }), tabId!);

  await stopServiceWorker(context, extensionId);

  // The page asks the (stopped) worker for this tab's payer and, on focus, for the full card: it wakes and answers.
  const errors = watchErrors(page);
  await page.reload();
  await typeLine(page);
  const card = page.locator('cdt-lens-card[data-code="D2392"]');
  await expect(card.locator('[data-rule="surface-count"]')).toHaveCount(1);
  await expect(card.locator('.payer-note')).toContainText('Cigna wants the pre-op radiograph.');
  await expect(card.locator('[data-checklist-item]').first()).toBeAttached();
  expect(await card.locator('[data-checklist-item]').count()).toBeGreaterThan(2);
  expect(errors).toEqual([]);
});
