import { useEffect, useState } from 'preact/hooks';
import { watchSettings } from '../../lib/settings/read';
import { SiteError, type SiteStatus, disableSite, enableSite, listSites } from '../../lib/sites';
import type { ConfirmOptions } from './confirm';

/** Sites besides the payer portals where CDT Lens runs: turn one on (the browser asks) or off. */
export function SitesSection({ confirm }: { confirm(options: ConfirmOptions): Promise<boolean> }) {
  const [sites, setSites] = useState<SiteStatus[]>([]);
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  const refresh = () => void listSites().then(setSites, () => setSites([]));
  useEffect(() => {
    refresh();
    return watchSettings(refresh);
  }, []);

  function turnOn(e: Event) {
    e.preventDefault();
    // enableSite asks the browser for permission first thing: no await may come before it (user gesture).
    enableSite(address).then(
      (result) => {
        if (result.ok) {
          setAddress('');
          setMessage({ text: result.already ? `${result.origin} is a payer portal: CDT Lens already runs there.` : `CDT Lens is on for ${result.origin}. Reload its open pages.` });
        } else setMessage({ text: `The browser did not allow ${result.origin}, so CDT Lens stays off there.`, error: true });
        refresh();
      },
      (err: unknown) => setMessage({ text: err instanceof SiteError ? err.message : `Could not turn it on: ${String(err)}`, error: true }),
    );
  }

  async function turnOff(origin: string) {
    const ok = await confirm({
      title: `Turn CDT Lens off for ${origin}?`,
      body: 'Badges stop appearing there (reload its open pages), and the browser’s permission for the site is given back.',
      confirmLabel: 'Turn off',
      danger: true,
    });
    if (!ok) return;
    await disableSite(origin);
    setMessage({ text: `CDT Lens is off for ${origin}.` });
    refresh();
  }

  return (
    <section id="sites" aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      <p class="hint">
        CDT Lens runs on the payer portals listed under Payers. Turn it on for other sites too, such as your practice
        management system’s claim screen or a regional portal. It never runs anywhere else.
      </p>
      {sites.length ? (
        <ul class="site-list">
          {sites.map((s) => (
            <li key={s.origin} data-site={s.origin}>
              <span class="origin">{s.origin}</span>
              {!s.granted && <span class="warn-text"> (the browser’s permission was withdrawn: turn it on again)</span>}
              <button type="button" class="danger" onClick={() => void turnOff(s.origin)}>
                Turn off
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>No other sites yet.</p>
      )}
      <form class="row" onSubmit={turnOn}>
        <div class="field grow">
          <label for="site-address">Site address</label>
          <input id="site-address" value={address} placeholder="https://pms.example.com" onInput={(e) => setAddress(e.currentTarget.value)} />
        </div>
        <button type="submit" class="primary" disabled={!address.trim()}>
          Turn on
        </button>
      </form>
      <p class={message?.error ? 'error' : 'status'} role="status" aria-live="polite">
        {message?.text}
      </p>
    </section>
  );
}
