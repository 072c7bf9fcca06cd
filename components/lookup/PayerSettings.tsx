import type { CodePolicy, PayerProfile } from '../../lib/payers/schema';
import { DEFAULT_PAYER_ID, selectable } from './data';
import { frequencyText } from './facts';

const RULE_LABEL: Record<string, string> = { off: 'off', info: 'note', warning: 'check', error: 'likely rejected' };

function PolicyList({ policy }: { policy: CodePolicy }) {
  const rows: [string, string][] = [];
  if (policy.covered !== undefined) rows.push(['Covered', policy.covered ? 'Yes' : 'No']);
  if (policy.frequency) rows.push(['Frequency', frequencyText(policy.frequency)]);
  if (policy.priorAuth !== undefined)
    rows.push(['Prior authorisation', policy.priorAuth ? 'Required' : 'Not required']);
  if (policy.attachments?.length) rows.push(['Attachments', policy.attachments.join('; ')]);
  if (policy.minAge !== undefined || policy.maxAge !== undefined)
    rows.push(['Ages', `${policy.minAge ?? 0} to ${policy.maxAge ?? 'any'}`]);
  if (policy.checklist?.length) rows.push(['Payer checklist', policy.checklist.join('; ')]);
  if (policy.note) rows.push(['Note', policy.note]);
  return (
    <dl class="facts" data-payer-policy>
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface PayerSettingsProps {
  code: string;
  payerId: string;
  /** Every payer profile in force (the office's settings applied), "Default" first. */
  profiles: readonly PayerProfile[];
  /** The payer in force on the current tab, marked in the list. */
  tabPayerId?: string;
  onPayerChange(id: string): void;
}

/** The chosen payer profile's settings for one code, as the office set them: its policy, rule severities and notes. */
export function PayerSettings({ code, payerId, profiles, tabPayerId, onPayerChange }: PayerSettingsProps) {
  const options = selectable(profiles);
  const profile =
    options.find((p) => p.id === payerId) ?? options.find((p) => p.id === DEFAULT_PAYER_ID) ?? options[0];
  if (!profile) return <p class="muted">No payer profiles.</p>;
  const policy = Object.hasOwn(profile.codes, code) ? profile.codes[code] : undefined;
  const severities = Object.entries(profile.rules);
  const empty = !policy && !severities.length && !profile.note;
  return (
    <div class="payer-settings" data-payer={profile.id}>
      <label class="field">
        <span>Payer profile</span>
        <select value={profile.id} onChange={(e) => onPayerChange(e.currentTarget.value)}>
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id === tabPayerId ? `${p.name} (this tab)` : p.name}
            </option>
          ))}
        </select>
      </label>
      {empty ? (
        <p class="muted" data-payer-empty>
          No payer-specific settings for {code} in {profile.name}.
        </p>
      ) : (
        <>
          {policy ? (
            <PolicyList policy={policy} />
          ) : (
            <p class="muted">No settings for {code} itself in {profile.name}.</p>
          )}
          {severities.length ? (
            <p data-payer-rules>
              Rule severities:{' '}
              {severities.map(([rule, sev], i) => (
                <span key={rule}>
                  {i ? ', ' : ''}
                  {rule} <em>{RULE_LABEL[sev] ?? sev}</em>
                </span>
              ))}
            </p>
          ) : null}
          {profile.note ? <p class="muted">{profile.note}</p> : null}
        </>
      )}
    </div>
  );
}
