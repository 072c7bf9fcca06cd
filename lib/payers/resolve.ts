import { MatchPattern } from '@webext-core/match-patterns';
import type { EffectivePayer } from '../rules/types';
import type { PayerProfile } from './schema';

const patterns = new Map<string, MatchPattern | null>();

function pattern(p: string): MatchPattern | null {
  if (!patterns.has(p)) {
    try {
      patterns.set(p, new MatchPattern(p));
    } catch {
      patterns.set(p, null);
    }
  }
  return patterns.get(p)!;
}

/** Whether one of a profile's match patterns covers the URL. */
export function profileMatches(profile: Pick<PayerProfile, 'hosts'>, url: string): boolean {
  return profile.hosts.some((p) => pattern(p)?.includes(url) ?? false);
}

/**
 * The payer profile for a page: an explicit choice for the tab wins, then the first enabled profile whose
 * portal patterns match the URL, then the "Default" profile.
 */
export function payerForUrl(url: string, profiles: readonly PayerProfile[], chosenId?: string | null): PayerProfile {
  const chosen = chosenId ? profiles.find((p) => p.id === chosenId && p.enabled) : undefined;
  if (chosen) return chosen;
  const matching = profiles.find((p) => p.enabled && p.kind !== 'default' && profileMatches(p, url));
  return matching ?? profiles.find((p) => p.kind === 'default') ?? { id: 'default', name: 'Default', kind: 'default', enabled: true, hosts: [], source: '', confidence: 'user', rules: {}, codes: {} };
}

/** What the rule engine needs from a profile. */
export function effectivePayer(profile: PayerProfile): EffectivePayer {
  return { name: profile.name, rules: profile.rules, codes: profile.codes };
}
