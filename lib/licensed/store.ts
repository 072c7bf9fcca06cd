import { rawItem } from '../settings/raw-item';
import type { LicensedEntry } from './columns';

export type { LicensedEntry } from './columns';

/**
 * The practice's own licensed CDT descriptors, kept in browser.storage.local only: never bundled with CDT Lens,
 * never sent anywhere. Zod-free, so the content script's card can read them.
 */
export interface LicensedData {
  importedAt: string;
  /** The file's name, to tell the user which data is in use. */
  source: string;
  entries: Record<string, LicensedEntry>;
}

export const LICENSED_KEY = 'licensedDescriptors';
const item = rawItem('local', LICENSED_KEY);

function valid(v: unknown): v is LicensedData {
  return typeof v === 'object' && v !== null && typeof (v as LicensedData).entries === 'object' && (v as LicensedData).entries !== null;
}

/** All imported descriptors, or null when the practice imported none. */
export async function getLicensedDescriptors(): Promise<LicensedData | null> {
  const v = await item.get();
  return valid(v) ? v : null;
}

/** One code's licensed nomenclature and descriptor, or null. */
export async function getLicensedDescriptor(code: string): Promise<LicensedEntry | null> {
  const data = await getLicensedDescriptors();
  const key = code.trim().toUpperCase();
  return data && Object.hasOwn(data.entries, key) ? data.entries[key] : null;
}

export async function saveLicensedData(data: LicensedData): Promise<void> {
  await browser.storage.local.set({ [LICENSED_KEY]: data });
}

export async function removeLicensedData(): Promise<void> {
  await browser.storage.local.remove(LICENSED_KEY);
}

export function watchLicensedDescriptors(callback: (data: LicensedData | null) => void): () => void {
  return item.watch((v) => callback(valid(v) ? v : null));
}
