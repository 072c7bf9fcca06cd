import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PayerProfile } from '../../../lib/payers/schema';
import { bundledPayers } from '../../../lib/settings/bundled';
import { applyOverride, diffProfile, layerFromProfiles, mergePayers, userLayer } from '../../../lib/settings/merge';
import { Settings } from '../../../lib/settings/schema';

const bundled = bundledPayers();
const byId = (profiles: PayerProfile[], id: string) => profiles.find((p) => p.id === id)!;
const v1 = Settings.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, 'fixtures/v001.json'), 'utf8')));

describe('merging payer layers', () => {
  it('with no changes gives the bundled defaults', () => {
    expect(mergePayers(bundled, { payers: {}, addedPayers: [] })).toEqual(bundled);
  });

  it('applies fields, and rules and codes one key at a time', () => {
    const base = { ...byId(bundled, 'default'), rules: { 'by-report': 'info' as const }, codes: { D0120: { priorAuth: true } } };
    const out = applyOverride(base, { name: 'House rules', rules: { 'prior-auth': 'error' }, codes: { D2740: { covered: false } } });
    expect(out.name).toBe('House rules');
    expect(out.rules).toEqual({ 'by-report': 'info', 'prior-auth': 'error' });
    expect(out.codes).toEqual({ D0120: { priorAuth: true }, D2740: { covered: false } });
    expect(applyOverride(base, { codes: { D0120: {} } }).codes).toEqual({});
    expect(base.codes).toEqual({ D0120: { priorAuth: true } });
  });

  it('adds the user’s payers, but never lets one shadow a bundled payer', () => {
    const merged = mergePayers(bundled, userLayer(v1));
    expect(byId(merged, 'regional-dental-plan').name).toBe('Regional Dental Plan');
    const shadow = { ...v1.addedPayers[0], id: 'delta-dental-ddic', name: 'Impostor' };
    expect(byId(mergePayers(bundled, { payers: {}, addedPayers: [shadow] }), 'delta-dental-ddic').name).toBe('Delta Dental (DDIC)');
  });

  it('puts the managed layer on top of the user’s', () => {
    const merged = mergePayers(
      bundled,
      { payers: { default: { rules: { 'prior-auth': 'off', 'by-report': 'off' } } }, addedPayers: [] },
      { payers: { default: { rules: { 'prior-auth': 'error' } } }, addedPayers: [] },
    );
    expect(byId(merged, 'default').rules).toEqual({ 'prior-auth': 'error', 'by-report': 'off' });
  });

  it('a managed payer replaces a user payer with the same id', () => {
    const mine = v1.addedPayers[0];
    const merged = mergePayers(bundled, userLayer(v1), { payers: {}, addedPayers: [{ ...mine, name: 'Group version' }] });
    expect(merged.filter((p) => p.id === mine.id).map((p) => p.name)).toEqual(['Group version']);
  });
});

describe('storing only changes', () => {
  it('an unchanged profile needs no override', () => {
    for (const p of bundled) expect(diffProfile(p, structuredClone(p))).toBeUndefined();
    expect(layerFromProfiles(bundled, bundled)).toEqual({ payers: {}, addedPayers: [] });
  });

  it('records exactly the fields, rules and codes that changed', () => {
    const base = byId(bundled, 'delta-dental-ddic');
    const edited = { ...structuredClone(base), enabled: false, rules: { 'prior-auth': 'error' as const }, codes: { D2740: { priorAuth: true } } };
    expect(diffProfile(base, edited)).toEqual({ enabled: false, rules: { 'prior-auth': 'error' }, codes: { D2740: { priorAuth: true } } });
  });

  it('round-trips: the layer of edited profiles merges back into the same profiles', () => {
    const edited = mergePayers(bundled, userLayer(v1));
    const layer = layerFromProfiles(bundled, edited);
    expect(mergePayers(bundled, layer)).toEqual(edited);
    expect(Settings.safeParse({ ...v1, ...layer }).success).toBe(true);
  });

  it('records a removed bundled code policy as an empty policy', () => {
    const base = { ...byId(bundled, 'default'), codes: { D0120: { priorAuth: true } } };
    expect(diffProfile(base, { ...base, codes: {} })).toEqual({ codes: { D0120: {} } });
  });
});
