import { act } from 'preact/test-utils';
import { render, type VNode } from 'preact';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import portalMatches from '../../../.generated/portal-matches.json';
import { fakeChrome } from '../sites/fake-chrome';

/**
 * The fake browser as the popup sees it: one active tab (whose address the browser may or may not tell), host
 * permissions and registered content scripts kept in memory, and the events the lookup listens to.
 */
export function fakeTabBrowser(tab: { id: number; url?: string }, { grant = true } = {}) {
  const chrome = fakeChrome({ grant });
  const event = () => ({ addListener: vi.fn(), removeListener: vi.fn(), hasListener: vi.fn(() => false) });
  const api = {
    request: chrome.api.permissions.request,
    remove: chrome.api.permissions.remove,
    reload: vi.fn(async () => undefined),
    sendMessage: vi.fn(async () => undefined),
  };
  Object.assign(fakeBrowser.permissions, { onAdded: event(), onRemoved: event() });
  Object.assign(fakeBrowser.runtime, {
    getManifest: () => ({ manifest_version: 3, name: 'CDT Lens', version: '0', content_scripts: [{ matches: portalMatches }] }),
  });
  Object.assign(fakeBrowser.tabs, {
    query: vi.fn(async () => [{ ...tab, index: 0, active: true, windowId: 1, highlighted: true, pinned: false, incognito: false }]),
    // The popup and the side panel are not tabs.
    getCurrent: vi.fn(async () => undefined),
    reload: api.reload,
    sendMessage: api.sendMessage,
  });
  return { api, granted: chrome.granted, scripts: chrome.scripts };
}

export function mount(vnode: VNode): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(vnode, root));
  return root;
}

export function unmountAll() {
  for (const root of [...document.body.children]) {
    act(() => render(null, root));
    root.remove();
  }
}

/** Waits until the check passes (effects, storage and the fake browser all answer asynchronously). */
export async function until<T>(check: () => T | Promise<T>, timeout = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() - start > timeout) throw e;
      await act(() => new Promise((ok) => setTimeout(ok, 10)));
    }
  }
}

export const text = (root: ParentNode, selector: string) => root.querySelector(selector)?.textContent ?? '';

export function button(root: ParentNode, name: string | RegExp): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`no button ${String(name)}`);
  return found;
}

export function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
