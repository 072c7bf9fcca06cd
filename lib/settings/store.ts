import { storage } from '@wxt-dev/storage';
import { MigrationError, migrateSettings } from './migrations';
import { type RecoveredCopy, Settings, emptySettings } from './schema';
import { RECOVERED_KEY, SETTINGS_KEY } from './version';
import { describeZodError } from './zod-error';

/**
 * The settings store: browser.storage.local through WXT storage, validated with the zod schema on every read
 * and write. Reads migrate older versions and recover from corrupt values (keeping a copy of what could not
 * be read). The content script reads through read.ts instead, which needs no zod.
 */
export const settingsItem = storage.defineItem<unknown>(SETTINGS_KEY);
export const recoveredItem = storage.defineItem<RecoveredCopy | null>(RECOVERED_KEY, { fallback: null });

export interface LoadedSettings {
  settings: Settings;
  /** Set when the stored settings could not be read and were reset to the defaults just now. */
  recovered?: RecoveredCopy;
  /** The version the stored settings were migrated from, when they were. */
  migratedFrom?: number;
}

/** Parses what storage holds: a settings object of some version, or a JSON string of one. */
export function parseStored(raw: unknown): { ok: true; settings: Settings; from: number } | { ok: false; problem: string } {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { ok: false, problem: 'the stored settings are not readable JSON (truncated or edited by hand)' };
    }
  }
  try {
    const migrated = migrateSettings(value);
    const parsed = Settings.safeParse(migrated.value);
    if (!parsed.success) return { ok: false, problem: `the stored settings are invalid: ${describeZodError(parsed.error)}` };
    return { ok: true, settings: parsed.data, from: migrated.from };
  } catch (e) {
    if (e instanceof MigrationError) return { ok: false, problem: e.message };
    return { ok: false, problem: `the stored settings could not be migrated: ${(e as Error).message}` };
  }
}

/**
 * Reads the settings, migrating and saving them when they are older, and resetting them to the defaults when
 * they cannot be read (the unreadable value is kept under settingsRecovered for the options page to show).
 */
export async function loadSettings(): Promise<LoadedSettings> {
  const raw = await settingsItem.getValue();
  if (raw === null || raw === undefined) return { settings: emptySettings() };
  const result = parseStored(raw);
  if (result.ok) {
    if (result.from !== result.settings.version) await settingsItem.setValue(result.settings);
    return { settings: result.settings, migratedFrom: result.from !== result.settings.version ? result.from : undefined };
  }
  const recovered: RecoveredCopy = { at: new Date().toISOString(), problem: result.problem, raw };
  await recoveredItem.setValue(recovered);
  await settingsItem.setValue(emptySettings());
  return { settings: emptySettings(), recovered };
}

/** Validates and stores the whole settings object; throws (storing nothing) when it is invalid. */
export async function saveSettings(settings: Settings): Promise<Settings> {
  const valid = Settings.parse(settings);
  await settingsItem.setValue(valid);
  return valid;
}

/** Reads, changes and saves in one step, e.g. adding a site without touching unsaved payer edits. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const { settings } = await loadSettings();
  return saveSettings(change(structuredClone(settings)));
}

export async function getRecovered(): Promise<RecoveredCopy | null> {
  return recoveredItem.getValue();
}

export async function dismissRecovered(): Promise<void> {
  await recoveredItem.removeValue();
}
