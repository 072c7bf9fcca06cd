import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Settings, emptySettings } from '../../../lib/settings/schema';
import { MAX_IMPORT_BYTES, checkImport, exportAll, exportFilename, exportPayer } from '../../../lib/settings/transfer';

const v1 = Settings.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, 'fixtures/v001.json'), 'utf8')));
const NOW = new Date('2026-11-23T10:00:00Z');
const file = (settings: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'cdt-lens-settings', version: 1, exportedAt: NOW.toISOString(), scope: 'all', settings, ...extra });

function rejected(text: string, current = v1) {
  const snapshot = structuredClone(current);
  const result = checkImport(text, current);
  expect(current).toEqual(snapshot);
  if (result.ok) throw new Error('expected the import to be rejected');
  return result.error;
}

describe('export', () => {
  it('names files by date', () => {
    expect(exportFilename(NOW)).toBe('cdt-lens-settings-2026-11-23.json');
    expect(exportFilename(NOW, 'cigna')).toBe('cdt-lens-payer-cigna-2026-11-23.json');
  });

  it('exports all settings in a versioned envelope', () => {
    const out = exportAll(v1, NOW);
    expect(out.filename).toBe('cdt-lens-settings-2026-11-23.json');
    expect(JSON.parse(out.text)).toEqual({ format: 'cdt-lens-settings', version: 1, exportedAt: NOW.toISOString(), scope: 'all', settings: v1 });
  });

  it('exports one payer with only its own settings', () => {
    const out = JSON.parse(exportPayer(v1, 'delta-dental-ddic', NOW).text);
    expect(out.scope).toBe('payer');
    expect(Object.keys(out.settings.payers)).toEqual(['delta-dental-ddic']);
    expect(out.settings.addedPayers).toEqual([]);
    expect(out.settings.sites).toEqual([]);
  });
});

describe('import: good files', () => {
  it('re-importing an export changes nothing', () => {
    const result = checkImport(exportAll(v1, NOW).text, v1);
    expect(result).toMatchObject({ ok: true, next: v1, changes: [] });
  });

  it('shows payers added, changed and removed, rule by rule and code by code', () => {
    const result = checkImport(exportAll(v1, NOW).text, emptySettings());
    if (!result.ok) throw new Error(result.error);
    expect(result.next.payers).toEqual(v1.payers);
    expect(result.next.sites).toEqual([]);
    const byId = Object.fromEntries(result.changes.map((c) => [c.id, c]));
    expect(byId['regional-dental-plan'].kind).toBe('added');
    expect(byId.default.kind).toBe('changed');
    expect(byId.default.details).toContain('Rule prior-auth: info → warning');
    expect(byId.default.details).toContain('Rule by-report: warning → off');
    expect(byId.default.details.some((d) => d.startsWith('D2740: new policy') && d.includes('prior authorisation: required'))).toBe(true);
    expect(result.notes.join(' ')).toMatch(/pms\.smiledental\.example/);

    const back = checkImport(exportAll(emptySettings(), NOW).text, v1);
    if (!back.ok) throw new Error(back.error);
    expect(back.changes.find((c) => c.id === 'regional-dental-plan')?.kind).toBe('removed');
    expect(back.next.sites).toEqual(v1.sites);
  });

  it('a one-payer file changes only that payer', () => {
    const theirs = { ...v1, payers: { 'delta-dental-ddic': { rules: { 'prior-auth': 'error' as const } } } };
    const result = checkImport(exportPayer(theirs, 'delta-dental-ddic', NOW).text, v1);
    if (!result.ok) throw new Error(result.error);
    expect(result.scope).toBe('payer');
    expect(result.next.payers.default).toEqual(v1.payers.default);
    expect(result.next.payers['delta-dental-ddic']).toEqual({ rules: { 'prior-auth': 'error' } });
    expect(result.next.addedPayers).toEqual(v1.addedPayers);
    expect(result.changes.map((c) => c.id)).toEqual(['delta-dental-ddic']);
  });

  it('code policy changes are described field by field', () => {
    const theirs = structuredClone(v1);
    theirs.payers['delta-dental-ddic'].codes!.D4341.priorAuth = true;
    const result = checkImport(exportAll(theirs, NOW).text, v1);
    if (!result.ok) throw new Error(result.error);
    expect(result.changes[0].details).toEqual(['D4341: prior authorisation not required → required']);
  });
});

describe('import: malformed, wrong-version and hostile files leave settings untouched', () => {
  it('not JSON, or truncated', () => {
    expect(rejected('hello')).toMatch(/not valid JSON/);
    expect(rejected(exportAll(v1, NOW).text.slice(0, 200))).toMatch(/not valid JSON/);
  });

  it('not a settings file', () => {
    expect(rejected(JSON.stringify({ hello: 'world' }))).toMatch(/not a CDT Lens settings file/);
    expect(rejected(JSON.stringify([1, 2]))).toMatch(/Not imported/);
  });

  it('a version from a newer CDT Lens, or no version at all', () => {
    expect(rejected(file(v1, { version: 7 }))).toMatch(/version 7.*newer CDT Lens/);
    expect(rejected(file(v1, { version: '1' }))).toMatch(/not a version number/);
    expect(rejected(file(v1, { version: undefined }))).toMatch(/no version/);
  });

  it('wrong types', () => {
    expect(rejected(file({ ...v1, payers: { default: { enabled: 'yes' } } }))).toMatch(/payers › default › enabled/);
    expect(rejected(file({ ...v1, addedPayers: 'many' }))).toMatch(/addedPayers/);
    expect(rejected(file({ ...v1, payers: { default: { codes: { D2740: { frequency: { count: 1000, period: 'lifetime', scope: 'patient' } } } } } }))).toMatch(/count/);
  });

  it('unknown rule ids and codes', () => {
    expect(rejected(file({ ...v1, payers: { default: { rules: { 'make-coffee': 'error' } } } }))).toMatch(/unknown rule id “make-coffee” \(payer default\)/);
    expect(rejected(file({ ...v1, payers: { default: { codes: { D9998: { covered: false } } } } }))).toMatch(/unknown procedure code “D9998”/);
    expect(rejected(file({ ...v1, addedPayers: [{ ...v1.addedPayers[0], rules: { nope: 'off' } }] }))).toMatch(/added payer regional-dental-plan/);
  });

  it('prototype keys', () => {
    expect(rejected('{"format":"cdt-lens-settings","version":1,"settings":{"version":1,"__proto__":{"polluted":true}}}')).toMatch(/“__proto__”/);
    expect(rejected(file({ ...v1, payers: { constructor: { enabled: false } } }))).toMatch(/“constructor”/);
    expect(rejected(file({ ...v1, payers: { default: { codes: { prototype: {} } } } }))).toMatch(/“prototype”/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('huge strings and files over the size cap', () => {
    expect(rejected(file({ ...v1, payers: { default: { note: 'x'.repeat(100_000) } } }))).toMatch(/100000 characters/);
    expect(rejected(' '.repeat(MAX_IMPORT_BYTES + 1))).toMatch(/at most 1000 kB/);
    const size = checkImport('{}', v1, { size: 50_000_000 });
    expect(size.ok).toBe(false);
  });

  it('unknown keys and a payer file without its payer', () => {
    expect(rejected(file({ ...v1, telemetry: true }))).toMatch(/telemetry|Unrecognized/i);
    expect(rejected(file(emptySettings(), { scope: 'payer', payerId: 'cigna' }))).toMatch(/that payer is not in it/);
  });
});
