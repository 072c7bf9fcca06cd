import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Rows of ../shared/reference/*.tsv, the facts the catalog was built from (build and test time only). */
export interface ReferenceCode {
  code: string;
  category: string;
  meaning: string;
  area: string;
  surfaces: string;
  toothClass: string;
  confidence: string;
}
export interface ReferenceDeleted {
  code: string;
  category: string;
  meaning: string;
  status: string;
}

export const REFERENCE_DIR = resolve(import.meta.dirname, '../../data/reference');

function rows(file: string): string[][] {
  return readFileSync(resolve(REFERENCE_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .slice(1)
    .map((l) => l.split('\t'));
}

export function referenceAvailable(): boolean {
  try {
    readFileSync(resolve(REFERENCE_DIR, 'cdt-codes.tsv'));
    return true;
  } catch {
    return false;
  }
}

export function readReferenceCodes(): ReferenceCode[] {
  return rows('cdt-codes.tsv').map(([code, category, meaning, area, surfaces, toothClass, confidence]) => ({
    code,
    category,
    meaning,
    area,
    surfaces: surfaces ?? '',
    toothClass: toothClass ?? '',
    confidence,
  }));
}

export function readReferenceDeleted(): ReferenceDeleted[] {
  return rows('cdt-deleted.tsv').map(([code, category, meaning, status]) => ({ code, category, meaning, status }));
}
