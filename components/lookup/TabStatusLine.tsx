import { useEffect, useState } from 'preact/hooks';
import { contentScriptPatterns, PAYERS } from './data';
import { type TabStatus, tabStatus } from './tab-status';

async function currentTabStatus(): Promise<TabStatus> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tabStatus(tab?.url, await contentScriptPatterns(), PAYERS);
}

const TEXT = {
  active: 'On for this page',
  inactive: 'Not on for this page',
  unknown: "Can't tell whether CDT Lens is on for this page",
} as const;

/** Whether CDT Lens checks codes on the current tab; choosing sites lives on the options page. */
export function TabStatusLine() {
  const [status, setStatus] = useState<TabStatus | null>(null);
  useEffect(() => {
    const refresh = () => void currentTabStatus().then(setStatus, () => setStatus({ state: 'unknown' }));
    refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(refresh);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(refresh);
    };
  }, []);
  if (!status) return null;
  return (
    <p class={`tab-status ${status.state}`} data-tab-status={status.state}>
      <span class="dot" aria-hidden="true" />
      {TEXT[status.state]}
      {status.state === 'active' && status.payer ? ` · ${status.payer}` : ''}
      <button type="button" class="linklike" onClick={() => void browser.runtime.openOptionsPage()}>
        Choose sites in settings
      </button>
    </p>
  );
}
