import type { Runtime } from 'webextension-polyfill';

const CODE = /^D\d{4}$/;

interface SidePanelApi {
  setOptions(options: { tabId?: number; path?: string; enabled?: boolean }): Promise<void>;
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}

/**
 * Opens a code's full card from the inline card's link: in the side panel next to the portal where the browser
 * has one (Chrome), else the lookup page in a new tab beside the portal. The code is all that travels.
 */
export async function openFullCard(code: string, sender: Runtime.MessageSender): Promise<'side-panel' | 'tab' | 'refused'> {
  if (!CODE.test(code)) return 'refused';
  const tabId = sender.tab?.id;
  const sidePanel = (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
  if (sidePanel && tabId !== undefined) {
    try {
      await sidePanel.setOptions({ tabId, path: `sidepanel.html#${code}`, enabled: true });
      await sidePanel.open({ tabId });
      return 'side-panel';
    } catch {
      // No user gesture reached us, or the panel is unavailable: fall back to a tab.
    }
  }
  await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html#${code}` as '/popup.html'), index: sender.tab ? sender.tab.index + 1 : undefined });
  return 'tab';
}
