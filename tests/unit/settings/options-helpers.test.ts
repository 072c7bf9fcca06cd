import { describe, expect, it } from 'vitest';
import { applyToCategory } from '../../../components/options/BulkApply';
import { filterCodes } from '../../../components/options/CodePolicies';
import { newPayerId } from '../../../components/options/PayersSection';
import { lookupEntries } from '../../../lib/catalog/cards';
import { bundledPayers } from '../../../lib/settings/bundled';

const base = () => structuredClone(bundledPayers().find((p) => p.id === 'default')!);

describe('options page helpers', () => {
  it('finds codes by number, name or synonym, within a category, or only those with a policy', () => {
    const entries = lookupEntries();
    expect(filterCodes(entries, { query: 'd2740', category: '', onlyWithPolicy: false, codes: {} }).map((e) => e.code)).toEqual(['D2740']);
    expect(filterCodes(entries, { query: 'crown', category: 'Restorative', onlyWithPolicy: false, codes: {} }).every((e) => e.category === 'Restorative')).toBe(true);
    expect(filterCodes(entries, { query: '', category: '', onlyWithPolicy: true, codes: { D0120: { priorAuth: true } } }).map((e) => e.code)).toEqual(['D0120']);
    expect(filterCodes(entries, { query: '', category: '', onlyWithPolicy: false, codes: {} }).some((e) => e.deleted)).toBe(false);
  });

  it('applies a change to every current code of a category, skipping locked codes', () => {
    const p = base();
    const count = applyToCategory(p, 'Preventive', 'covered-no', (code) => code === 'D1110');
    const current = lookupEntries().filter((e) => e.category === 'Preventive' && !e.deleted);
    expect(count).toBe(current.length - 1);
    expect(p.codes.D1120).toEqual({ covered: false });
    expect(p.codes.D1110).toBeUndefined();
    applyToCategory(p, 'Preventive', 'clear', () => false);
    expect(p.codes).toEqual({});
  });

  it('makes unique, valid ids for new payers', () => {
    expect(newPayerId('Regional Dental Plan', new Set())).toBe('regional-dental-plan');
    expect(newPayerId('Regional Dental Plan', new Set(['regional-dental-plan']))).toBe('regional-dental-plan-2');
    expect(newPayerId('Constructor', new Set())).toBe('constructor-2');
    expect(newPayerId('!!', new Set())).toBe('payer');
    expect(newPayerId('A', new Set())).toBe('payer-a');
    expect(newPayerId('Ü', new Set())).toMatch(/^[a-z0-9][a-z0-9-]+$/);
  });
});
