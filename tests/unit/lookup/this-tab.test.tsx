// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAYERS } from '../../../components/lookup/data';
import { TabPayer } from '../../../components/lookup/TabPayer';
import { TabStatusLine } from '../../../components/lookup/TabStatusLine';
import { type CurrentTab, readCurrentTab } from '../../../components/lookup/use-current-tab';
import { readSettings } from '../../../lib/settings/read';
import { emptySettings } from '../../../lib/settings/schema';
import { saveSettings } from '../../../lib/settings/store';
import { getTabPayer, setTabPayer } from '../../../lib/settings/tab-payer';
import { button, choose, fakeTabBrowser, mount, text, unmountAll, until } from './helpers';

const PORTAL = 'https://www.deltadentalins.com/provider/claims';
const PMS = 'https://pms.example.com/claims/42';

beforeEach(() => fakeBrowser.reset());
afterEach(unmountAll);

describe('the tab the popup is about', () => {
  it('a bundled payer portal: on, always, and its payer chosen by the address', async () => {
    fakeTabBrowser({ id: 7, url: PORTAL });
    const tab = await readCurrentTab();
    expect(tab).toMatchObject({
      tabId: 7,
      url: PORTAL,
      status: { state: 'active', source: 'portal', origin: 'https://www.deltadentalins.com' },
      chosenId: null,
    });
    expect(tab?.payer?.id).toBe('delta-dental-ddic');
  });

  it('a payer picked for the tab wins over the address, and is the payer in force', async () => {
    fakeTabBrowser({ id: 7, url: PORTAL });
    await setTabPayer(7, 'cigna');
    const tab = await readCurrentTab();
    expect(tab).toMatchObject({ chosenId: 'cigna', payer: { id: 'cigna' } });
  });

  it('a site the user turned on (stored and granted) is on and can be turned off; other web pages are off', async () => {
    const chrome = fakeTabBrowser({ id: 3, url: PMS });
    await saveSettings({ ...emptySettings(), sites: ['https://pms.example.com'] });
    expect((await readCurrentTab())?.status).toEqual({ state: 'inactive', origin: 'https://pms.example.com' });
    chrome.granted.add('https://pms.example.com/*');
    expect((await readCurrentTab())?.status).toEqual({
      state: 'active',
      origin: 'https://pms.example.com',
      source: 'user',
      sites: ['https://pms.example.com'],
    });
  });

  it('without an address only a payer picked for the tab is known; the lookup’s own page is no tab to speak of', async () => {
    fakeTabBrowser({ id: 5 });
    expect(await readCurrentTab()).toMatchObject({ status: { state: 'unknown' }, payer: undefined, chosenId: null });
    await setTabPayer(5, 'guardian');
    expect(await readCurrentTab()).toMatchObject({ payer: { id: 'guardian' }, chosenId: 'guardian' });

    fakeTabBrowser({ id: 9, url: 'chrome-extension://id/popup.html' });
    fakeBrowser.tabs.getCurrent = vi.fn(async () => ({ id: 9 }) as never);
    expect(await readCurrentTab()).toBeNull();
  });
});

function current(url: string, over: Partial<CurrentTab> = {}): Promise<CurrentTab> {
  return readCurrentTab().then((tab) => ({ ...tab!, url, ...over }));
}

describe('turning CDT Lens on and off for the site in the popup', () => {
  it('asks the browser inside the click itself, before any await, then says to reload', async () => {
    const chrome = fakeTabBrowser({ id: 3, url: PMS });
    const onChanged = vi.fn();
    const root = mount(<TabStatusLine current={await current(PMS)} onChanged={onChanged} />);
    expect(root.querySelector('[data-tab-status]')?.getAttribute('data-tab-status')).toBe('inactive');
    expect(text(root, '.status-text')).toContain('Not on for this page');

    button(root, 'Turn on CDT Lens for https://pms.example.com').click();
    // Synchronously, in the same task as the click: the browser shows its prompt only during the gesture.
    expect(chrome.api.request).toHaveBeenCalledTimes(1);
    expect(chrome.api.request).toHaveBeenCalledWith({ origins: ['https://pms.example.com/*'] });

    await until(() => expect(text(root, '[data-site-notice]')).toBe('On for https://pms.example.com – reload the page to start. Reload the page'));
    expect((await readSettings()).sites).toEqual(['https://pms.example.com']);
    expect([...chrome.scripts.keys()]).toEqual(['cdt-lens-site:https://pms.example.com/*']);
    expect(onChanged).toHaveBeenCalled();
    button(root, 'Reload the page').click();
    expect(chrome.api.reload).toHaveBeenCalledWith(3);
  });

  it('says plainly that nothing changed when the user refuses the permission', async () => {
    const chrome = fakeTabBrowser({ id: 3, url: 'http://10.0.0.5:8080/claims' }, { grant: false });
    const root = mount(<TabStatusLine current={await current('http://10.0.0.5:8080/claims')} onChanged={() => undefined} />);
    button(root, /^Turn on CDT Lens for http:\/\/10\.0\.0\.5:8080$/).click();
    expect(chrome.api.request).toHaveBeenCalledWith({ origins: ['http://10.0.0.5/*'] });
    await until(() =>
      expect(text(root, '[data-site-notice]')).toBe(
        'The browser did not give CDT Lens permission for http://10.0.0.5:8080, so it stays off there. Nothing was changed; you can try again.',
      ),
    );
    expect((await readSettings()).sites).toEqual([]);
    expect(chrome.scripts.size).toBe(0);
  });

  it('a bundled payer portal offers no switch and says why', async () => {
    fakeTabBrowser({ id: 7, url: PORTAL });
    const root = mount(<TabStatusLine current={await current(PORTAL)} onChanged={() => undefined} />);
    expect(root.querySelector('[data-site-source]')?.getAttribute('data-site-source')).toBe('portal');
    expect(text(root, '.status-text')).toContain('On for this page');
    expect(text(root, '.site-note')).toBe('Payer portals CDT Lens knows are always on; they can’t be turned off here.');
    expect(root.querySelector('[data-site-on], [data-site-off]')).toBeNull();
  });

  it('a site the user turned on can be turned off here, which gives the permission back', async () => {
    const chrome = fakeTabBrowser({ id: 3, url: PMS });
    await saveSettings({ ...emptySettings(), sites: ['https://pms.example.com'] });
    chrome.granted.add('https://pms.example.com/*');
    const root = mount(<TabStatusLine current={await current(PMS)} onChanged={() => undefined} />);
    expect(text(root, '.status-text')).toContain('On for https://pms.example.com');
    button(root, 'Turn off for this site').click();
    await until(() => expect(text(root, '[data-site-notice]')).toContain('Off for https://pms.example.com.'));
    expect((await readSettings()).sites).toEqual([]);
    expect(chrome.api.remove).toHaveBeenCalledWith({ origins: ['https://pms.example.com/*'] });
  });

  it('pages that are not web pages, and tabs whose address is hidden, offer no switch', async () => {
    fakeTabBrowser({ id: 4, url: 'chrome://newtab/' });
    let root = mount(<TabStatusLine current={await current('chrome://newtab/')} onChanged={() => undefined} />);
    expect(text(root, '.status-text')).toContain('CDT Lens works on web pages only');
    expect(root.querySelector('[data-site-on]')).toBeNull();
    unmountAll();
    fakeTabBrowser({ id: 4 });
    const hidden = (await readCurrentTab())!;
    root = mount(<TabStatusLine current={hidden} onChanged={() => undefined} />);
    expect(text(root, '.status-text')).toContain('Can’t tell whether CDT Lens is on for this page');
    expect(root.querySelector('[data-site-on]')).toBeNull();
  });
});

describe('the payer on this tab', () => {
  it('shows the payer chosen by the address and overrides it for this tab in storage.session', async () => {
    const chrome = fakeTabBrowser({ id: 7, url: PORTAL });
    const root = mount(<TabPayer current={(await readCurrentTab())!} profiles={PAYERS} />);
    const select = root.querySelector<HTMLSelectElement>('#tab-payer')!;
    expect(root.querySelector('label[for="tab-payer"]')?.textContent).toBe('Payer on this tab');
    expect(select.value).toBe('');
    expect(select.selectedOptions[0].textContent).toBe('Automatic (by site): Delta Dental (DDIC)');
    expect([...select.options].map((o) => o.value)).toEqual(['', ...PAYERS.map((p) => p.id)]);

    choose(select, 'cigna');
    await until(async () => expect(await getTabPayer(7)).toBe('cigna'));
    expect(await browser.storage.session.get()).toEqual({ 'tabPayer:7': 'cigna' });
    expect(await browser.storage.local.get()).toEqual({});
    expect(chrome.api.sendMessage).toHaveBeenCalledWith(7, { type: 'tab-payer-changed', payerId: 'cigna' });

    unmountAll();
    const again = mount(<TabPayer current={(await readCurrentTab())!} profiles={PAYERS} />);
    expect(again.querySelector<HTMLSelectElement>('#tab-payer')!.value).toBe('cigna');
    expect(again.querySelector('[data-tab-payer]')?.getAttribute('data-chosen')).toBe('yes');
    choose(again.querySelector<HTMLSelectElement>('#tab-payer')!, '');
    await until(async () => expect(await getTabPayer(7)).toBeNull());
  });

  it('lists only the payers the office has enabled, and the Default profile', async () => {
    fakeTabBrowser({ id: 7, url: PORTAL });
    const profiles = PAYERS.map((p) => (p.id === 'guardian' ? { ...p, enabled: false } : p));
    const root = mount(<TabPayer current={(await readCurrentTab())!} profiles={profiles} />);
    const values = [...root.querySelectorAll('#tab-payer option')].map((o) => o.getAttribute('value'));
    expect(values).not.toContain('guardian');
    expect(values).toContain('default');
  });
});
