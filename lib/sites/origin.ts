import { MatchPattern } from '@webext-core/match-patterns';

/**
 * Sites the user turns CDT Lens on for, as pure functions: origins, their match patterns, and the plan that
 * brings the browser's registered content scripts in line with what is stored and granted.
 */

export class SiteError extends Error {
  override name = 'SiteError';
}

/** "pms.example.com", "https://pms.example.com/claims?id=1" or "http://10.0.0.5:8080" -> the origin. */
export function toOrigin(input: string): string {
  const text = input.trim();
  if (!text) throw new SiteError('Type the address of the site, e.g. https://pms.example.com');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new SiteError(`“${text.slice(0, 80)}” is not a web address`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new SiteError('CDT Lens can only be turned on for web sites (addresses starting https:// or http://)');
  if (!url.hostname || url.hostname.includes('*')) throw new SiteError('Give one site, without wildcards');
  return url.origin;
}

/**
 * The match pattern for an origin. Patterns carry no port (Firefox rejects ports; Chrome then matches every
 * port), so http://10.0.0.5:8080 is covered by http://10.0.0.5/*.
 */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** The origin a granted permission pattern stands for, or null for wildcard patterns. */
export function patternOrigin(pattern: string): string | null {
  const m = /^(https?):\/\/([^/*]+)\/\*$/.exec(pattern);
  return m ? `${m[1]}://${m[2]}` : null;
}

export const SCRIPT_PREFIX = 'cdt-lens-site:';
export const scriptId = (pattern: string) => `${SCRIPT_PREFIX}${pattern}`;

function matches(pattern: string, url: string): boolean {
  try {
    return new MatchPattern(pattern).includes(url);
  } catch {
    return false;
  }
}

/** Whether CDT Lens runs on a URL: a bundled payer portal, or a site the user turned on. */
export function siteEnabledFor(url: string, sites: readonly string[], defaultPatterns: readonly string[]): boolean {
  return defaultPatterns.some((p) => matches(p, url)) || sites.some((s) => matches(originPattern(s), url));
}

export interface SyncPlan {
  register: { id: string; pattern: string }[];
  unregister: string[];
}

/**
 * What to register and unregister so that exactly the stored sites whose permission is granted have a
 * registered content script (a site without permission stays off until the user turns it on again).
 */
export function planSync(input: { sites: readonly string[]; granted: readonly string[]; registered: readonly string[] }): SyncPlan {
  const granted = new Set(input.granted);
  const wanted = new Map<string, string>();
  for (const site of input.sites) {
    const pattern = originPattern(site);
    if (granted.has(pattern)) wanted.set(scriptId(pattern), pattern);
  }
  const registered = new Set(input.registered.filter((id) => id.startsWith(SCRIPT_PREFIX)));
  return {
    register: [...wanted].filter(([id]) => !registered.has(id)).map(([id, pattern]) => ({ id, pattern })),
    unregister: [...registered].filter((id) => !wanted.has(id)),
  };
}
