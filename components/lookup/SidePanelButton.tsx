import { useEffect, useState } from 'preact/hooks';

interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
}

/** Chrome's side panel API; Firefox's sidebar. Neither exists everywhere, so both are feature-detected. */
function sidePanelApi(): ChromeSidePanel | undefined {
  return (globalThis as { chrome?: { sidePanel?: Partial<ChromeSidePanel> } }).chrome?.sidePanel?.open
    ? ((globalThis as unknown as { chrome: { sidePanel: ChromeSidePanel } }).chrome.sidePanel)
    : undefined;
}
function sidebarApi(): FirefoxSidebar | undefined {
  const api = (browser as unknown as { sidebarAction?: Partial<FirefoxSidebar> }).sidebarAction;
  return api?.open ? (api as FirefoxSidebar) : undefined;
}

function closeIfPopup() {
  if (browser.extension.getViews({ type: 'popup' }).includes(window)) window.close();
}

/** Opens the same lookup in the side panel; hidden where the browser has no way to open it from here. */
export function SidePanelButton() {
  const [windowId, setWindowId] = useState<number>();
  const chromePanel = sidePanelApi();
  const firefoxSidebar = sidebarApi();
  useEffect(() => {
    // Fetched up front: sidePanel.open must run in the click itself, before any await.
    if (chromePanel) void browser.windows.getCurrent().then((w) => setWindowId(w.id));
  }, []);
  if (!chromePanel && !firefoxSidebar) return null;
  const open = () => {
    if (chromePanel && windowId === undefined) return;
    const opened = chromePanel ? chromePanel.open({ windowId: windowId! }) : firefoxSidebar!.open();
    void opened.then(closeIfPopup, () => undefined);
  };
  return (
    <button type="button" class="linklike side-panel" onClick={open} disabled={!!chromePanel && windowId === undefined}>
      Open in side panel
    </button>
  );
}
