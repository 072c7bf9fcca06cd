import { followPermissionChange, syncSites } from '../sites';
import { loadSettings } from './store';
import { clearTabPayer } from './tab-payer';

/**
 * What the background does for settings and sites: migrate or recover stored settings early, and keep the
 * registered content scripts in line with the user's sites after installs, updates and browser restarts
 * (Chrome keeps persistAcrossSessions registrations; Firefox's MV2 fallback does not, and the check is cheap).
 */
export async function prepareSettings(): Promise<void> {
  await loadSettings();
  await syncSites();
}

/** Registers the background listeners; call at the top level of the background entrypoint. */
export function listenForSettingsEvents(): void {
  browser.runtime.onInstalled.addListener(() => logErrors(prepareSettings()));
  browser.runtime.onStartup.addListener(() => logErrors(prepareSettings()));
  browser.permissions.onAdded.addListener((p) => logErrors(followPermissionChange(p.origins, true)));
  browser.permissions.onRemoved.addListener((p) => logErrors(followPermissionChange(p.origins, false)));
  browser.tabs.onRemoved.addListener((tabId) => logErrors(clearTabPayer(tabId)));
}

function logErrors(work: Promise<unknown>): void {
  work.catch((e) => console.error('CDT Lens:', e));
}
