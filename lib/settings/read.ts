import { type BackgroundMessage, isTabPayerChanged } from '../messages/types';
import type { PayerProfile } from '../payers/schema';
import { bundledPayers } from './bundled';
import { mergePayers, type PayerLayer, type ResolvedPayer, resolveFromProfiles, userLayer } from './merge';
import { rawItem } from './raw-item';
import { sanitizeLayer, sanitizeSettings } from './sanitize';
import type { Settings } from './schema';
import { SETTINGS_VERSION } from './version';

/**
 * The read side of settings for every context, the content script included: no zod. Stored settings were
 * validated when they were written (options page, import, background); here a small hand check guards
 * against a hand-edited value, which reads as "no changes" until the background or options page recovers it.
 */

const storedSettings = rawItem('local', 'settings');

const EMPTY: Settings = { version: SETTINGS_VERSION, payers: {}, addedPayers: [], sites: [], licensedData: false };

export async function readSettings(): Promise<Settings> {
  return sanitizeSettings(await storedSettings.get()) ?? structuredClone(EMPTY);
}

/** Calls back with the new settings whenever they change (in any context); returns the unwatch function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return storedSettings.watch((value) => callback(sanitizeSettings(value) ?? structuredClone(EMPTY)));
}

/** The group's managed policy (storage.managed), well-formed entries only; empty when there is none. */
export async function readManagedLayer(): Promise<PayerLayer & { message?: string }> {
  try {
    const policy = await browser.storage.managed.get();
    const message = typeof policy.message === 'string' ? policy.message : undefined;
    return { ...sanitizeLayer(policy), message };
  } catch {
    // Firefox throws when no policy names the extension; Chrome returns {}.
    return { payers: {}, addedPayers: [] };
  }
}

export function watchManaged(callback: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Every payer profile in force: bundled defaults, the user's changes, the managed policy on top. */
export async function readPayerProfiles(): Promise<PayerProfile[]> {
  const [settings, managed] = await Promise.all([readSettings(), readManagedLayer()]);
  return mergePayers(bundledPayers(), userLayer(settings), managed);
}

/** From a content script: the payer the user picked for this tab in the popup, or null (automatic). */
export async function getOwnTabPayerChoice(): Promise<string | null> {
  try {
    const answer = (await browser.runtime.sendMessage({ type: 'get-tab-payer' } satisfies BackgroundMessage)) as {
      payerId?: unknown;
    } | null;
    return typeof answer?.payerId === 'string' ? answer.payerId : null;
  } catch {
    return null;
  }
}

/**
 * For the content script: the payer in force for a page, now and after every change of the settings, the
 * managed policy or the popup's choice for this tab. Pass the top page's URL when known. Returns unwatch.
 */
export function watchPayerFor(url: string, callback: (resolved: ResolvedPayer) => void): () => void {
  let chosen: string | null = null;
  let stopped = false;
  let run = 0;
  const emit = async () => {
    const mine = ++run;
    const profiles = await readPayerProfiles();
    if (!stopped && mine === run) callback(resolveFromProfiles(url, profiles, chosen));
  };
  const onMessage = (message: unknown) => {
    if (!isTabPayerChanged(message)) return;
    chosen = message.payerId;
    void emit();
  };
  browser.runtime.onMessage.addListener(onMessage);
  const unwatchSettings = watchSettings(() => void emit());
  const unwatchManaged = watchManaged(() => void emit());
  void getOwnTabPayerChoice().then((id) => {
    chosen = id;
    return emit();
  });
  return () => {
    stopped = true;
    browser.runtime.onMessage.removeListener(onMessage);
    unwatchSettings();
    unwatchManaged();
  };
}
