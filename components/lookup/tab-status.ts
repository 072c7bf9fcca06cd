import { MatchPattern } from '@webext-core/match-patterns';
import { siteEnabledFor } from '../../lib/sites/origin';

/**
 * Whether CDT Lens runs on a tab, and why:
 * - `portal`: a payer portal CDT Lens knows (data/payers); always on.
 * - `built-in`: another site this build's manifest names (the e2e build's local test pages); always on.
 * - `user`: a site the user turned on (stored, and the browser granted it); can be turned off.
 */
export type TabStatus =
  | { state: 'active'; origin: string; source: 'portal' | 'built-in' }
  /** On because the user turned it on: `sites` are the stored origins that cover the page (one, or a few ports). */
  | { state: 'active'; origin: string; source: 'user'; sites: string[] }
  /** A web page CDT Lens is not on for: it can be turned on. */
  | { state: 'inactive'; origin: string }
  /** Not a web page (the new tab page, browser settings, a file): CDT Lens never runs there. */
  | { state: 'not-web' }
  /** The browser did not give the extension the tab's address. */
  | { state: 'unknown' };

export interface SitePatterns {
  /** The bundled payer portals' match patterns. */
  portals: readonly string[];
  /** Every pattern the manifest's content script matches (the portals, plus test hosts in the e2e build). */
  builtIn: readonly string[];
  /** Origins the user turned on whose permission the browser holds. */
  userSites: readonly string[];
}

function includes(pattern: string, url: string): boolean {
  try {
    return new MatchPattern(pattern).includes(url);
  } catch {
    return false;
  }
}

export function tabStatus(url: string | undefined, sites: SitePatterns): TabStatus {
  if (!url) return { state: 'unknown' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { state: 'unknown' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { state: 'not-web' };
  const { origin } = parsed;
  if (sites.portals.some((p) => includes(p, url))) return { state: 'active', origin, source: 'portal' };
  if (sites.builtIn.some((p) => includes(p, url))) return { state: 'active', origin, source: 'built-in' };
  const mine = sites.userSites.filter((s) => siteEnabledFor(url, [s], []));
  if (mine.length) return { state: 'active', origin, source: 'user', sites: mine };
  return { state: 'inactive', origin };
}
