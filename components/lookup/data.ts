import payersJson from '../../.generated/payers.json';
import portalMatches from '../../.generated/portal-matches.json';
import { lookupEntry } from '../../lib/catalog/cards';
import type { PayerProfile } from '../../lib/payers/schema';

/** Payer profiles in the order the lookup lists them: "Default" first, then by name. */
export function sortProfiles(profiles: readonly PayerProfile[]): PayerProfile[] {
  return [...profiles].sort(
    (a, b) => Number(b.kind === 'default') - Number(a.kind === 'default') || a.name.localeCompare(b.name),
  );
}

/** The bundled payer profiles, "Default" first: what the lookup shows until the office's settings are read. */
export const PAYERS: readonly PayerProfile[] = sortProfiles(payersJson as unknown as PayerProfile[]);
export const DEFAULT_PAYER_ID = PAYERS.find((p) => p.kind === 'default')?.id ?? 'default';

/** The profiles a user can pick: the enabled ones, and always the Default profile. */
export const selectable = (profiles: readonly PayerProfile[]) =>
  profiles.filter((p) => p.enabled || p.kind === 'default');

/** The bundled payer portals' match patterns. */
export const PORTAL_PATTERNS: readonly string[] = portalMatches;

/** The pages the manifest's content script runs on: the bundled portals, plus test hosts in the e2e build. */
export function builtInPatterns(): string[] {
  const fromManifest = browser.runtime.getManifest().content_scripts?.flatMap((s) => s.matches ?? []) ?? [];
  return fromManifest.length ? fromManifest : [...portalMatches];
}

export function codeName(code: string): string {
  return lookupEntry(code)?.name ?? 'not in the catalog';
}
