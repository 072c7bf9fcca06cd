import { useState } from 'preact/hooks';
import { lookupEntries } from '../../lib/catalog/cards';
import { CATEGORIES } from '../../lib/catalog/schema';
import type { CodePolicy, PayerProfile } from '../../lib/payers/schema';
import type { PayerLocks } from '../../lib/settings/managed';
import { omitKey } from '../../lib/settings/merge';
import type { ConfirmOptions } from './confirm';

export const BULK_ACTIONS: Record<string, { label: string; apply(p: CodePolicy): CodePolicy }> = {
  'prior-yes': { label: 'Prior authorisation required', apply: (p) => ({ ...p, priorAuth: true }) },
  'prior-no': { label: 'Prior authorisation not required', apply: (p) => ({ ...p, priorAuth: false }) },
  'covered-no': { label: 'Not covered', apply: (p) => ({ ...p, covered: false }) },
  'covered-yes': { label: 'Covered', apply: (p) => ({ ...p, covered: true }) },
  clear: { label: 'Clear every policy (typical rules)', apply: () => ({}) },
};

/** Applies one change to every current code of a category, leaving codes the group locked alone. */
export function applyToCategory(profile: PayerProfile, category: string, action: string, locked: (code: string) => boolean): number {
  const change = BULK_ACTIONS[action];
  let n = 0;
  for (const e of lookupEntries()) {
    if (e.category !== category || e.deleted || locked(e.code)) continue;
    const next = change.apply(Object.hasOwn(profile.codes, e.code) ? profile.codes[e.code] : {});
    profile.codes = Object.keys(next).length ? { ...profile.codes, [e.code]: next } : omitKey(profile.codes, e.code);
    n++;
  }
  return n;
}

interface Props {
  display: PayerProfile;
  locks: PayerLocks;
  onChange(change: (p: PayerProfile) => void): void;
  confirm(options: ConfirmOptions): Promise<boolean>;
}

export function BulkApply({ display, locks, onChange, confirm }: Props) {
  const [category, setCategory] = useState<string>(CATEGORIES[0]);
  const [action, setAction] = useState('prior-yes');
  const [done, setDone] = useState('');
  const count = lookupEntries().filter((e) => e.category === category && !e.deleted).length;

  async function apply() {
    const label = BULK_ACTIONS[action].label;
    const ok = await confirm({
      title: `Change ${count} ${category} codes?`,
      body: `Every current ${category} code for ${display.name} gets “${label}”. You can still review before saving, or use Discard changes.`,
      confirmLabel: 'Change them',
    });
    if (!ok) return;
    onChange((p) => {
      applyToCategory(p, category, action, (code) => locks.all || locks.codes.has(code));
    });
    setDone(`${label}: applied to ${category} codes. Not saved yet.`);
  }

  return (
    <div class="bulk" role="group" aria-labelledby="bulk-title">
      <h4 id="bulk-title">Change a whole category</h4>
      <div class="row">
        <div class="field">
          <label for="bulk-category">Category</label>
          <select id="bulk-category" value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="bulk-action">Set</label>
          <select id="bulk-action" value={action} onChange={(e) => setAction(e.currentTarget.value)}>
            {Object.entries(BULK_ACTIONS).map(([key, a]) => (
              <option key={key} value={key}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <button type="button" disabled={locks.all} onClick={() => void apply()}>
          Apply to {count} codes
        </button>
      </div>
      <p class="hint" aria-live="polite">
        {done}
      </p>
    </div>
  );
}
