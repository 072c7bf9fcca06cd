import { type CatalogCode, type CompactCode, decodeCode } from './compact';

export type CodeStatus = 'valid' | 'deleted' | 'not-yet-valid' | 'unknown';

export interface CompiledCatalog {
  categories: readonly string[];
  codes: CompactCode[];
}

/** The CDT edition in force on a date of service (ISO yyyy-mm-dd): editions take effect on 1 January. */
export function editionOn(dateOfService: string): number {
  return Number(dateOfService.slice(0, 4));
}

export interface Catalog {
  listCodes(): CatalogCode[];
  getCode(code: string): CatalogCode | undefined;
  /**
   * A code as of a date of service: valid, deleted before that date, added after it, or unknown.
   * Editions are years in the data, so adding CDT 2027 is a data change only.
   */
  lookupCode(code: string, dateOfService: string): { status: CodeStatus; entry?: CatalogCode };
}

/** A catalog over compiled data, or over a function giving it (called once, when a code is first looked up). */
export function createCatalog(compiled: CompiledCatalog | (() => CompiledCatalog)): Catalog {
  let byCode: Map<string, CatalogCode> | undefined;
  const index = () => {
    if (!byCode) {
      const { codes, categories } = typeof compiled === 'function' ? compiled() : compiled;
      byCode = new Map(codes.map((t) => [t[0], decodeCode(t, categories)]));
    }
    return byCode;
  };
  const getCode = (code: string) => index().get(code.trim().toUpperCase());
  return {
    listCodes: () => [...index().values()],
    getCode,
    lookupCode(code, dateOfService) {
      const entry = getCode(code);
      if (!entry) return { status: 'unknown' };
      const edition = editionOn(dateOfService);
      if (entry.deleted && edition >= entry.deleted) return { status: 'deleted', entry };
      if (entry.added && edition < entry.added) return { status: 'not-yet-valid', entry };
      return { status: 'valid', entry };
    },
  };
}
