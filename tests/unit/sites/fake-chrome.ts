import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * Host permissions and registered content scripts as Chrome keeps them, in memory (WXT's fake browser leaves them
 * to tests): `request` grants (or, with `grant: false`, refuses) and registering an id twice fails as in Chrome.
 */
export function fakeChrome({ grant = true } = {}) {
  const granted = new Set<string>();
  const scripts = new Map<string, { id: string; matches: string[] }>();
  const api = {
    permissions: {
      request: vi.fn(async ({ origins }: { origins: string[] }) => {
        if (grant) for (const o of origins) granted.add(o);
        return grant;
      }),
      remove: vi.fn(async ({ origins }: { origins: string[] }) => {
        for (const o of origins) granted.delete(o);
        return true;
      }),
      getAll: vi.fn(async () => ({ origins: [...granted], permissions: [] })),
    },
    scripting: {
      registerContentScripts: vi.fn(async (list: { id: string; matches: string[] }[]) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, s);
        }
      }),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        for (const id of ids) scripts.delete(id);
      }),
      getRegisteredContentScripts: vi.fn(async () => [...scripts.values()]),
    },
  };
  Object.assign(fakeBrowser.permissions, api.permissions);
  Object.assign(fakeBrowser.scripting, api.scripting);
  return { api, granted, scripts };
}
