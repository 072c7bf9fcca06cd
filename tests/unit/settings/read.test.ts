import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ResolvedPayer } from '../../../lib/settings/merge';
import { watchPayerFor } from '../../../lib/settings/read';
import { sanitizeSettings } from '../../../lib/settings/sanitize';
import { emptySettings } from '../../../lib/settings/schema';
import { saveSettings } from '../../../lib/settings/store';

const settle = () => new Promise((r) => setTimeout(r, 5));

describe('the content script’s settings reader', () => {
  beforeEach(() => fakeBrowser.reset());

  it('follows settings, the managed policy and the popup’s choice for the tab', async () => {
    // The fake browser ignores promise-returning message listeners: stand in for the background's answer.
    const send = vi.fn(async () => ({ payerId: null }));
    fakeBrowser.runtime.sendMessage = send as never;
    const seen: ResolvedPayer[] = [];
    const unwatch = watchPayerFor('http://127.0.0.1/demo/claim.html', (r) => seen.push(r));
    await settle();
    expect(send).toHaveBeenCalledWith({ type: 'get-tab-payer' });
    expect(seen.at(-1)?.profile.id).toBe('default');
    expect(seen.at(-1)?.payer.rules['prior-auth']).toBeUndefined();

    await saveSettings({ ...emptySettings(), payers: { default: { rules: { 'prior-auth': 'error' } } } });
    await settle();
    expect(seen.at(-1)?.payer.rules['prior-auth']).toBe('error');

    await fakeBrowser.storage.managed.set({ payers: { default: { rules: { 'prior-auth': 'off' } } } });
    await settle();
    expect(seen.at(-1)?.payer.rules['prior-auth']).toBe('off');

    await fakeBrowser.runtime.onMessage.trigger({ type: 'tab-payer-changed', payerId: 'cigna' }, { id: browser.runtime.id }, () => undefined);
    await settle();
    expect(seen.at(-1)).toMatchObject({ chosen: true, profile: { id: 'cigna' } });

    unwatch();
    const count = seen.length;
    await saveSettings(emptySettings());
    await settle();
    expect(seen).toHaveLength(count);
  });

  it('hand-checks stored settings without zod', () => {
    expect(sanitizeSettings(null)).toBeNull();
    expect(sanitizeSettings({ version: 2 })).toBeNull();
    const messy = {
      version: 1,
      payers: {
        default: { rules: { 'prior-auth': 'error', bogus: 'error', attachment: 'loud' }, codes: { D2740: { priorAuth: true, minAge: 'ten' }, nope: {} } },
        'Not An Id': { enabled: false },
      },
      addedPayers: [{ id: 'x1', name: 'X', kind: 'payer' }, { id: 'y', kind: 'default' }, 'junk'],
      sites: ['https://pms.example.com'],
      licensedData: 'yes',
    };
    expect(sanitizeSettings(messy)).toEqual({
      version: 1,
      payers: { default: { rules: { 'prior-auth': 'error' }, codes: { D2740: { priorAuth: true } } } },
      addedPayers: [{ id: 'x1', name: 'X', kind: 'payer', enabled: true, hosts: [], source: '', confidence: 'user', rules: {}, codes: {} }],
      sites: ['https://pms.example.com'],
      licensedData: false,
    });
  });
});
