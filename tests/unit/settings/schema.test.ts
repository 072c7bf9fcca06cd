import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PayerOverride, Settings, emptySettings } from '../../../lib/settings/schema';

const v1 = JSON.parse(readFileSync(resolve(import.meta.dirname, 'fixtures/v001.json'), 'utf8'));
const withChange = (change: Record<string, unknown>) => ({ ...emptySettings(), ...change });

describe('settings schema', () => {
  it('accepts what a user who changed nothing stores, and fills omitted parts', () => {
    expect(Settings.parse(emptySettings())).toEqual(emptySettings());
    expect(Settings.parse({ version: 1 })).toEqual(emptySettings());
  });

  it('accepts a full example', () => expect(Settings.safeParse(v1).success).toBe(true));

  it('rejects unknown keys, other versions and wrong types', () => {
    expect(Settings.safeParse({ ...emptySettings(), extra: 1 }).success).toBe(false);
    expect(Settings.safeParse({ ...emptySettings(), version: 2 }).success).toBe(false);
    expect(Settings.safeParse(withChange({ sites: 'https://a.example' })).success).toBe(false);
    expect(Settings.safeParse(withChange({ licensedData: 'yes' })).success).toBe(false);
  });

  it('checks overrides: rule ids, severities, codes and policies', () => {
    expect(PayerOverride.safeParse({ rules: { 'prior-auth': 'error' } }).success).toBe(true);
    expect(PayerOverride.safeParse({ rules: { 'no-such-rule': 'error' } }).success).toBe(false);
    expect(PayerOverride.safeParse({ rules: { 'prior-auth': 'fatal' } }).success).toBe(false);
    expect(PayerOverride.safeParse({ codes: { X123: {} } }).success).toBe(false);
    expect(PayerOverride.safeParse({ codes: { D0120: { frequency: { count: 2, period: 'rolling-months', scope: 'patient' } } } }).success).toBe(false);
    expect(PayerOverride.safeParse({ hosts: ['not a pattern'] }).success).toBe(false);
    expect(PayerOverride.safeParse({ colour: 'red' }).success).toBe(false);
  });

  it('keeps site origins bare and unique', () => {
    expect(Settings.safeParse(withChange({ sites: ['https://pms.example.com', 'http://10.0.0.5:8080'] })).success).toBe(true);
    expect(Settings.safeParse(withChange({ sites: ['https://pms.example.com/claims'] })).success).toBe(false);
    expect(Settings.safeParse(withChange({ sites: ['javascript:alert(1)'] })).success).toBe(false);
    expect(Settings.safeParse(withChange({ sites: ['https://a.example', 'https://a.example'] })).success).toBe(false);
  });

  it('refuses reserved payer ids and duplicate added payers', () => {
    expect(Settings.safeParse(withChange({ payers: { constructor: { enabled: false } } })).success).toBe(false);
    const payer = v1.addedPayers[0];
    expect(Settings.safeParse(withChange({ addedPayers: [payer, payer] })).success).toBe(false);
    expect(Settings.safeParse(withChange({ addedPayers: [{ ...payer, kind: 'default' }] })).success).toBe(false);
  });
});
