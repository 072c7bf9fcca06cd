import { updateSettings } from '../settings/store';
import { ColumnsError, entriesFrom } from './columns';
import { parseCsv } from './csv';
import { type LicensedData, removeLicensedData, saveLicensedData } from './store';
import { XlsxError, readXlsxRows } from './xlsx';

export { getLicensedDescriptor, getLicensedDescriptors, watchLicensedDescriptors } from './store';

export class LicensedImportError extends Error {
  override name = 'LicensedImportError';
}

export const MAX_LICENSED_FILE_BYTES = 20_000_000;

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Rows of a CSV or XLSX file (told apart by content, not only by name). */
export function readRows(name: string, bytes: Uint8Array): string[][] {
  if (isZip(bytes)) return readXlsxRows(bytes);
  if (/\.xlsx?$/i.test(name)) throw new LicensedImportError('the file is named like a spreadsheet but is not an .xlsx file');
  return parseCsv(new TextDecoder().decode(bytes));
}

/** Reads a licensed CDT data file into entries by code, or throws LicensedImportError naming the problem. */
export function parseLicensedFile(name: string, bytes: Uint8Array, now = new Date()): LicensedData & { skipped: number } {
  if (bytes.length > MAX_LICENSED_FILE_BYTES) throw new LicensedImportError('the file is larger than 20 MB');
  try {
    const { entries, skipped } = entriesFrom(readRows(name, bytes));
    if (!Object.keys(entries).length) throw new LicensedImportError('no rows with a CDT code (D and four digits) were found');
    return { importedAt: now.toISOString(), source: name.slice(0, 200), entries, skipped };
  } catch (e) {
    if (e instanceof XlsxError || e instanceof ColumnsError) throw new LicensedImportError(e.message);
    throw e;
  }
}

/** Imports the file (replacing earlier licensed data) and records that the practice holds the licence. */
export async function importLicensedFile(name: string, bytes: Uint8Array): Promise<{ count: number; skipped: number }> {
  const { skipped, ...data } = parseLicensedFile(name, bytes);
  await saveLicensedData(data);
  await updateSettings((s) => ({ ...s, licensedData: true }));
  return { count: Object.keys(data.entries).length, skipped };
}

export async function removeLicensedFile(): Promise<void> {
  await removeLicensedData();
  await updateSettings((s) => ({ ...s, licensedData: false }));
}
