import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { catalog, ruleTables } from '../../../lib/catalog';
import { parseLine } from '../../../lib/claim/line';
import { checkClaim, createClaimChecker } from '../../../lib/rules/engine';
import type { EffectivePayer } from '../../../lib/rules/types';
import { readPayerProfiles } from '../../../lib/settings/read';
import { resolveFromProfiles } from '../../../lib/settings/merge';
import { emptySettings, type Settings } from '../../../lib/settings/schema';
import { saveSettings } from '../../../lib/settings/store';
import { resolvePayerFor, setTabPayer } from '../../../lib/settings/tab-payer';

/** The demo claim's first line: a crown (D2740) on tooth 8. */
const claim = { lines: [parseLine({ id: 'line-1', code: 'D2740', tooth: '8' }, { today: '2026-06-15' })] };
const check = (payer: EffectivePayer) => checkClaim(claim, { catalog, tables: ruleTables(), payer });
const priorAuth = (payer: EffectivePayer) => check(payer).filter((f) => f.ruleId === 'prior-auth');
const PORTAL = 'https://www.deltadentalins.com/provider/claims';
const ELSEWHERE = 'http://127.0.0.1:8080/demo/claim.html';

async function payerFor(url: string, settings: Partial<Settings>) {
  await saveSettings({ ...emptySettings(), ...settings });
  return resolveFromProfiles(url, await readPayerProfiles()).payer;
}

describe('stored settings reach the rule engine', () => {
  beforeEach(() => fakeBrowser.reset());

  it('by default, a crown gets the typical prior-auth note', async () => {
    expect(priorAuth(await payerFor(ELSEWHERE, {})).map((f) => f.severity)).toEqual(['info']);
  });

  it('the Default profile turning prior-auth to error changes the finding’s severity', async () => {
    const payer = await payerFor(ELSEWHERE, { payers: { default: { rules: { 'prior-auth': 'error' } } } });
    expect(priorAuth(payer).map((f) => f.severity)).toEqual(['error']);
  });

  it('turning prior-auth off removes the finding', async () => {
    expect(priorAuth(await payerFor(ELSEWHERE, { payers: { default: { rules: { 'prior-auth': 'off' } } } }))).toEqual([]);
  });

  it('a per-code policy reaches the rule: "not required" silences it, "required" names the payer', async () => {
    expect(priorAuth(await payerFor(ELSEWHERE, { payers: { default: { codes: { D2740: { priorAuth: false } } } } }))).toEqual([]);
    const ddic = await payerFor(PORTAL, { payers: { 'delta-dental-ddic': { codes: { D2740: { priorAuth: true } } } } });
    expect(priorAuth(ddic)[0].message).toContain('Delta Dental (DDIC) requires');
  });

  it('a payer’s settings apply on its portal only', async () => {
    const settings = { payers: { 'delta-dental-ddic': { rules: { 'prior-auth': 'error' as const } } } };
    expect(priorAuth(await payerFor(PORTAL, settings))[0].severity).toBe('error');
    expect(priorAuth(await payerFor(ELSEWHERE, settings))[0].severity).toBe('info');
  });

  it('a disabled payer falls back to Default', async () => {
    const payer = await payerFor(PORTAL, { payers: { 'delta-dental-ddic': { enabled: false, rules: { 'prior-auth': 'error' } } } });
    expect(payer.name).toBe('Default');
  });

  it('the payer picked for a tab wins over the host', async () => {
    await saveSettings({ ...emptySettings(), payers: { 'delta-dental-ddic': { rules: { 'prior-auth': 'error' } } } });
    await setTabPayer(7, 'delta-dental-ddic');
    const resolved = await resolvePayerFor(ELSEWHERE, 7);
    expect(resolved.chosen).toBe(true);
    expect(priorAuth(resolved.payer)[0].severity).toBe('error');
    expect((await resolvePayerFor(ELSEWHERE, 8)).profile.id).toBe('default');
  });

  it('the managed policy wins over the user', async () => {
    await fakeBrowser.storage.managed.set({ payers: { default: { rules: { 'prior-auth': 'error' } } } });
    const payer = await payerFor(ELSEWHERE, { payers: { default: { rules: { 'prior-auth': 'off' } } } });
    expect(priorAuth(payer)[0].severity).toBe('error');
  });

  it('the incremental checker gives the same result once reset for new settings', async () => {
    const checker = createClaimChecker({ catalog, tables: ruleTables(), payer: await payerFor(ELSEWHERE, {}) });
    expect(checker.check(claim).findings.some((f) => f.ruleId === 'prior-auth')).toBe(true);
  });
});
