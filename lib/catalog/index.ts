import catalogJson from '../../.generated/catalog-compact.json?raw';
import rulesJson from '../../.generated/rules.json?raw';
import type { ShippedRuleTables } from '../rules/tables';
import { type CompiledCatalog, createCatalog } from './catalog';

export type { CatalogCode } from './compact';
export { type Catalog, type CodeStatus, createCatalog, editionOn } from './catalog';

// The bundled data ships as JSON text, parsed on first use: a script's object literals of the same data cost the
// content script about 100 ms to compile and run on every portal page before its load event, and JSON.parse is
// the fastest way to build them.

/** The bundled catalog, compiled from data/codes by `npm run data`. */
export const catalog = createCatalog(() => JSON.parse(catalogJson) as CompiledCatalog);
export const { listCodes, getCode, lookupCode } = catalog;

/** The bundled typical rule tables (data/rules, validated at build time), without their provenance. */
export function ruleTables(): ShippedRuleTables {
  tables ??= JSON.parse(rulesJson) as ShippedRuleTables;
  return tables;
}
let tables: ShippedRuleTables | undefined;
