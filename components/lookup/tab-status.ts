import { MatchPattern } from '@webext-core/match-patterns';
import { profileMatches } from '../../lib/payers/resolve';
import type { PayerProfile } from '../../lib/payers/schema';

/** Whether CDT Lens runs on a tab: its URL matches a content-script pattern. */
export type TabStatus =
  | { state: 'active'; payer?: string }
  | { state: 'inactive' }
  /** The browser did not give the extension the tab's address. */
  | { state: 'unknown' };

function includes(pattern: string, url: string): boolean {
  try {
    return new MatchPattern(pattern).includes(url);
  } catch {
    return false;
  }
}

export function tabStatus(
  url: string | undefined,
  patterns: readonly string[],
  profiles: readonly Pick<PayerProfile, 'name' | 'hosts' | 'kind' | 'enabled'>[],
): TabStatus {
  if (!url) return { state: 'unknown' };
  if (!patterns.some((p) => includes(p, url))) return { state: 'inactive' };
  const payer = profiles.find((p) => p.enabled && p.kind !== 'default' && profileMatches(p, url));
  return { state: 'active', payer: payer?.name };
}
