import { useEffect, useState } from 'preact/hooks';
import { disableSite, enableSite, type EnableResult, SiteError } from '../../lib/sites';
import type { CurrentTab } from './use-current-tab';

type Notice =
  | { kind: 'asking' | 'granted' | 'already' | 'denied' | 'off'; origin: string }
  | { kind: 'error'; text: string };

function noticeText(n: Notice): string {
  switch (n.kind) {
    case 'asking':
      return `Answer the browser’s question to turn CDT Lens on for ${n.origin}.`;
    case 'granted':
      return `On for ${n.origin} – reload the page to start.`;
    case 'already':
      return `CDT Lens already runs on ${n.origin}.`;
    case 'denied':
      return `The browser did not give CDT Lens permission for ${n.origin}, so it stays off there. Nothing was changed; you can try again.`;
    case 'off':
      return `Off for ${n.origin}. Reload the page to take CDT Lens off it.`;
    case 'error':
      return n.text;
  }
}

const errorText = (what: string, e: unknown) =>
  e instanceof SiteError ? e.message : `Could not ${what}: ${e instanceof Error ? e.message : String(e)}`;

function resultNotice(result: EnableResult): Notice {
  if (!result.ok) return { kind: 'denied', origin: result.origin };
  return { kind: result.already ? 'already' : 'granted', origin: result.origin };
}

export interface TabStatusLineProps {
  current: CurrentTab;
  /** Called after a site was turned on or off here, to read the tab's status again. */
  onChanged(): void;
}

/**
 * Whether CDT Lens runs on the current tab, with the one action that fits: turn it on for a web page it is not
 * on for, or off for a site the user turned on. Bundled payer portals are always on. Choosing sites in bulk lives
 * on the options page.
 */
export function TabStatusLine({ current, onChanged }: TabStatusLineProps) {
  const { status, tabId } = current;
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // A reload or another page in the tab makes the last message stale.
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status === 'loading') setNotice(null);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  }, [tabId]);

  /** A turn on or off finished: say how it went and read the tab's status again. */
  const settle = (next: Notice) => {
    setNotice(next);
    setBusy(false);
    onChanged();
  };
  const turnOn = (origin: string) => {
    // First, with no await before it: the browser shows its permission prompt only during the click itself.
    const request = enableSite(origin);
    setBusy(true);
    setNotice({ kind: 'asking', origin });
    request
      .then(resultNotice, (e: unknown): Notice => ({ kind: 'error', text: errorText('turn CDT Lens on', e) }))
      .then(settle);
  };
  const turnOff = (origin: string, sites: readonly string[]) => {
    setBusy(true);
    setNotice(null);
    sites
      .reduce((done, site) => done.then(() => disableSite(site)), Promise.resolve())
      .then(
        (): Notice => ({ kind: 'off', origin }),
        (e: unknown): Notice => ({ kind: 'error', text: errorText('turn CDT Lens off', e) }),
      )
      .then(settle);
  };
  const reload = () => void browser.tabs.reload(tabId).catch(() => undefined);

  let text: string;
  let action = null;
  let note: string | null = null;
  switch (status.state) {
    case 'active':
      text = status.source === 'user' ? `On for ${status.origin}` : 'On for this page';
      if (status.source === 'user')
        action = (
          <button type="button" data-site-off disabled={busy} onClick={() => turnOff(status.origin, status.sites)}>
            Turn off for this site
          </button>
        );
      else
        note =
          status.source === 'portal'
            ? 'Payer portals CDT Lens knows are always on; they can’t be turned off here.'
            : 'This site is built into this copy of CDT Lens, so it can’t be turned off here.';
      break;
    case 'inactive':
      text = 'Not on for this page';
      action = (
        <button type="button" class="primary" data-site-on disabled={busy} onClick={() => turnOn(status.origin)}>
          Turn on CDT Lens for {status.origin}
        </button>
      );
      break;
    case 'not-web':
      text = 'Not on for this page: CDT Lens works on web pages only';
      break;
    case 'unknown':
      text = 'Can’t tell whether CDT Lens is on for this page';
      break;
  }

  const reloadable = notice?.kind === 'granted' || notice?.kind === 'off';
  return (
    <div
      class={`tab-status ${status.state}`}
      data-tab-status={status.state}
      data-site-source={status.state === 'active' ? status.source : undefined}
    >
      <p class="status-text">
        <span class="dot" aria-hidden="true" />
        <span>{text}</span>
        <button type="button" class="linklike" onClick={() => void browser.runtime.openOptionsPage()}>
          Choose sites in settings
        </button>
      </p>
      {note ? <p class="site-note">{note}</p> : null}
      {action ? <p class="site-action">{action}</p> : null}
      <div class="site-notice" aria-live="polite" data-site-notice={notice?.kind}>
        {notice ? (
          <p>
            {noticeText(notice)}
            {reloadable ? (
              <>
                {' '}
                <button type="button" class="linklike" onClick={reload}>
                  Reload the page
                </button>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
    </div>
  );
}
