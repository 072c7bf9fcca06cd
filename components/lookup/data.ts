import payersJson from '../../.generated/payers.json';
import portalMatches from '../../.generated/portal-matches.json';
import { lookupEntry } from '../../lib/catalog/cards';
import type { PayerProfile } from '../../lib/payers/schema';

/** The bundled payer profiles, "Default" first. */
export const PAYERS: readonly PayerProfile[] = [...(payersJson as unknown as PayerProfile[])].sort(
  (a, b) => Number(b.kind === 'default') - Number(a.kind === 'default') || a.name.localeCompare(b.name),
);
export const DEFAULT_PAYER_ID = PAYERS.find((p) => p.kind === 'default')?.id ?? 'default';

type Scripting = { getRegisteredContentScripts?(): Promise<{ matches?: string[] }[]> };

/**
 * The pages the content script runs on: the manifest's patterns (the bundled portals, plus test hosts in the e2e
 * build), and the sites a user turned on, which are registered at run time.
 */
export async function contentScriptPatterns(): Promise<string[]> {
  const fromManifest = browser.runtime.getManifest().content_scripts?.flatMap((s) => s.matches ?? []) ?? [];
  const scripting = (browser as unknown as { scripting?: Scripting }).scripting;
  const registered = (await scripting?.getRegisteredContentScripts?.().catch(() => [])) ?? [];
  return [...(fromManifest.length ? fromManifest : portalMatches), ...registered.flatMap((s) => s.matches ?? [])];
}

export function codeName(code: string): string {
  return lookupEntry(code)?.name ?? 'not in the catalog';
}
