import { storage } from '@wxt-dev/storage';
import type { TabPayerChanged } from '../messages/types';
import { omitKey, own, type ResolvedPayer, resolveFromProfiles } from './merge';
import { readPayerProfiles } from './read';
import { TAB_PAYERS_KEY } from './version';

/**
 * The payer the user picked for one tab in the popup, overriding the automatic choice by host. Kept in
 * storage.session: it lasts while the browser runs and is gone after a restart, like the tab ids it is keyed by.
 */
const tabPayers = storage.defineItem<Record<string, string>>(TAB_PAYERS_KEY, { fallback: {} });

export async function getTabPayer(tabId: number): Promise<string | null> {
  return own(await tabPayers.getValue(), String(tabId)) ?? null;
}

/** Picks a payer for a tab (null: back to automatic) and tells the tab's content scripts right away. */
export async function setTabPayer(tabId: number, payerId: string | null): Promise<void> {
  const all = await tabPayers.getValue();
  await tabPayers.setValue(payerId ? { ...all, [String(tabId)]: payerId } : omitKey(all, String(tabId)));
  const message: TabPayerChanged = { type: 'tab-payer-changed', payerId };
  // A tab with no content script (a new tab page) has no one to tell: that is fine.
  await Promise.resolve()
    .then(() => browser.tabs.sendMessage(tabId, message))
    .catch(() => undefined);
}

/** Forgets a closed tab's choice (the background calls this on tabs.onRemoved). */
export async function clearTabPayer(tabId: number): Promise<void> {
  const all = await tabPayers.getValue();
  if (!Object.hasOwn(all, String(tabId))) return;
  await tabPayers.setValue(omitKey(all, String(tabId)));
}

/** For the popup: the payer in force for a tab's page, and whether the user picked it. */
export async function resolvePayerFor(url: string, tabId?: number): Promise<ResolvedPayer> {
  const [profiles, chosen] = await Promise.all([readPayerProfiles(), tabId === undefined ? null : getTabPayer(tabId)]);
  return resolveFromProfiles(url, profiles, chosen);
}
