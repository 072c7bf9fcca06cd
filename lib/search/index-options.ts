import type { Options, SearchOptions } from 'minisearch';
import type { LookupEntry } from '../catalog/lookup';
import { processTerm, tokenize } from './terms';

/** The indexed document: a lookup entry with its synonyms joined. */
export interface IndexedCode {
  code: string;
  name: string;
  synonyms: string;
  subcategory: string;
  category: string;
  description: string;
  deleted: number;
}

/** Kept in the index so filters and document boosts need no second lookup. */
export interface StoredFields {
  category: string;
  deleted: number;
}

export const INDEX_OPTIONS: Options<IndexedCode> = {
  idField: 'code',
  fields: ['code', 'name', 'synonyms', 'subcategory', 'category', 'description'],
  storeFields: ['category', 'deleted'],
  tokenize,
  processTerm,
};

/**
 * Field boosts, prefix and fuzzy matching. A code number typed in full outweighs everything; synonyms hold
 * the lay terms and abbreviations ("pano", "FMX", "deep cleaning"), so they weigh more than the name.
 * A deleted code gets a small document boost below 1, so the current code wins when the text matches equally.
 */
export const SEARCH_OPTIONS: SearchOptions = {
  boost: { code: 12, synonyms: 5, name: 3, subcategory: 1.2, category: 1, description: 0.3 },
  // Synonym lists differ a lot in length; weak length normalisation keeps long lists from burying a lay term.
  bm25: { k: 1.2, b: 0.3, d: 0.5 },
  prefix: (term) => term.length >= 2 || /\d/.test(term),
  fuzzy: (term) => (term.length >= 5 && !/\d/.test(term) ? 0.2 : false),
  maxFuzzy: 2,
  weights: { prefix: 0.4, fuzzy: 0.3 },
  combineWith: 'OR',
  boostDocument: (_id, _term, stored) => ((stored as StoredFields | undefined)?.deleted ? 0.8 : 1),
};

export function toIndexed(entry: LookupEntry): IndexedCode {
  return {
    code: entry.code,
    name: entry.name,
    synonyms: entry.synonyms.join(' ; '),
    subcategory: entry.subcategory,
    category: entry.category,
    description: entry.description,
    deleted: entry.deleted,
  };
}
