import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { PayerProfile } from '../payers/schema';
import { RuleTables } from '../rules/tables';
import { type CodeEntry, CodeFile } from './schema';

/** Reading and validating data/ at build and test time (Node only; never bundled into the extension). */
export const DATA_DIR = resolve(import.meta.dirname, '../../data');

export class DataError extends Error {
  override name = 'DataError';
}

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

function parseFile<T extends z.ZodType>(schema: T, file: string): z.infer<T> {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DataError(`${file}: not valid YAML: ${(e as Error).message}`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 10).map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new DataError(`${file}: does not match its schema:\n${issues.join('\n')}`);
  }
  return result.data;
}

export interface LoadedCode extends CodeEntry {
  category: CodeFile['category'];
  file: string;
}

export function loadCodes(dir = join(DATA_DIR, 'codes')): LoadedCode[] {
  const out: LoadedCode[] = [];
  for (const file of yamlFiles(dir)) {
    const data = parseFile(CodeFile, file);
    for (const c of data.codes) out.push({ ...c, category: data.category, file });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

export function loadPayers(dir = join(DATA_DIR, 'payers')): (PayerProfile & { file: string })[] {
  return yamlFiles(dir).map((file) => ({ ...parseFile(PayerProfile, file), file }));
}

const RULE_FILES = {
  sameDayConflicts: 'same-day-conflicts.yaml',
  frequencyGroups: 'frequency.yaml',
  ageLimits: 'age-limits.yaml',
  attachments: 'attachments.yaml',
  priorAuth: 'prior-auth.yaml',
} as const;

/** data/rules/: one YAML list per table, validated together. */
export function loadRuleTables(dir = join(DATA_DIR, 'rules')): RuleTables {
  const raw: Record<string, unknown> = {};
  for (const [key, file] of Object.entries(RULE_FILES)) {
    try {
      raw[key] = parse(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      throw new DataError(`${join(dir, file)}: ${(e as Error).message}`);
    }
  }
  const result = RuleTables.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 10).map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new DataError(`${dir}: rule tables do not match their schema:\n${issues.join('\n')}`);
  }
  return result.data;
}
