import compiled from '../../.generated/catalog-compact.json';
import rules from '../../.generated/rules.json';
import type { ShippedRuleTables } from '../rules/tables';
import { type CompiledCatalog, createCatalog } from './catalog';

export type { CatalogCode } from './compact';
export { type Catalog, type CodeStatus, createCatalog, editionOn } from './catalog';

/** The bundled catalog, compiled from data/codes by `npm run data`. */
export const catalog = createCatalog(compiled as unknown as CompiledCatalog);
export const { listCodes, getCode, lookupCode } = catalog;

/** The bundled typical rule tables (data/rules, validated at build time), without their provenance. */
export function ruleTables(): ShippedRuleTables {
  return rules as unknown as ShippedRuleTables;
}
