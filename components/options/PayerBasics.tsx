import { MatchPattern, type PayerProfile } from '../../lib/payers/schema';
import type { PayerLocks } from '../../lib/settings/managed';
import { LinesField } from './LinesField';
import { Lock } from './Lock';

interface Props {
  profile: PayerProfile;
  display: PayerProfile;
  locks: PayerLocks;
  onChange(change: (p: PayerProfile) => void): void;
}

/** Name, on/off, portal sites and note of one payer. */
export function PayerBasics({ profile, display, locks, onChange }: Props) {
  const badHosts = display.hosts.filter((h) => !MatchPattern.safeParse(h).success);
  const isDefault = profile.kind === 'default';

  return (
    <fieldset class="basics">
      <legend>About this payer</legend>
      <div class="field">
        <label for="payer-name">Name</label>
        <input
          id="payer-name"
          value={display.name}
          maxLength={120}
          disabled={locks.name || locks.all}
          onInput={(e) => onChange((p) => void (p.name = e.currentTarget.value))}
        />
        <Lock locked={locks.name || locks.all} />
      </div>
      {!isDefault && (
        <div class="field check">
          <input
            id="payer-enabled"
            type="checkbox"
            checked={display.enabled}
            disabled={locks.enabled || locks.all}
            onChange={(e) => onChange((p) => void (p.enabled = e.currentTarget.checked))}
          />
          <label for="payer-enabled">Use this payer’s settings on its portal sites</label>
          <Lock locked={locks.enabled || locks.all} />
        </div>
      )}
      {isDefault ? (
        <p class="hint">The Default profile applies on every page that matches no other payer.</p>
      ) : (
        <div class="field">
          <label for="payer-hosts">Portal sites (one per line)</label>
          <LinesField
            id="payer-hosts"
            rows={3}
            value={display.hosts}
            disabled={locks.hosts || locks.all}
            describedBy="payer-hosts-hint"
            invalid={badHosts.length > 0}
            onChange={(hosts) => onChange((p) => void (p.hosts = hosts))}
          />
          <Lock locked={locks.hosts || locks.all} />
          <p id="payer-hosts-hint" class="hint">
            Addresses such as <code>https://portal.example.com/*</code>. Pages there use this payer’s settings.
          </p>
          {badHosts.length > 0 && (
            <p class="error" role="alert">
              Not a site pattern: {badHosts.slice(0, 3).join(', ')}. Write it like https://portal.example.com/*
            </p>
          )}
        </div>
      )}
      <div class="field">
        <label for="payer-note">Note for your team</label>
        <textarea
          id="payer-note"
          rows={2}
          maxLength={4000}
          value={display.note ?? ''}
          disabled={locks.note || locks.all}
          onInput={(e) => onChange((p) => void (p.note = e.currentTarget.value))}
        />
        <Lock locked={locks.note || locks.all} />
      </div>
    </fieldset>
  );
}
