import MiniSearch from 'minisearch';
import type { LookupEntry } from '../catalog/lookup';
import { INDEX_OPTIONS, type IndexedCode, SEARCH_OPTIONS, type StoredFields } from './index-options';

const CODE_FRAGMENT = /^\s*d?\s*\d{1,4}\s*$/i;

export function isCodeFragment(query: string): boolean {
  return CODE_FRAGMENT.test(query);
}

export interface SearchFilter {
  /** Only codes of this category; empty or omitted means all. */
  category?: string;
  /** At most this many results (default 50). */
  limit?: number;
}

export interface CodeSearch {
  /** Codes matching the query, best first. An empty query lists the chosen category, current codes first. */
  search(query: string, filter?: SearchFilter): LookupEntry[];
}

/** Search over the prebuilt index (.generated/search-index.json) and the lookup entries it was built from. */
export function createCodeSearch(indexJson: string, entries: readonly LookupEntry[]): CodeSearch {
  const index = MiniSearch.loadJSON<IndexedCode>(indexJson, INDEX_OPTIONS);
  const byCode = new Map(entries.map((e) => [e.code, e]));

  function byCategory(category: string, limit: number): LookupEntry[] {
    return entries
      .filter((e) => e.category === category)
      .sort((a, b) => a.deleted - b.deleted || a.code.localeCompare(b.code))
      .slice(0, limit);
  }

  return {
    search(query, { category, limit = 50 } = {}) {
      if (!query.trim()) return category ? byCategory(category, limit) : [];
      const hits = index.search(query, {
        ...SEARCH_OPTIONS,
        // "D03", "0386": a code number or its start matches code numbers only, listed in code order.
        fields: isCodeFragment(query) ? ['code'] : undefined,
        filter: category ? (r) => (r as unknown as StoredFields).category === category : undefined,
      });
      // Ties go to current codes (sort is stable, so MiniSearch's order otherwise stands).
      hits.sort((a, b) => b.score - a.score || (a.deleted as number) - (b.deleted as number));
      const out: LookupEntry[] = [];
      for (const hit of hits) {
        const entry = byCode.get(hit.id as string);
        if (entry) out.push(entry);
        if (out.length >= limit) break;
      }
      return out;
    },
  };
}
