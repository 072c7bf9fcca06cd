import type { PayerProfile } from '../../lib/payers/schema';
import { type Severity, SEVERITIES } from '../../lib/rules/ids';
import { RULES } from '../../lib/rules/index';
import type { PayerLocks } from '../../lib/settings/managed';
import { Lock } from './Lock';

const LABEL: Record<Severity, string> = { off: 'Off', info: 'Note', warning: 'Warning', error: 'Error' };

interface Props {
  display: PayerProfile;
  locks: PayerLocks;
  onChange(change: (p: PayerProfile) => void): void;
}

/** Per rule: how loudly this payer's pages flag it, like a linter's configuration. */
export function RulesTable({ display, locks, onChange }: Props) {
  return (
    <fieldset class="rules">
      <legend>Checks and how they show</legend>
      <p class="hint">
        Off hides a check for this payer; Note, Warning and Error set the colour of the badge beside the code.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Show as</th>
          </tr>
        </thead>
        <tbody>
          {RULES.map((rule) => {
            const locked = locks.all || locks.rules.has(rule.id);
            const value = display.rules[rule.id] ?? rule.defaultSeverity;
            const id = `rule-${rule.id}`;
            return (
              <tr key={rule.id} data-rule={rule.id}>
                <td>
                  <label for={id}>
                    <code>{rule.id}</code>
                    <span class="rule-description">{rule.description}</span>
                  </label>
                </td>
                <td>
                  <select
                    id={id}
                    value={value}
                    disabled={locked}
                    onChange={(e) =>
                      onChange((p) => {
                        p.rules[rule.id] = e.currentTarget.value as Severity;
                      })
                    }
                  >
                    {SEVERITIES.map((s) => (
                      <option key={s} value={s}>
                        {LABEL[s]}
                        {s === rule.defaultSeverity ? ' (usual)' : ''}
                      </option>
                    ))}
                  </select>
                  <Lock locked={locked} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
