/** The last codes opened in the code view, newest first, kept in browser.storage.local as code strings only. */
export const RECENT_KEY = 'recentCodes';
export const MAX_RECENT = 12;

export function withRecent(list: readonly string[], code: string): string[] {
  return [code, ...list.filter((c) => c !== code)].slice(0, MAX_RECENT);
}

function codesOnly(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string' && /^D\d{4}$/.test(c)) : [];
}

export async function loadRecent(): Promise<string[]> {
  const stored = await browser.storage.local.get(RECENT_KEY);
  return codesOnly(stored[RECENT_KEY]).slice(0, MAX_RECENT);
}

export async function rememberOpened(code: string): Promise<string[]> {
  const next = withRecent(await loadRecent(), code);
  await browser.storage.local.set({ [RECENT_KEY]: next });
  return next;
}
