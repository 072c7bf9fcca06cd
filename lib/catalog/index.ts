import compiled from '../../.generated/catalog-compact.json';
import rules from '../../.generated/rules.json';
import type { RuleTables } from '../rules/tables';
import { type CompiledCatalog, createCatalog } from './catalog';

export type { CatalogCode } from './compact';
export { type Catalog, type CodeStatus, createCatalog, editionOn } from './catalog';

/** The bundled catalog, compiled from data/codes by `npm run data`. */
export const catalog = createCatalog(compiled as unknown as CompiledCatalog);
export const { listCodes, getCode, lookupCode } = catalog;

/** The bundled typical rule tables (data/rules), typed by their zod schema. */
export function ruleTables(): RuleTables {
  return rules as unknown as RuleTables;
}
