import lookup from '../../.generated/lookup.json';
import { categorySlug, type LookupEntry } from './lookup';
import type { CodeEntry } from './schema';

export type FullCode = CodeEntry & { category: LookupEntry['category'] };

const entries = lookup as LookupEntry[];
let byCode: Map<string, LookupEntry> | undefined;
const chunks = new Map<string, Promise<Record<string, FullCode>>>();

export function lookupEntries(): LookupEntry[] {
  return entries;
}

export function lookupEntry(code: string): LookupEntry | undefined {
  byCode ??= new Map(entries.map((e) => [e.code, e]));
  return byCode.get(code.toUpperCase());
}

/** The full knowledge card, loaded from the extension's own packaged files only when it is opened. */
export async function loadCard(code: string): Promise<FullCode | null> {
  const entry = lookupEntry(code);
  if (!entry) return null;
  const slug = categorySlug(entry.category);
  let chunk = chunks.get(slug);
  if (!chunk) {
    chunk = fetch(browser.runtime.getURL(`/cards/${slug}.json` as Parameters<typeof browser.runtime.getURL>[0])).then(
      (r) => r.json(),
    );
    chunks.set(slug, chunk);
  }
  return (await chunk)[entry.code] ?? null;
}
