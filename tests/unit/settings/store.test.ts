import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings, watchSettings } from '../../../lib/settings/read';
import { emptySettings } from '../../../lib/settings/schema';
import { dismissRecovered, getRecovered, loadSettings, parseStored, saveSettings, updateSettings } from '../../../lib/settings/store';

const stored = async () => (await browser.storage.local.get('settings')).settings;
const changed = { ...emptySettings(), payers: { default: { rules: { 'prior-auth': 'error' as const } } } };

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts with no changes and stores nothing until something is saved', async () => {
    expect(await loadSettings()).toEqual({ settings: emptySettings() });
    expect(await stored()).toBeUndefined();
  });

  it('saves and loads settings', async () => {
    await saveSettings(changed);
    expect((await loadSettings()).settings).toEqual(changed);
    expect(await readSettings()).toEqual(changed);
  });

  it('refuses to save invalid settings and keeps what was stored', async () => {
    await saveSettings(changed);
    await expect(saveSettings({ ...changed, sites: ['nope'] })).rejects.toThrow();
    expect(await stored()).toEqual(changed);
  });

  it('updates one part without touching the rest', async () => {
    await saveSettings(changed);
    await updateSettings((s) => ({ ...s, sites: ['https://pms.example.com'] }));
    expect(await stored()).toEqual({ ...changed, sites: ['https://pms.example.com'] });
  });

  it('reads a settings object stored as a JSON string', () => {
    expect(parseStored(JSON.stringify(changed))).toMatchObject({ ok: true, settings: changed, from: 1 });
  });

  describe('recovers from corrupt storage, keeping a copy', () => {
    const cases: [string, unknown, RegExp][] = [
      ['wrong types', { version: 1, payers: { default: { rules: { 'prior-auth': 42 } } } }, /invalid/],
      ['truncated JSON', '{"version":1,"payers":{"default":{"rul', /not readable JSON/],
      ['an unknown (newer) version', { version: 99, payers: {} }, /version 99.*newer/],
      ['no version', { payers: {} }, /no version/],
      ['not an object', [1, 2, 3], /not an object/],
    ];
    it.each(cases)('%s', async (_name, raw, problem) => {
      await browser.storage.local.set({ settings: raw });
      const loaded = await loadSettings();
      expect(loaded.settings).toEqual(emptySettings());
      expect(loaded.recovered?.problem).toMatch(problem);
      expect(await stored()).toEqual(emptySettings());
      const copy = await getRecovered();
      expect(copy?.raw).toEqual(raw);
      expect(Date.parse(copy!.at)).not.toBeNaN();
      await dismissRecovered();
      expect(await getRecovered()).toBeNull();
    });
  });

  it('the content-script reader treats corrupt settings as no changes', async () => {
    await browser.storage.local.set({ settings: { version: 1, payers: 'garbage', sites: [3] } });
    expect(await readSettings()).toEqual(emptySettings());
    await browser.storage.local.set({ settings: '{"trunc' });
    expect(await readSettings()).toEqual(emptySettings());
  });

  it('tells watchers about every change, and stops when unwatched', async () => {
    const seen: unknown[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await saveSettings(changed);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([changed]);
    unwatch();
    await saveSettings(emptySettings());
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toHaveLength(1);
  });
});
