/**
 * Finding the code and descriptor columns of a licensed CDT data file by their headers, whatever the order
 * and whatever other columns the ADA's export or a practice's copy has.
 */
export interface LicensedEntry {
  /** The ADA's name for the code (nomenclature), when the file has it. */
  nomenclature?: string;
  /** The ADA's descriptor, when the file has it. */
  descriptor?: string;
}

export class ColumnsError extends Error {
  override name = 'ColumnsError';
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, ' ').trim();
const CODE_HEADERS = ['code', 'cdt code', 'procedure code', 'cdt', 'code number', 'cdt procedure code', 'proc code'];
const isDescriptor = (h: string) => /\bdescriptor\b/.test(h) || h === 'description' || h === 'long description';
const isNomenclature = (h: string) => /\bnomenclature\b/.test(h) || ['name', 'short description', 'procedure name', 'title'].includes(h);

export interface Columns {
  header: number;
  code: number;
  nomenclature?: number;
  descriptor?: number;
}

export function detectColumns(rows: readonly string[][]): Columns {
  for (let r = 0; r < Math.min(rows.length, 15); r++) {
    const headers = rows[r].map(norm);
    const code = headers.findIndex((h) => CODE_HEADERS.includes(h));
    const descriptor = headers.findIndex(isDescriptor);
    const nomenclature = headers.findIndex(isNomenclature);
    if (code !== -1 && (descriptor !== -1 || nomenclature !== -1))
      return {
        header: r,
        code,
        descriptor: descriptor === -1 ? undefined : descriptor,
        nomenclature: nomenclature === -1 ? undefined : nomenclature,
      };
  }
  const first = rows[0]?.filter(Boolean).slice(0, 6).join(', ') ?? '';
  throw new ColumnsError(
    `no column headed “Code” next to one headed “Descriptor” or “Nomenclature” was found${first ? ` (the first row reads: ${first.slice(0, 160)})` : ''}`,
  );
}

const MAX_TEXT = 4000;
const clip = (s: string | undefined) => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, MAX_TEXT) : undefined;
};

/** The entries of a file's rows, by code; rows without a D-code are skipped and counted. */
export function entriesFrom(rows: readonly string[][]): { entries: Record<string, LicensedEntry>; skipped: number } {
  const cols = detectColumns(rows);
  const entries: Record<string, LicensedEntry> = {};
  let skipped = 0;
  for (const row of rows.slice(cols.header + 1)) {
    const code = row[cols.code]?.trim().toUpperCase() ?? '';
    if (!/^D\d{4}$/.test(code)) {
      if (row.some((c) => c.trim())) skipped++;
      continue;
    }
    const entry: LicensedEntry = {};
    const nomenclature = clip(cols.nomenclature === undefined ? undefined : row[cols.nomenclature]);
    const descriptor = clip(cols.descriptor === undefined ? undefined : row[cols.descriptor]);
    if (nomenclature) entry.nomenclature = nomenclature;
    if (descriptor) entry.descriptor = descriptor;
    if (nomenclature || descriptor) entries[code] = entry;
    else skipped++;
  }
  return { entries, skipped };
}
