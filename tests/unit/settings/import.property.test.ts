import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Settings } from '../../../lib/settings/schema';
import { checkImport, exportAll } from '../../../lib/settings/transfer';

/**
 * Whatever file an office picks (hand-edited, truncated, from another tool, or crafted), importing it never
 * throws, never touches the current settings, and either yields valid settings or a message saying what is wrong.
 */
const current = Settings.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, 'fixtures/v001.json'), 'utf8')));
const good = JSON.parse(exportAll(current, new Date('2026-11-23T10:00:00Z')).text) as Record<string, unknown>;

function checkSafely(text: string) {
  const snapshot = structuredClone(current);
  const result = checkImport(text, current);
  expect(current).toEqual(snapshot);
  if (result.ok) expect(Settings.safeParse(result.next).success).toBe(true);
  else expect(result.error).toMatch(/^Not imported: .+\.$/);
  return result;
}

// Values pages and editors really produce, including prototype keys and odd codes and rule ids.
const key = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'payers', 'codes', 'rules', 'D2740', 'd2740', ' D2740 ', 'surface-count', 'version'),
);
const leaf = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('off', 'info', 'warning', 'error', 'tooth', 'year', 'calendar-year'),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
})).value;

/** Replaces the value at one path of a good export with `value`. */
function mutate(path: readonly string[], value: unknown): string {
  const copy = structuredClone(good);
  let at: Record<string, unknown> = copy;
  for (const step of path.slice(0, -1)) {
    const next = at[step];
    if (typeof next !== 'object' || next === null) return JSON.stringify(copy);
    at = next as Record<string, unknown>;
  }
  at[path.at(-1)!] = value;
  return JSON.stringify(copy);
}

const paths = fc.constantFrom(
  ['version'],
  ['scope'],
  ['settings'],
  ['settings', 'payers'],
  ['settings', 'payers', 'delta-dental-ddic'],
  ['settings', 'payers', 'delta-dental-ddic', 'codes'],
  ['settings', 'payers', 'delta-dental-ddic', 'rules'],
  ['settings', 'addedPayers'],
  ['settings', 'sites'],
);

describe('importing a settings file', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => void checkSafely(text)), { numRuns: 300 });
  });

  it('never throws on arbitrary JSON, and rejects what is not a settings file', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(checkSafely(JSON.stringify(value)).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when any part of a real export is replaced by anything', () => {
    fc.assert(fc.property(paths, json, (path, value) => void checkSafely(mutate(path, value))), { numRuns: 500 });
  });

  it('rejects every truncation of a real export', () => {
    const text = JSON.stringify(good);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), (cut) => {
        expect(checkSafely(text.slice(0, cut)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  // Bounded by the test's own timeout: a pathological file must not hang the options page.
  it('copes with deep nesting and long input', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(checkSafely(deep).ok).toBe(false);
    const wide = JSON.stringify({ ...good, settings: { ...(good.settings as object), sites: Array.from({ length: 20_000 }, (_, i) => `https://h${i}.example`) } });
    checkSafely(wide);
  });
});
