import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings } from '../../../lib/settings/read';
import { emptySettings } from '../../../lib/settings/schema';
import { saveSettings } from '../../../lib/settings/store';
import { disableSite, enableSite, followPermissionChange, isSiteEnabled, listSites, syncSites } from '../../../lib/sites';
import { CONTENT_SCRIPT_FILE } from '../../../lib/sites/registration';
import { fakeChrome } from './fake-chrome';

describe('turning CDT Lens on and off for a site', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks for the site’s permission, stores the site and registers the content script', async () => {
    const chrome = fakeChrome();
    expect(await enableSite('https://pms.example.com/claims/123')).toEqual({ ok: true, origin: 'https://pms.example.com' });
    expect(chrome.api.permissions.request).toHaveBeenCalledWith({ origins: ['https://pms.example.com/*'] });
    expect((await readSettings()).sites).toEqual(['https://pms.example.com']);
    expect([...chrome.scripts.values()]).toEqual([
      {
        id: 'cdt-lens-site:https://pms.example.com/*',
        matches: ['https://pms.example.com/*'],
        js: [CONTENT_SCRIPT_FILE],
        allFrames: true,
        runAt: 'document_start',
        persistAcrossSessions: true,
      },
    ]);
    expect(await listSites()).toEqual([{ origin: 'https://pms.example.com', granted: true }]);
    expect(await isSiteEnabled('https://pms.example.com/other')).toBe(true);
    expect(await isSiteEnabled('https://elsewhere.example.com/')).toBe(false);
  });

  it('asks for the permission before anything else (no await before it: user gesture)', async () => {
    const chrome = fakeChrome();
    const pending = enableSite('pms.example.com');
    expect(chrome.api.permissions.request).toHaveBeenCalledTimes(1);
    await pending;
  });

  it('stores nothing when the user says no', async () => {
    const chrome = fakeChrome({ grant: false });
    expect(await enableSite('pms.example.com')).toEqual({ ok: false, origin: 'https://pms.example.com', reason: 'denied' });
    expect((await readSettings()).sites).toEqual([]);
    expect(chrome.scripts.size).toBe(0);
  });

  it('does not ask for a bundled payer portal, where it already runs', async () => {
    const chrome = fakeChrome();
    expect(await enableSite('https://www.deltadentalins.com/x')).toMatchObject({ ok: true, already: true });
    expect(chrome.api.permissions.request).not.toHaveBeenCalled();
    expect(await isSiteEnabled('https://www.deltadentalins.com/claims')).toBe(true);
  });

  it('turning a site off unregisters it and gives the permission back', async () => {
    const chrome = fakeChrome();
    await enableSite('pms.example.com');
    await enableSite('other.example.com');
    await disableSite('https://pms.example.com');
    expect((await readSettings()).sites).toEqual(['https://other.example.com']);
    expect([...chrome.scripts.keys()]).toEqual(['cdt-lens-site:https://other.example.com/*']);
    expect(chrome.api.permissions.remove).toHaveBeenCalledWith({ origins: ['https://pms.example.com/*'] });
    expect(chrome.granted.has('https://pms.example.com/*')).toBe(false);
  });

  it('re-registers stored, granted sites after a restart or update, and skips withdrawn ones', async () => {
    const chrome = fakeChrome();
    await saveSettings({ ...emptySettings(), sites: ['https://a.example', 'https://b.example'] });
    chrome.granted.add('https://a.example/*');
    await syncSites();
    expect([...chrome.scripts.keys()]).toEqual(['cdt-lens-site:https://a.example/*']);
    await syncSites();
    expect(chrome.api.scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(await listSites()).toEqual([
      { origin: 'https://a.example', granted: true },
      { origin: 'https://b.example', granted: false },
    ]);
  });

  it('follows permissions granted or withdrawn in the browser’s own settings', async () => {
    const chrome = fakeChrome();
    chrome.granted.add('https://pms.example.com/*');
    await followPermissionChange(['https://pms.example.com/*', 'https://*/*'], true);
    expect((await readSettings()).sites).toEqual(['https://pms.example.com']);
    expect(chrome.scripts.size).toBe(1);
    chrome.granted.clear();
    await followPermissionChange(['https://pms.example.com/*'], false);
    expect((await readSettings()).sites).toEqual([]);
    expect(chrome.scripts.size).toBe(0);
  });

  it('registers a site again when an older version registered it with another file or run time', async () => {
    const chrome = fakeChrome();
    await enableSite('pms.example.com');
    const id = 'cdt-lens-site:https://pms.example.com/*';
    chrome.scripts.set(id, { ...chrome.scripts.get(id)!, runAt: 'document_idle' } as never);
    await syncSites();
    expect(chrome.scripts.get(id)).toMatchObject({ js: [CONTENT_SCRIPT_FILE], runAt: 'document_start' });
    expect(chrome.api.scripting.unregisterContentScripts).toHaveBeenCalledWith({ ids: [id] });
  });

  it('falls back to contentScripts.register where browser.scripting is missing (Firefox MV2)', async () => {
    const chrome = fakeChrome();
    const unregister = vi.fn(async () => undefined);
    const register = vi.fn(async () => ({ unregister }));
    const saved = fakeBrowser.scripting;
    Object.assign(fakeBrowser, { scripting: undefined, contentScripts: { register } });
    try {
      await enableSite('pms.example.com');
      expect(register).toHaveBeenCalledWith({
        matches: ['https://pms.example.com/*'],
        js: [{ file: CONTENT_SCRIPT_FILE }],
        allFrames: true,
        runAt: 'document_start',
      });
      await disableSite('pms.example.com');
      expect(unregister).toHaveBeenCalled();
      expect(chrome.scripts.size).toBe(0);
    } finally {
      Object.assign(fakeBrowser, { scripting: saved });
    }
  });
});
