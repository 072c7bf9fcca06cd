import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RULE_IDS } from '../../../lib/rules/ids';
import { loadManaged, locksFor, parseManagedPolicy } from '../../../lib/settings/managed';
import { readManagedLayer } from '../../../lib/settings/read';
import { sanitizeLayer } from '../../../lib/settings/sanitize';

const policy = {
  message: 'Questions: IT desk, extension 4321',
  payers: {
    default: { rules: { 'prior-auth': 'error' }, codes: { D2740: { priorAuth: true } } },
    'delta-dental-ddic': { enabled: false },
    'Bad Id': { enabled: false },
    cigna: { rules: { 'prior-auth': 'loud' } },
  },
  addedPayers: [
    { id: 'group-plan', name: 'Group Plan', kind: 'payer', hosts: ['https://group.example/*'] },
    { id: 'broken', kind: 'payer' },
  ],
};

describe('the managed policy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps valid entries and names the ones it ignores', () => {
    const managed = parseManagedPolicy(policy);
    expect(Object.keys(managed.payers)).toEqual(['default', 'delta-dental-ddic']);
    expect(managed.addedPayers.map((p) => p.id)).toEqual(['group-plan']);
    expect(managed.message).toBe(policy.message);
    expect(managed.problems).toHaveLength(3);
    expect(managed.problems.join('\n')).toMatch(/Bad Id/);
    expect(managed.problems.join('\n')).toMatch(/cigna/);
  });

  it('the content script’s hand check keeps the same entries', () => {
    const zodFree = sanitizeLayer(policy);
    const zod = parseManagedPolicy(policy);
    expect(Object.keys(zodFree.payers).sort()).toEqual(['cigna', 'default', 'delta-dental-ddic']);
    // the hand check drops the bad severity inside cigna rather than the whole entry
    expect(zodFree.payers.cigna).toEqual({ rules: {} });
    expect(zodFree.payers.default).toEqual(zod.payers.default);
    expect(zodFree.addedPayers.map((p) => p.id)).toEqual(['group-plan']);
  });

  it('is read from storage.managed, and is empty without a policy', async () => {
    expect((await loadManaged()).payers).toEqual({});
    await fakeBrowser.storage.managed.set(policy);
    expect(Object.keys((await loadManaged()).payers)).toEqual(['default', 'delta-dental-ddic']);
    expect((await readManagedLayer()).message).toBe(policy.message);
  });

  it('locks exactly what it sets', () => {
    const managed = parseManagedPolicy(policy);
    const def = locksFor('default', managed);
    expect(def.all).toBe(false);
    expect([...def.rules]).toEqual(['prior-auth']);
    expect([...def.codes]).toEqual(['D2740']);
    expect(def.name).toBe(false);
    expect(locksFor('delta-dental-ddic', managed).enabled).toBe(true);
    expect(locksFor('group-plan', managed).all).toBe(true);
    expect(locksFor('cigna', managed).rules.size).toBe(0);
  });

  it('public/managed-schema.json describes every rule id and severity', () => {
    const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../public/managed-schema.json'), 'utf8'));
    const override = schema.properties.payers.patternProperties['^[a-z0-9][a-z0-9-]{1,62}$'];
    expect(Object.keys(override.properties.rules.properties)).toEqual([...RULE_IDS]);
    expect(Object.keys(override.properties)).toEqual(['name', 'enabled', 'hosts', 'rules', 'codes', 'note']);
  });
});
