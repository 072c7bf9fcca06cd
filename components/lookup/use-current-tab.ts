import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PayerProfile } from '../../lib/payers/schema';
import { readPayerProfiles, watchManaged, watchSettings } from '../../lib/settings/read';
import { getTabPayer, resolvePayerFor, watchTabPayers } from '../../lib/settings/tab-payer';
import { listSites } from '../../lib/sites';
import { builtInPatterns, PORTAL_PATTERNS } from './data';
import { type TabStatus, tabStatus } from './tab-status';

/** The browser tab the lookup is about: the active tab of its window. */
export interface CurrentTab {
  tabId: number;
  /** Undefined when the browser does not tell the extension the address (no activeTab grant, no permission). */
  url?: string;
  status: TabStatus;
  /** The payer profile in force on the tab; undefined when that depends on an address the lookup cannot read. */
  payer?: PayerProfile;
  /** The payer id the user picked for this tab in the lookup, or null for automatic (by site). */
  chosenId: string | null;
}

/** The lookup's own tab when it was opened as a page (a deep link), else undefined (popup, side panel). */
async function ownTabId(): Promise<number | undefined> {
  try {
    return (await browser.tabs.getCurrent())?.id;
  } catch {
    return undefined;
  }
}

async function userSites(): Promise<string[]> {
  try {
    return (await listSites()).filter((s) => s.granted).map((s) => s.origin);
  } catch {
    return [];
  }
}

/** Reads the active tab and what applies to it; null when there is none, or it is the lookup's own page. */
export async function readCurrentTab(): Promise<CurrentTab | null> {
  const [[tab], own] = await Promise.all([browser.tabs.query({ active: true, currentWindow: true }), ownTabId()]);
  if (tab?.id === undefined || tab.id < 0 || tab.id === own) return null;
  const tabId = tab.id;
  const url = tab.url || undefined;
  const status = tabStatus(url, {
    portals: PORTAL_PATTERNS,
    builtIn: builtInPatterns(),
    userSites: await userSites(),
  });
  const chosenId = await getTabPayer(tabId);
  if (status.state === 'active' || status.state === 'inactive') {
    const resolved = await resolvePayerFor(url!, tabId);
    return { tabId, url, status, payer: resolved.profile, chosenId };
  }
  // Without an address only a payer picked for the tab is known.
  const profiles = chosenId ? await readPayerProfiles() : [];
  const payer = profiles.find((p) => p.id === chosenId && p.enabled);
  return { tabId, url, status, payer, chosenId };
}

/**
 * The active tab and what applies to it, kept up to date: switching or loading tabs, the sites turned on or off,
 * the office's settings, the group's policy and the payer picked for the tab all refresh it.
 * `undefined` while loading; `null` when there is no tab to speak of.
 */
export function useCurrentTab(): [CurrentTab | null | undefined, () => void] {
  const [current, setCurrent] = useState<CurrentTab | null | undefined>(undefined);
  const loader = useRef<() => void>(() => undefined);
  useEffect(() => {
    let live = true;
    let run = 0;
    let tracked: number | undefined;
    const load = () => {
      const mine = ++run;
      readCurrentTab().then(
        (next) => {
          if (!live || mine !== run) return;
          tracked = next?.tabId;
          setCurrent(next);
        },
        () => {
          if (live && mine === run) setCurrent(null);
        },
      );
    };
    // Other tabs load all the time: only the tab in view (or one that just became active) matters.
    const onUpdated = (tabId: number, change: { url?: string; status?: string }, tab?: { active?: boolean }) => {
      if ((tabId === tracked || tab?.active) && (change.url !== undefined || change.status !== undefined)) load();
    };
    const permissions = browser.permissions as Partial<typeof browser.permissions> | undefined;
    loader.current = load;
    load();
    browser.tabs.onActivated.addListener(load);
    browser.tabs.onUpdated.addListener(onUpdated);
    permissions?.onAdded?.addListener(load);
    permissions?.onRemoved?.addListener(load);
    const unwatch = [
      watchSettings(load),
      watchManaged(load),
      watchTabPayers(load),
    ];
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(load);
      browser.tabs.onUpdated.removeListener(onUpdated);
      permissions?.onAdded?.removeListener(load);
      permissions?.onRemoved?.removeListener(load);
      for (const stop of unwatch) stop();
    };
  }, []);
  const refresh = useCallback(() => loader.current(), []);
  return [current, refresh];
}
