// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LookupApp } from '../../../components/lookup/LookupApp';
import { removeLicensedData, saveLicensedData } from '../../../lib/licensed/store';
import { emptySettings, type Settings } from '../../../lib/settings/schema';
import { saveSettings } from '../../../lib/settings/store';
import { setTabPayer } from '../../../lib/settings/tab-payer';
import { fakeTabBrowser, mount, text, unmountAll, until } from './helpers';

const PORTAL = 'https://www.deltadentalins.com/provider/claims';

const withCodes = (payer: string, codes: NonNullable<Settings['payers'][string]['codes']>): Settings => ({
  ...emptySettings(),
  payers: { [payer]: { codes } },
});

function openCode(code: string) {
  location.hash = `#${code}`;
  return mount(<LookupApp surface="sidepanel" />);
}

const payerSelect = (root: HTMLElement) => root.querySelector<HTMLSelectElement>('.payer-settings select')!;

beforeEach(() => {
  fakeBrowser.reset();
  // Knowledge cards come from the extension's files, which a unit test does not have.
  vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new Error('no extension files here'))));
});
afterEach(() => {
  unmountAll();
  vi.unstubAllGlobals();
  location.hash = '';
});

describe('payer settings in the code view', () => {
  it('come from the office’s stored settings and default to the payer in force on the tab', async () => {
    fakeTabBrowser({ id: 7, url: PORTAL });
    await saveSettings(
      withCodes('delta-dental-ddic', { D2740: { priorAuth: true, attachments: ['Pre-operative radiograph'] } }),
    );
    const root = openCode('D2740');
    await until(() => expect(root.querySelector('.payer-settings')?.getAttribute('data-payer')).toBe('delta-dental-ddic'));
    expect(payerSelect(root).selectedOptions[0].textContent).toBe('Delta Dental (DDIC) (this tab)');
    await until(() => expect(text(root, '[data-payer-policy]')).toContain('Prior authorisationRequired'));
    expect(text(root, '[data-payer-policy]')).toContain('Pre-operative radiograph');

    // A change saved in the options page reaches the open lookup.
    await saveSettings(withCodes('delta-dental-ddic', { D2740: { priorAuth: false } }));
    await until(() => expect(text(root, '[data-payer-policy]')).toContain('Prior authorisationNot required'));
    expect(text(root, '[data-payer-policy]')).not.toContain('radiograph');

    // Picking another payer in the code view shows its settings; the bundled defaults have none for D2740.
    payerSelect(root).value = 'guardian';
    payerSelect(root).dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => expect(root.querySelector('[data-payer-empty]')?.textContent).toContain('in Guardian'));
  });

  it('follow the payer picked for the tab, and the office’s rule severities and notes', async () => {
    fakeTabBrowser({ id: 7, url: PORTAL });
    await saveSettings({
      ...emptySettings(),
      payers: { cigna: { rules: { 'prior-auth': 'error' }, note: 'Call provider services first.' } },
    });
    await setTabPayer(7, 'cigna');
    const root = openCode('D4341');
    await until(() => expect(root.querySelector('.payer-settings')?.getAttribute('data-payer')).toBe('cigna'));
    await until(() => expect(text(root, '[data-payer-rules]')).toContain('prior-auth likely rejected'));
    expect(text(root, '.payer-settings')).toContain('Call provider services first.');
    expect(root.querySelector<HTMLSelectElement>('#tab-payer')!.value).toBe('cigna');

    await setTabPayer(7, null);
    await until(() => expect(root.querySelector('.payer-settings')?.getAttribute('data-payer')).toBe('delta-dental-ddic'));
  });

  it('include payers the office added', async () => {
    fakeTabBrowser({ id: 7, url: 'https://pms.example.com/' });
    await saveSettings({
      ...emptySettings(),
      addedPayers: [
        {
          id: 'regional-plan',
          name: 'Regional Plan',
          kind: 'payer',
          enabled: true,
          hosts: [],
          source: '',
          confidence: 'user',
          rules: {},
          codes: { D0120: { frequency: { count: 2, period: 'calendar-year', scope: 'patient' } } },
        },
      ],
    });
    const root = openCode('D0120');
    await until(() => expect([...payerSelect(root).options].map((o) => o.value)).toContain('regional-plan'));
    expect(payerSelect(root).value).toBe('default');
    payerSelect(root).value = 'regional-plan';
    payerSelect(root).dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => expect(text(root, '[data-payer-policy]')).toContain('twice per calendar year, per patient'));
  });
});

describe('licensed CDT text in the code view', () => {
  const licensed = {
    importedAt: '2025-01-02T03:04:05.000Z',
    source: 'practice-cdt.csv',
    entries: { D2740: { nomenclature: 'Test nomenclature D2740', descriptor: 'Test descriptor text for D2740.' } },
  };

  it('is shown beside the plain-language summary, labelled, when the practice imported it', async () => {
    fakeTabBrowser({ id: 7, url: PORTAL });
    await saveLicensedData(licensed);
    const root = openCode('D2740');
    await until(() => expect(root.querySelector('[data-licensed]')).not.toBeNull());
    const block = root.querySelector('[data-licensed]')!;
    expect(block.querySelector('dt')?.textContent).toBe('Licensed CDT descriptor (from your practice’s file)');
    expect(block.textContent).toContain('Test nomenclature D2740');
    expect(block.textContent).toContain('Test descriptor text for D2740.');
    expect(block.textContent).toContain('practice-cdt.csv');
    expect(root.querySelector('[data-summary] dt')?.textContent).toBe('CDT Lens plain-language summary');

    await removeLicensedData();
    await until(() => expect(root.querySelector('[data-licensed]')).toBeNull());
    expect(root.querySelector('p[data-summary]')?.textContent?.length).toBeGreaterThan(10);
  });

  it('is absent when none was imported, or the file lacks the code', async () => {
    fakeTabBrowser({ id: 7, url: PORTAL });
    let root = openCode('D2740');
    await until(() => expect(root.querySelector('p[data-summary]')).not.toBeNull());
    await new Promise((ok) => setTimeout(ok, 50));
    expect(root.querySelector('[data-licensed]')).toBeNull();
    expect(root.textContent).not.toContain('Licensed CDT descriptor');
    unmountAll();

    await saveLicensedData(licensed);
    root = openCode('D0120');
    await until(() => expect(root.querySelector('#code-title')?.textContent).toContain('D0120'));
    await new Promise((ok) => setTimeout(ok, 50));
    expect(root.querySelector('[data-licensed]')).toBeNull();
  });
});
