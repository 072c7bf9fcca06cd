import { z } from 'zod';
import { lookupEntry } from '../catalog/cards';
import type { PayerProfile } from '../payers/schema';
import { RULE_IDS } from '../rules/ids';
import { bundledPayers } from './bundled';
import { type PayerChange, diffPayers } from './diff';
import { mergePayers, omitKey, own, userLayer } from './merge';
import { MigrationError, migrateSettings } from './migrations';
import { Settings } from './schema';
import { FORBIDDEN_KEYS, SETTINGS_VERSION } from './version';
import { describeZodError } from './zod-error';

/**
 * Settings files: export all settings or one payer, and check an import before anything is applied. An import
 * is all or nothing: `checkImport` returns the complete next settings (or an error naming the problem), and
 * the caller saves them in one write.
 */

export const FILE_FORMAT = 'cdt-lens-settings';
/** A settings file is a few kilobytes; a megabyte is far beyond any real one. */
export const MAX_IMPORT_BYTES = 1_000_000;
/** The longest string any settings field allows is a 4000-character note. */
export const MAX_STRING_LENGTH = 5000;

export interface SettingsFile {
  format: typeof FILE_FORMAT;
  version: number;
  exportedAt: string;
  /** "payer": the file holds one payer's settings, and importing it changes only that payer. */
  scope: 'all' | 'payer';
  payerId?: string;
  settings: Settings;
}

const day = (now: Date) => now.toISOString().slice(0, 10);

export function exportFilename(now: Date, payerId?: string): string {
  return payerId ? `cdt-lens-payer-${payerId}-${day(now)}.json` : `cdt-lens-settings-${day(now)}.json`;
}

function fileText(file: SettingsFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** All settings as a file. Sites travel along but are not turned on by an import (the browser asks each). */
export function exportAll(settings: Settings, now = new Date()): { filename: string; text: string } {
  const file: SettingsFile = { format: FILE_FORMAT, version: SETTINGS_VERSION, exportedAt: now.toISOString(), scope: 'all', settings };
  return { filename: exportFilename(now), text: fileText(file) };
}

/** One payer's settings (its changes, or the whole payer if the office added it) as a file. */
export function exportPayer(settings: Settings, payerId: string, now = new Date()): { filename: string; text: string } {
  const override = own(settings.payers, payerId);
  const only: Settings = {
    version: SETTINGS_VERSION,
    payers: override ? { [payerId]: override } : {},
    addedPayers: settings.addedPayers.filter((p) => p.id === payerId),
    sites: [],
    licensedData: false,
  };
  const file: SettingsFile = {
    format: FILE_FORMAT,
    version: SETTINGS_VERSION,
    exportedAt: now.toISOString(),
    scope: 'payer',
    payerId,
    settings: only,
  };
  return { filename: exportFilename(now, payerId), text: fileText(file) };
}

export type ImportCheck =
  | { ok: true; next: Settings; changes: PayerChange[]; notes: string[]; scope: 'all' | 'payer' }
  | { ok: false; error: string };

class ImportProblem extends Error {}

/** JSON.parse that refuses prototype keys and oversized strings, naming where they are. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text, (key, value) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ImportProblem(`the file contains the key “${key}”, which is not allowed`);
      if (typeof value === 'string' && value.length > MAX_STRING_LENGTH)
        throw new ImportProblem(`the file contains text of ${value.length} characters under “${key}” (at most ${MAX_STRING_LENGTH})`);
      return value;
    });
  } catch (e) {
    if (e instanceof ImportProblem) throw e;
    throw new ImportProblem('the file is not valid JSON (it may be truncated or not a settings file)');
  }
}

const Envelope = z.object({
  format: z.literal(FILE_FORMAT, { error: 'this is not a CDT Lens settings file' }),
  version: z.unknown().optional(),
  exportedAt: z.string().max(40).optional(),
  scope: z.enum(['all', 'payer']).default('all'),
  payerId: z.string().max(80).optional(),
  settings: z.record(z.string(), z.unknown()),
});

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const RULES = new Set<string>(RULE_IDS);

/** Rule ids and codes the file names that this CDT Lens does not know, as readable problems. */
function unknownNames(settings: Obj, knownCode: (code: string) => boolean): string[] {
  const problems: string[] = [];
  const check = (where: string, p: unknown) => {
    if (!isObj(p)) return;
    if (isObj(p.rules))
      for (const id of Object.keys(p.rules)) if (!RULES.has(id)) problems.push(`unknown rule id “${id}” (${where})`);
    if (isObj(p.codes))
      for (const code of Object.keys(p.codes))
        if (!knownCode(code)) problems.push(`unknown procedure code “${code.slice(0, 20)}” (${where})`);
  };
  if (isObj(settings.payers)) for (const [id, p] of Object.entries(settings.payers)) check(`payer ${id}`, p);
  if (Array.isArray(settings.addedPayers))
    settings.addedPayers.forEach((p, i) => check(`added payer ${isObj(p) && typeof p.id === 'string' ? p.id : i + 1}`, p));
  return problems;
}

function applyScope(current: Settings, incoming: Settings, scope: 'all' | 'payer', payerId?: string): Settings {
  if (scope === 'all')
    return { ...current, payers: incoming.payers, addedPayers: incoming.addedPayers, licensedData: current.licensedData };
  const id = payerId!;
  const override = own(incoming.payers, id);
  const payers = override ? { ...current.payers, [id]: override } : omitKey(current.payers, id);
  const added = incoming.addedPayers.find((p) => p.id === id);
  const addedPayers = current.addedPayers.filter((p) => p.id !== id);
  if (added) addedPayers.push(added);
  return { ...current, payers, addedPayers };
}

export interface ImportOptions {
  bundled?: readonly PayerProfile[];
  knownCode?: (code: string) => boolean;
  /** Bytes of the file, when the caller has them before reading it. */
  size?: number;
}

/**
 * Checks a settings file against the current settings. Nothing is stored: on success the caller saves `next`
 * in one write (all or nothing); on failure `error` names the problem and current settings stay as they are.
 */
export function checkImport(text: string, current: Settings, options: ImportOptions = {}): ImportCheck {
  const bundled = options.bundled ?? bundledPayers();
  const knownCode = options.knownCode ?? ((code: string) => !!lookupEntry(code));
  try {
    const size = options.size ?? new TextEncoder().encode(text).length;
    if (size > MAX_IMPORT_BYTES)
      throw new ImportProblem(`the file is ${Math.ceil(size / 1000)} kB; a settings file is at most ${MAX_IMPORT_BYTES / 1000} kB`);
    const envelope = Envelope.safeParse(parseJson(text));
    if (!envelope.success) throw new ImportProblem(describeZodError(envelope.error));
    const { settings, version, scope, payerId } = envelope.data;
    const unknown = unknownNames(settings, knownCode);
    if (unknown.length) throw new ImportProblem(unknown.slice(0, 3).join('; '));
    const migrated = migrateSettings({ ...settings, version });
    const parsed = Settings.safeParse(migrated.value);
    if (!parsed.success) throw new ImportProblem(`the settings in the file are invalid: ${describeZodError(parsed.error)}`);
    if (scope === 'payer' && (!payerId || (!own(parsed.data.payers, payerId) && !parsed.data.addedPayers.some((p) => p.id === payerId))))
      throw new ImportProblem('the file says it holds one payer, but that payer is not in it');
    const next = applyScope(current, parsed.data, scope, payerId);
    const before = mergePayers(bundled, userLayer(current));
    const after = mergePayers(bundled, userLayer(next));
    const notes = parsed.data.sites
      .filter((s) => !current.sites.includes(s))
      .map((s) => `The file lists the site ${s}; to use CDT Lens there, turn it on under Sites (the browser will ask you).`);
    return { ok: true, next, changes: diffPayers(before, after), notes, scope };
  } catch (e) {
    if (e instanceof ImportProblem || e instanceof MigrationError) return { ok: false, error: `Not imported: ${e.message}.` };
    throw e;
  }
}
