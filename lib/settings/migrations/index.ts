import { SETTINGS_VERSION } from '../version';
import { collectMigrations, type MigrationModule, runMigrations } from './runner';

/** Every migration step in this folder, discovered by file name (v001-to-v002.ts ...) at build time. */
export const MIGRATIONS = collectMigrations(import.meta.glob<MigrationModule>('./v[0-9][0-9][0-9]-to-v*.ts', { eager: true }));

if (MIGRATIONS.length + 1 !== SETTINGS_VERSION)
  throw new Error(`settings: SETTINGS_VERSION is ${SETTINGS_VERSION} but migrations reach ${MIGRATIONS.length + 1}`);

/** Brings stored or imported settings of any known version up to the current one (not yet validated). */
export function migrateSettings(value: unknown) {
  return runMigrations(value, MIGRATIONS, SETTINGS_VERSION);
}

export { MigrationError } from './runner';
