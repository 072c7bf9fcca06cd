import indexJson from '../../.generated/search-index.json?raw';
import { lookupEntries } from '../../lib/catalog/cards';
import { type CodeSearch, createCodeSearch } from '../../lib/search/search';

let search: CodeSearch | undefined;

/** The catalog search over the prebuilt index, created on first use. */
export function codeSearch(): CodeSearch {
  search ??= createCodeSearch(indexJson, lookupEntries());
  return search;
}
