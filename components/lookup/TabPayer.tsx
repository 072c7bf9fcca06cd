import { useState } from 'preact/hooks';
import type { PayerProfile } from '../../lib/payers/schema';
import { setTabPayer } from '../../lib/settings/tab-payer';
import { selectable } from './data';
import type { CurrentTab } from './use-current-tab';

export interface TabPayerProps {
  current: CurrentTab;
  profiles: readonly PayerProfile[];
}

/**
 * The payer profile in force on the current tab, with a select to pick another one for this tab only
 * (kept in storage.session, told to the tab's content script at once) or go back to automatic (by site).
 */
export function TabPayer({ current, profiles }: TabPayerProps) {
  const [error, setError] = useState('');
  const options = selectable(profiles);
  const chosen = current.chosenId && options.some((p) => p.id === current.chosenId) ? current.chosenId : '';
  const byUrl = current.url !== undefined;
  const automatic = !chosen && current.payer && byUrl ? `Automatic (by site): ${current.payer.name}` : 'Automatic (by site)';
  const pick = (value: string) => {
    setError('');
    setTabPayer(current.tabId, value || null).catch((e: unknown) =>
      setError(`Could not change the payer: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  return (
    <div class="tab-payer" data-tab-payer={chosen || (byUrl ? current.payer?.id : undefined) || ''} data-chosen={chosen ? 'yes' : 'no'}>
      <label for="tab-payer">Payer on this tab</label>
      <select
        id="tab-payer"
        value={chosen}
        onChange={(e) => pick(e.currentTarget.value)}
        aria-describedby={chosen ? 'tab-payer-hint' : undefined}
      >
        <option value="">{automatic}</option>
        {options.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {chosen ? (
        <p id="tab-payer-hint" class="hint">
          Picked for this tab only; choose “Automatic” to go back to the payer by site.
        </p>
      ) : null}
      {error ? <p class="error-text">{error}</p> : null}
    </div>
  );
}
