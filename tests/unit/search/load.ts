import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LookupEntry } from '../../../lib/catalog/lookup';
import { type CodeSearch, createCodeSearch } from '../../../lib/search/search';

const GENERATED = resolve(import.meta.dirname, '../../../.generated');

export function lookupEntries(): LookupEntry[] {
  return JSON.parse(readFileSync(resolve(GENERATED, 'lookup.json'), 'utf8')) as LookupEntry[];
}

/** The real compiled index, as `npm run data` wrote it. */
export function realSearch(): CodeSearch {
  return createCodeSearch(readFileSync(resolve(GENERATED, 'search-index.json'), 'utf8'), lookupEntries());
}
