import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../lib/messages/background';
import { clearTabPayer, getTabPayer, setTabPayer } from '../../../lib/settings/tab-payer';

const own = (tabId?: number) => ({ id: browser.runtime.id, tab: tabId === undefined ? undefined : ({ id: tabId } as never) });

describe('the payer picked for a tab', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.tabs.sendMessage = vi.fn(async () => undefined) as never;
  });

  it('is kept in storage.session per tab, and forgotten', async () => {
    await setTabPayer(3, 'cigna');
    await setTabPayer(4, 'guardian');
    expect(await browser.storage.session.get()).toEqual({ 'tabPayer:3': 'cigna', 'tabPayer:4': 'guardian' });
    expect(await getTabPayer(3)).toBe('cigna');
    await setTabPayer(3, null);
    expect(await getTabPayer(3)).toBeNull();
    await clearTabPayer(4);
    expect(await getTabPayer(4)).toBeNull();
    expect(await browser.storage.local.get()).toEqual({});
  });

  it('is kept for each of two tabs picked at once (a pick is one write, with nothing read first)', async () => {
    await Promise.all([setTabPayer(3, 'cigna'), setTabPayer(4, 'guardian')]);
    expect(await browser.storage.session.get()).toEqual({ 'tabPayer:3': 'cigna', 'tabPayer:4': 'guardian' });
  });

  it('ignores a stored value that is not a payer id', async () => {
    await browser.storage.session.set({ 'tabPayer:3': { id: 'cigna' } });
    expect(await getTabPayer(3)).toBeNull();
  });

  it('is told to the tab’s content scripts right away', async () => {
    await setTabPayer(3, 'cigna');
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenCalledWith(3, { type: 'tab-payer-changed', payerId: 'cigna' });
  });

  it('does not fail for a tab without a content script', async () => {
    fakeBrowser.tabs.sendMessage = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as never;
    await expect(setTabPayer(5, 'cigna')).resolves.toBeUndefined();
  });

  it('is answered to the tab’s own content script by the background', async () => {
    await setTabPayer(3, 'cigna');
    expect(await handleMessage({ type: 'get-tab-payer' }, own(3))).toEqual({ payerId: 'cigna' });
    expect(await handleMessage({ type: 'get-tab-payer' }, own(9))).toEqual({ payerId: null });
    expect(await handleMessage({ type: 'get-tab-payer' }, own())).toEqual({ payerId: null });
  });
});

describe('the background’s message handler', () => {
  it('answers only this extension’s own contexts and known messages', () => {
    const stranger = { id: 'some-other-extension', tab: { id: 3 } as never };
    expect(handleMessage({ type: 'get-tab-payer' }, stranger)).toBeUndefined();
    expect(handleMessage({ type: 'get-card', code: 'D0120' }, stranger)).toBeUndefined();
    expect(handleMessage({ type: 'open-full-card', code: 'D0120' }, stranger)).toBeUndefined();
    expect(handleMessage({ type: 'set-everything' }, own(3))).toBeUndefined();
    expect(handleMessage({ type: 'get-card' }, own(3))).toBeUndefined();
  });

  it('still answers get-card', async () => {
    const card = { code: 'D0120' };
    vi.stubGlobal('fetch', vi.fn(async () => ({ json: async () => ({ D0120: card }) })));
    try {
      expect(await handleMessage({ type: 'get-card', code: 'D0120' }, own())).toEqual(card);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
