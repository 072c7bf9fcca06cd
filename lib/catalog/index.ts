import compact from '../../.generated/catalog-compact.json';
import { type CatalogCode, type CompactCode, decodeCode } from './compact';

export type { CatalogCode } from './compact';

const categories = compact.categories as readonly string[];
let byCode: Map<string, CatalogCode> | undefined;

function index(): Map<string, CatalogCode> {
  byCode ??= new Map((compact.codes as CompactCode[]).map((t) => [t[0], decodeCode(t, categories)]));
  return byCode;
}

/** Every code the catalog knows, current and deleted, in code order. */
export function listCodes(): CatalogCode[] {
  return [...index().values()];
}

export function getCode(code: string): CatalogCode | undefined {
  return index().get(code.toUpperCase());
}

export type CodeStatus = 'valid' | 'deleted' | 'not-yet-valid' | 'unknown';

/** The CDT edition in force on a date of service: editions take effect on 1 January. */
export function editionOn(dateOfService: string): number {
  return Number(dateOfService.slice(0, 4));
}

/**
 * A code as of a date of service (ISO yyyy-mm-dd): valid, deleted before that date, added after it, or unknown.
 * Adding a CDT edition is a data change only: editions are years in the data.
 */
export function lookupCode(code: string, dateOfService: string): { status: CodeStatus; entry?: CatalogCode } {
  const entry = getCode(code);
  if (!entry) return { status: 'unknown' };
  const edition = editionOn(dateOfService);
  if (entry.deleted && edition >= entry.deleted) return { status: 'deleted', entry };
  if (entry.added && edition < entry.added) return { status: 'not-yet-valid', entry };
  return { status: 'valid', entry };
}
