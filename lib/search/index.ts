export { buildSearchIndex } from './build';
export { type CodeSearch, createCodeSearch, type SearchFilter } from './search';
export { processTerm, stem, tokenize } from './terms';
