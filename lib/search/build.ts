import MiniSearch from 'minisearch';
import type { LookupEntry } from '../catalog/lookup';
import { INDEX_OPTIONS, type IndexedCode, toIndexed } from './index-options';

/** The search index over the whole catalog, built once by `npm run data` and shipped as JSON. */
export function buildSearchIndex(entries: readonly LookupEntry[]): MiniSearch<IndexedCode> {
  const index = new MiniSearch<IndexedCode>(INDEX_OPTIONS);
  index.addAll(entries.map(toIndexed));
  return index;
}
