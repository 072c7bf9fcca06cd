import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateSettings } from '../../../lib/settings/migrations';
import { MigrationError, collectMigrations, runMigrations, versionOf } from '../../../lib/settings/migrations/runner';
import { Settings } from '../../../lib/settings/schema';
import { SETTINGS_VERSION } from '../../../lib/settings/version';

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const fixtureVersions = readdirSync(FIXTURES)
  .filter((f) => /^v\d{3}\.json$/.test(f))
  .map((f) => ({ file: f, version: Number(f.slice(1, 4)) }));

/** A test-only step: v1 "licensedData" becomes v2 "licensed: { imported }", and v2 adds a "theme". */
const testModules = {
  './v001-to-v002.ts': {
    migrate: ({ licensedData, ...rest }: Record<string, unknown>) => ({ ...rest, licensed: { imported: licensedData === true } }),
  },
  './v002-to-v003.ts': { migrate: (old: Record<string, unknown>) => ({ ...old, theme: 'system' }) },
};

describe('the migrations in lib/settings/migrations', () => {
  it('reach exactly the current schema version, one step per file', () => {
    expect(MIGRATIONS.length + 1).toBe(SETTINGS_VERSION);
    MIGRATIONS.forEach((m, i) => expect([m.from, m.to]).toEqual([i + 1, i + 2]));
  });

  it('have a frozen example of every past and the current version', () => {
    expect(fixtureVersions.map((f) => f.version)).toEqual(Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1));
  });

  it.each(fixtureVersions)('walk $file through every later migration to a valid current settings object', ({ file, version }) => {
    const example = JSON.parse(readFileSync(resolve(FIXTURES, file), 'utf8'));
    const { value, from } = migrateSettings(example);
    expect(from).toBe(version);
    expect(value.version).toBe(SETTINGS_VERSION);
    expect(Settings.safeParse(value).success).toBe(true);
  });
});

describe('the migration runner (with test-only migrations)', () => {
  const steps = collectMigrations(testModules);

  it('discovers steps by file name and orders them', () => {
    const shuffled = collectMigrations({ './v002-to-v003.ts': testModules['./v002-to-v003.ts'], './v001-to-v002.ts': testModules['./v001-to-v002.ts'] });
    expect(shuffled.map((s) => s.from)).toEqual([1, 2]);
  });

  it('runs every step after the stored version, and sets each version itself', () => {
    const { value, from } = runMigrations({ version: 1, payers: {}, licensedData: true }, steps);
    expect(from).toBe(1);
    expect(value).toEqual({ version: 3, payers: {}, licensed: { imported: true }, theme: 'system' });
  });

  it('starts from the stored version: a v2 object only gets the v2 to v3 step', () => {
    expect(runMigrations({ version: 2, licensed: { imported: false } }, steps).value).toEqual({
      version: 3,
      licensed: { imported: false },
      theme: 'system',
    });
  });

  it('leaves the input untouched', () => {
    const input = { version: 1, licensedData: true };
    runMigrations(input, steps);
    expect(input).toEqual({ version: 1, licensedData: true });
  });

  it('runs the current version through unchanged', () => {
    expect(runMigrations({ version: 3, x: 1 }, steps).value).toEqual({ version: 3, x: 1 });
  });

  it('walks the v001 fixture through the test steps', () => {
    const example = JSON.parse(readFileSync(resolve(FIXTURES, 'v001.json'), 'utf8'));
    const { value } = runMigrations(example, steps);
    expect(value.version).toBe(3);
    expect(value.licensed).toEqual({ imported: false });
    expect(value.payers).toEqual(example.payers);
  });

  it('rejects misnamed files, gaps and steps that skip versions', () => {
    const migrate = (o: Record<string, unknown>) => o;
    expect(() => collectMigrations({ './1-to-2.ts': { migrate } })).toThrow(MigrationError);
    expect(() => collectMigrations({ './v001-to-v003.ts': { migrate } })).toThrow(/exactly one/);
    expect(() => collectMigrations({ './v002-to-v003.ts': { migrate } })).toThrow(/1 to 2 is missing/);
    expect(() => collectMigrations({ './v001-to-v002.ts': {} as never })).toThrow(/no migrate/);
  });

  it('names what is wrong with a version', () => {
    expect(() => versionOf(null, 3)).toThrow(/not an object/);
    expect(() => versionOf({}, 3)).toThrow(/no version/);
    expect(() => versionOf({ version: '1' }, 3)).toThrow(/not a version number/);
    expect(() => versionOf({ version: 0 }, 3)).toThrow(/not a version number/);
    expect(() => versionOf({ version: 4 }, 3)).toThrow(/newer CDT Lens/);
    expect(versionOf({ version: 2 }, 3)).toBe(2);
  });
});
