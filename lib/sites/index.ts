import defaultPatterns from '../../.generated/portal-matches.json';
import { readSettings } from '../settings/read';
import { updateSettings } from '../settings/store';
import { originPattern, patternOrigin, planSync, siteEnabledFor, toOrigin } from './origin';
import { applySyncPlan, currentSiteScripts } from './registration';

export { SiteError, toOrigin } from './origin';

/**
 * Turning CDT Lens on and off for a site: an optional host permission plus a registered content script,
 * both kept in line with the stored list of sites (settings.sites). For the popup and the options page.
 */

export interface SiteStatus {
  origin: string;
  /** The browser granted the site's permission (the user can withdraw it in the browser's own settings). */
  granted: boolean;
}

export type EnableResult = { ok: true; origin: string; already?: boolean } | { ok: false; origin: string; reason: 'denied' };

/** A bundled payer portal: CDT Lens runs there without asking. */
export function isDefaultSite(url: string): boolean {
  return siteEnabledFor(url, [], defaultPatterns);
}

/**
 * Turns CDT Lens on for a site. Call it straight from a click handler, with no await before it: the browser
 * shows its permission prompt only during a user gesture, so the request is this function's first await.
 * Throws SiteError (before prompting) for input that is not a web address.
 */
export async function enableSite(input: string): Promise<EnableResult> {
  const origin = toOrigin(input);
  if (isDefaultSite(`${origin}/`)) return { ok: true, origin, already: true };
  const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
  if (!granted) return { ok: false, origin, reason: 'denied' };
  await updateSettings((s) => (s.sites.includes(origin) ? s : { ...s, sites: [...s.sites, origin] }));
  await syncSites();
  return { ok: true, origin };
}

/** Turns CDT Lens off for a site: removes it from the list, unregisters the script and gives the permission back. */
export async function disableSite(input: string): Promise<void> {
  const origin = toOrigin(input);
  const settings = await updateSettings((s) => ({ ...s, sites: s.sites.filter((x) => x !== origin) }));
  const pattern = originPattern(origin);
  await syncSites();
  // Another stored origin on the same host (another port) still needs the permission.
  if (!settings.sites.some((s) => originPattern(s) === pattern))
    await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
}

async function grantedPatterns(): Promise<string[]> {
  return (await browser.permissions.getAll()).origins ?? [];
}

export async function listSites(): Promise<SiteStatus[]> {
  const [settings, granted] = await Promise.all([readSettings(), grantedPatterns()]);
  const have = new Set(granted);
  return settings.sites.map((origin) => ({ origin, granted: have.has(originPattern(origin)) }));
}

/** Whether CDT Lens runs on a URL: a bundled portal, or a site the user turned on and the browser allows. */
export async function isSiteEnabled(url: string): Promise<boolean> {
  if (isDefaultSite(url)) return true;
  const on = (await listSites()).filter((s) => s.granted).map((s) => s.origin);
  return siteEnabledFor(url, on, []);
}

/** Brings the registered content scripts in line with stored sites and granted permissions. */
export async function syncSites(): Promise<void> {
  const [settings, granted, registered] = await Promise.all([readSettings(), grantedPatterns(), currentSiteScripts()]);
  await applySyncPlan(planSync({ sites: settings.sites, granted, registered }));
}

/**
 * The background's answer to permissions.onAdded / onRemoved: a host permission granted or withdrawn outside
 * enableSite (the browser's own site-access menu, or a popup closed by the prompt before it could save) is the
 * user's choice too, so the stored list follows it.
 */
export async function followPermissionChange(origins: readonly string[] = [], added: boolean): Promise<void> {
  const changed = origins
    .map(patternOrigin)
    .filter((o): o is string => !!o && !isDefaultSite(`${o}/`));
  if (changed.length)
    await updateSettings((s) => {
      const sites = added
        ? [...s.sites, ...changed.filter((o) => !s.sites.includes(o))]
        : s.sites.filter((o) => !changed.some((c) => originPattern(c) === originPattern(o)));
      return { ...s, sites };
    });
  await syncSites();
}
