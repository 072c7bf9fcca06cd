/** Messages between the extension's contexts. Dependency-free: the content script imports this file. */

/** To the background from this extension's own pages and content scripts. */
export type BackgroundMessage =
  | { type: 'get-card'; code: string }
  /** The inline card's "full card" link: open the code in the side panel or a tab (open-card.ts). */
  | { type: 'open-full-card'; code: string }
  /** A content script asks which payer the user picked for its tab (storage.session is not readable there). */
  | { type: 'get-tab-payer' }
  /** A frame's loader (entrypoints/content-loader.ts): the page has loaded, inject the inline hints here. */
  | { type: 'start-inline-hints' };

/** To a tab's content scripts: the user picked a payer for this tab in the popup (null: automatic again). */
export interface TabPayerChanged {
  type: 'tab-payer-changed';
  payerId: string | null;
}

export function isBackgroundMessage(m: unknown): m is BackgroundMessage {
  if (typeof m !== 'object' || m === null) return false;
  const { type, code } = m as { type?: unknown; code?: unknown };
  return ((type === 'get-card' || type === 'open-full-card') && typeof code === 'string') || type === 'get-tab-payer' || type === 'start-inline-hints';
}

export function isTabPayerChanged(m: unknown): m is TabPayerChanged {
  if (typeof m !== 'object' || m === null) return false;
  const { type, payerId } = m as { type?: unknown; payerId?: unknown };
  return type === 'tab-payer-changed' && (payerId === null || typeof payerId === 'string');
}
