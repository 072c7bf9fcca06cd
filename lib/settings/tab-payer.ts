import { storage } from '@wxt-dev/storage';
import type { TabPayerChanged } from '../messages/types';
import { type ResolvedPayer, resolveFromProfiles } from './merge';
import { readPayerProfiles } from './read';

/**
 * The payer the user picked for one tab in the popup, overriding the automatic choice by host. Kept in
 * storage.session, one key per tab: it lasts while the browser runs and is gone after a restart, like the tab ids
 * it is keyed by. A pick is one write, sent as the user picks: the popup may close at once, and a read before the
 * write could be cut off with it.
 */
const TAB_PAYER_KEY = 'tabPayer:';
const keyOf = (tabId: number) => `session:${TAB_PAYER_KEY}${tabId}` as const;

export async function getTabPayer(tabId: number): Promise<string | null> {
  const value = await storage.getItem<unknown>(keyOf(tabId));
  return typeof value === 'string' ? value : null;
}

/** Picks a payer for a tab (null: back to automatic) and tells the tab's content scripts right away. */
export async function setTabPayer(tabId: number, payerId: string | null): Promise<void> {
  await (payerId ? storage.setItem(keyOf(tabId), payerId) : storage.removeItem(keyOf(tabId)));
  const message: TabPayerChanged = { type: 'tab-payer-changed', payerId };
  // A tab with no content script (a new tab page) has no one to tell: that is fine.
  await Promise.resolve()
    .then(() => browser.tabs.sendMessage(tabId, message))
    .catch(() => undefined);
}

/** Forgets a closed tab's choice (the background calls this on tabs.onRemoved). */
export async function clearTabPayer(tabId: number): Promise<void> {
  await storage.removeItem(keyOf(tabId));
}

/** Calls back when the payer picked for any tab changes, in any context; returns the unwatch function. */
export function watchTabPayers(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && Object.keys(changes).some((key) => key.startsWith(TAB_PAYER_KEY))) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** For the popup: the payer in force for a tab's page, and whether the user picked it. */
export async function resolvePayerFor(url: string, tabId?: number): Promise<ResolvedPayer> {
  const [profiles, chosen] = await Promise.all([readPayerProfiles(), tabId === undefined ? null : getTabPayer(tabId)]);
  return resolveFromProfiles(url, profiles, chosen);
}
